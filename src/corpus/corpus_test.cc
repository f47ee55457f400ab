#include "testgen/corpus.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <fmt/format.h>

namespace testgen {
namespace {

namespace fs = std::filesystem;

class CorpusTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("tg_corpus_" + std::to_string(getpid()) + "_" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
  }
  void TearDown() override { fs::remove_all(root_); }

  static CaseRecord record(int64_t value, bool rejected = false) {
    CaseRecord r;
    r.target = "puzzle:test";
    r.rejected = rejected;
    r.tree.root().kind = ChoiceKind::kInteger;
    r.tree.root().hi = 1000;
    r.tree.root().value = value;
    r.tree.root().forced = true;
    r.result.features.add("f" + std::to_string(value));
    r.result.signature = rejected ? "sig" : "";
    r.value_text = std::to_string(value);
    r.size = 4;
    r.mutations = {"redraw root"};
    return r;
  }

  fs::path root_;
};

TEST_F(CorpusTest, CreatesTheLayout) {
  Corpus c(root_, "puzzle");
  for (const char* d : {"seeds", "accepted", "rejected", "metadata", "_work"}) EXPECT_TRUE(fs::is_directory(root_ / d)) << d;
}

TEST_F(CorpusTest, SaveWritesCaseAndMetadataAndLoadReadsThemBack) {
  Corpus c(root_, "puzzle");
  std::string id = c.save(record(7));
  EXPECT_EQ(id.size(), 16u);
  EXPECT_EQ(id, Corpus::case_id("puzzle", "puzzle:test", record(7).tree));
  const fs::path dir = root_ / "accepted" / id;
  EXPECT_TRUE(fs::exists(dir / "tree.json"));
  CaseInfo info = Corpus::read_case(dir);
  EXPECT_EQ(info.front, "puzzle");
  EXPECT_EQ(info.target, "puzzle:test");
  EXPECT_EQ(info.size, 4);
  EXPECT_EQ(Corpus::read_tree(dir).root().value, 7);
  auto meta = nlohmann::json::parse(read_file(root_ / "metadata" / (id + ".json")));
  EXPECT_EQ(meta["status"], "accepted");
  EXPECT_EQ(meta["paths"]["case_dir"], "accepted/" + id);
  EXPECT_EQ(meta["mutations"][0], "redraw root");
  EXPECT_EQ(meta["coverage_mode"], "features");
  auto loaded = c.load();
  ASSERT_EQ(loaded.size(), 1u);
  EXPECT_EQ(loaded[0].features.size(), 1u);
  EXPECT_EQ(loaded[0].tree.root().value, 7);
}

TEST_F(CorpusTest, SameContentSameIdAndSavedOnce) {
  Corpus c(root_, "puzzle");
  EXPECT_EQ(c.save(record(3)), c.save(record(3)));
  EXPECT_EQ(c.case_count(), 1u);
  c.save(record(4, true));
  EXPECT_EQ(c.case_count(), 2u);
  EXPECT_TRUE(c.load().back().rejected);
}

TEST_F(CorpusTest, OpeningRepairsWhatAKilledRunLeft) {
  std::string id;
  {
    Corpus c(root_, "puzzle");
    id = c.save(record(5));
  }
  fs::remove(root_ / "metadata" / (id + ".json"));  // killed after the case, before its metadata
  fs::create_directories(root_ / "_work" / "half-written");
  std::ofstream(root_ / "metadata" / ".x.json.tmp.1.1") << "{";
  Corpus reopened(root_, "puzzle");
  EXPECT_TRUE(fs::exists(root_ / "metadata" / (id + ".json")));
  EXPECT_TRUE(fs::is_empty(root_ / "_work"));
  EXPECT_FALSE(fs::exists(root_ / "metadata" / ".x.json.tmp.1.1"));
}

TEST_F(CorpusTest, GlobalCoverageFileHasVersionAndObserved) {
  Corpus c(root_, "puzzle");
  GlobalCoverage g;
  FeatureSet f;
  f.add(0x10);
  g.merge(f);
  c.save_coverage(g, true);
  auto doc = nlohmann::json::parse(read_file(root_ / "metadata" / "global_coverage.json"));
  EXPECT_EQ(doc["version"], 1);
  EXPECT_EQ(doc["observed"][0], "0000000000000010");
}

TEST_F(CorpusTest, ABrokenCaseIsQuarantinedWithAWarningNamingItsFile) {
  Corpus c(root_, "puzzle");
  std::vector<std::string> warnings;
  c.set_warning_sink([&](const std::string& w) { warnings.push_back(w); });
  const std::string good = c.save(record(8));
  const std::string id = c.save(record(9));
  std::ofstream(root_ / "accepted" / id / "tree.json") << "{\"format\":";
  const std::vector<StoredCase> loaded = c.load();
  ASSERT_EQ(loaded.size(), 1u);
  EXPECT_EQ(loaded[0].id, good);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0], (root_ / "accepted" / id / "tree.json").string() + ": not valid JSON at byte 11; the case is moved to " +
                             (root_ / "quarantine" / ("accepted-" + id)).string());
  EXPECT_TRUE(fs::exists(root_ / "quarantine" / ("accepted-" + id) / "case.json"));
  EXPECT_FALSE(fs::exists(root_ / "metadata" / (id + ".json")));
}

