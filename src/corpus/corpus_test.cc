#include "testgen/corpus.h"

#include <gtest/gtest.h>
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

TEST_F(CorpusTest, BadFilesAreNamedInErrors) {
  Corpus c(root_, "puzzle");
  std::string id = c.save(record(9));
  std::ofstream(root_ / "accepted" / id / "tree.json") << "{\"format\":";
  try {
    c.load();
    FAIL();
  } catch (const CorpusError& e) {
    EXPECT_EQ(std::string(e.what()), (root_ / "accepted" / id / "tree.json").string() + ": not valid JSON at byte 11");
  }
}

TEST_F(CorpusTest, FailedWriteLeavesNoTemporary) {
  fs::create_directories(root_);
  EXPECT_THROW(write_file_atomic(root_ / "missing-dir" / "f.json", "x"), CorpusError);
  write_file_atomic(root_ / "f.json", "new");
  EXPECT_EQ(read_file(root_ / "f.json"), "new");
  size_t files = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(root_)) ++files;
  EXPECT_EQ(files, 1u);
}

TEST_F(CorpusTest, ArtifactsLandInTheCaseDirectory) {
  Corpus c(root_, "puzzle");
  CaseRecord r = record(9, true);
  r.result.artifacts = {{"report.txt", "field a\n"}, {"sub/run.sh", "#!/bin/sh\n", true}};
  const fs::path dir = root_ / "rejected" / c.save(r);
  EXPECT_EQ(read_file(dir / "report.txt"), "field a\n");
  EXPECT_EQ(read_file(dir / "sub" / "run.sh"), "#!/bin/sh\n");
  EXPECT_NE(fs::status(dir / "sub" / "run.sh").permissions() & fs::perms::owner_exec, fs::perms::none);
}

TEST_F(CorpusTest, AnArtifactOutsideTheCaseIsRefusedAndNothingIsLeft) {
  Corpus c(root_, "puzzle");
  CaseRecord r = record(10, true);
  r.result.artifacts = {{"../escape.txt", "x"}};
  EXPECT_THROW(c.save(r), CorpusError);
  EXPECT_EQ(c.case_count(), 0u);
  EXPECT_FALSE(fs::exists(root_ / "escape.txt"));
  EXPECT_TRUE(fs::is_empty(root_ / "_work"));
}

TEST_F(CorpusTest, NamedFeaturesAreListedByNameEverywhere) {
  CaseRecord r = record(11);
  r.result.features = FeatureSet();
  r.result.feature_names = {"split_vote", "leader_elected"};
  for (const std::string& n : r.result.feature_names) r.result.features.add(n);
  r.result.features.add("unnamed");
  r.result.artifacts = {{"logs/raft_events.csv", "time_ms\n"}, {"config.toml", "a = 1\n"}};
  {
    Corpus c(root_, "scenario");
    const std::string id = c.save(r);
    auto meta = nlohmann::json::parse(read_file(root_ / "metadata" / (id + ".json")));
    EXPECT_EQ(meta["coverage_mode"], "coverpoints");
    EXPECT_EQ(meta["observed"], (std::vector<std::string>{"split_vote", "leader_elected"}));
    EXPECT_EQ(meta["traces"], std::vector<std::string>{"accepted/" + id + "/logs/raft_events.csv"});
    EXPECT_EQ(meta["paths"]["config"], "accepted/" + id + "/config.toml");
  }
  // A corpus opened again learns the names back from its cases.
  Corpus again(root_, "scenario");
  GlobalCoverage global;
  for (const StoredCase& sc : again.load()) global.merge(sc.features);
  again.save_coverage(global, true);
  auto doc = nlohmann::json::parse(read_file(root_ / "metadata" / "global_coverage.json"));
  ASSERT_EQ(doc["observed"].size(), 3u);
  EXPECT_EQ(doc["observed"][0], "leader_elected");
  EXPECT_EQ(doc["observed"][1], "split_vote");
  EXPECT_EQ(doc["observed"][2], fmt::format("{:016x}", feature_of("unnamed")));
}

}  // namespace
}  // namespace testgen