TEST_F(CorpusTest, ACaseJsonOfTheWrongShapeNamesTheFileAndTheField) {
  { Corpus c(root_, "puzzle"); c.save(record(5)); }
  const fs::path dir = *fs::directory_iterator(root_ / "accepted");
  std::ofstream(dir / "case.json") << "[]";
  EXPECT_THROW(Corpus::read_case(dir), CorpusError);
  auto c = nlohmann::json::parse(R"({"format":"testgen-case","version":2,"id":"x","front":"puzzle","target":"t",
                                     "status":"accepted","size":"big"})");
  std::ofstream(dir / "case.json") << c.dump();
  try {
    Corpus::read_case(dir);
    FAIL();
  } catch (const CorpusError& e) {
    EXPECT_EQ(std::string(e.what()), (dir / "case.json").string() + ": field 'size' must be an integer in 0..1000000");
  }
  // Opening the corpus sets it aside and goes on.
  Corpus reopened(root_, "puzzle");
  reopened.set_warning_sink([](const std::string&) {});
  EXPECT_EQ(reopened.case_count(), 0u);
  EXPECT_EQ(reopened.quarantined().size(), 1u);
}

TEST_F(CorpusTest, ASecondProcessIsRefusedWhileTheFirstHoldsTheCorpus) {
  Corpus c(root_, "puzzle");
  const pid_t child = ::fork();
  if (child == 0) {
    try {
      Corpus other(root_, "puzzle");
      ::_exit(0);
    } catch (const BusyError&) {
      ::_exit(6);
    }
    ::_exit(1);
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  EXPECT_EQ(WEXITSTATUS(status), 6);
}

TEST_F(CorpusTest, AFindingReplacedByItsReductionKeepsItsId) {
  Corpus c(root_, "puzzle");
  CaseRecord found = record(70, true);
  found.reduced = false;
  const std::string id = c.save(found);
  EXPECT_FALSE(Corpus::read_case(root_ / "rejected" / id).reduced);
  CaseRecord reduced = record(7, true);
  reduced.original = found.tree;
  c.replace(id, reduced);
  const CaseInfo info = Corpus::read_case(root_ / "rejected" / id);
  EXPECT_TRUE(info.reduced);
  EXPECT_EQ(info.value, "7");
  EXPECT_EQ(Corpus::read_tree(root_ / "rejected" / id).root().value, 7);
  EXPECT_EQ(Corpus::read_tree(root_ / "rejected" / id).root().value, 7);
  EXPECT_TRUE(fs::exists(root_ / "rejected" / id / "original_tree.json"));
  EXPECT_EQ(c.case_count(), 1u);
  EXPECT_TRUE(fs::is_empty(root_ / "_work"));
}

TEST_F(CorpusTest, ScratchOfALiveProcessSurvivesAnotherOpening) {
  std::unique_ptr<ScratchDir> mine;
  {
    Corpus c(root_, "puzzle");
    mine = std::make_unique<ScratchDir>(c.work_dir(), "replay");
    std::ofstream(mine->path() / "file") << "x";
    fs::create_directories(root_ / "_work" / "left-by-a-dead-run");
  }
  // Scratch may sit in the shared temporary directory: what is not ours stays.
  fs::create_directories(root_ / "_work" / "not-ours");
  std::ofstream(root_ / "_work" / "not-ours" / ".owner") << "someone else's";
  ScratchDir beside(root_ / "_work", "sweeper");
  EXPECT_TRUE(fs::exists(root_ / "_work" / "not-ours" / ".owner"));
  Corpus again(root_, "puzzle");
  EXPECT_TRUE(fs::exists(mine->path() / "file"));
  EXPECT_FALSE(fs::exists(root_ / "_work" / "left-by-a-dead-run"));
  const fs::path gone = mine->path();
  mine.reset();
  EXPECT_FALSE(fs::exists(gone));
}

}  // namespace
}  // namespace testgen
