#include "corpus_merge.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "testgen/corpus.h"
#include "testgen/interrupt.h"

namespace testgen {
namespace {

namespace fs = std::filesystem;

// A case whose tree has `nodes` decisions (its size in the merge) and the given features.
CaseRecord record(int64_t id, size_t nodes, const std::vector<std::string>& features, const std::string& signature = "") {
  CaseRecord r;
  r.target = "puzzle:test";
  r.rejected = !signature.empty();
  r.tree.root().kind = ChoiceKind::kInteger;
  r.tree.root().hi = 1000000;
  r.tree.root().value = id;
  r.tree.root().forced = true;
  for (size_t i = 1; i < nodes; ++i) {
    ChoiceNode& child = r.tree.root().child_or_create(static_cast<uint32_t>(i));
    child.kind = ChoiceKind::kInteger;
    child.hi = 9;
    child.value = 1;
    child.forced = true;
  }
  for (const std::string& f : features) r.result.features.add(f);
  r.result.signature = signature;
  r.value_text = std::to_string(id);
  r.size = 4;
  return r;
}

class MergeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    base_ = fs::temp_directory_path() / ("tg_merge_" + std::to_string(getpid()) + "_" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(base_);
  }
  void TearDown() override { fs::remove_all(base_); }

  fs::path corpus(const std::string& name, const std::vector<CaseRecord>& records) {
    const fs::path root = base_ / name;
    Corpus c(root, "puzzle");
    GlobalCoverage all;
    for (const CaseRecord& r : records) {
      c.save(r);
      all.merge(r.result.features);
    }
    c.save_coverage(all, true);
    return root;
  }

  static std::set<std::string> values(const fs::path& root, bool rejected) {
    std::set<std::string> out;
    for (const CaseInfo& c : Corpus(root, "").cases())
      if (c.rejected == rejected) out.insert(c.value);
    return out;
  }

  fs::path base_;
};

TEST_F(MergeTest, KeepsTheSmallestCasesThatAddCoverage) {
  // The big case covers a and b; two small ones cover them too: smallest first, the big one adds nothing.
  const fs::path in1 = corpus("in1", {record(1, 30, {"a", "b"})});
  const fs::path in2 = corpus("in2", {record(2, 2, {"a"}), record(3, 2, {"b"}), record(4, 3, {"a"})});
  const MergeReport r = merge_corpora({.out = base_ / "out", .inputs = {in1, in2}});
  EXPECT_EQ(values(base_ / "out", false), (std::set<std::string>{"2", "3"}));
  EXPECT_EQ(r.accepted_added, 2u);
  EXPECT_EQ(r.accepted_redundant, 2u);
  EXPECT_EQ(r.accepted_after, 2u);
  // Each adopted case has its metadata, as a case the corpus wrote itself.
  for (const CaseInfo& c : Corpus(base_ / "out", "").cases())
    EXPECT_TRUE(fs::exists(base_ / "out" / "metadata" / (c.id + ".json"))) << c.id;
}

TEST_F(MergeTest, OUTsOwnCasesStayAndCountAsCovered) {
  const fs::path out = corpus("out", {record(9, 40, {"a"})});
  const fs::path in = corpus("in", {record(2, 2, {"a"}), record(3, 2, {"c"})});
  merge_corpora({.out = out, .inputs = {in}});
  EXPECT_EQ(values(out, false), (std::set<std::string>{"9", "3"}));
}

TEST_F(MergeTest, OneFindingPerSignatureTheSmallestEvenOverOUTsOwn) {
  const fs::path out = corpus("out", {record(10, 20, {"x"}, "crash"), record(11, 5, {"y"}, "wrong")});
  const fs::path in1 = corpus("in1", {record(12, 3, {"x"}, "crash"), record(13, 9, {"y"}, "wrong")});
  const fs::path in2 = corpus("in2", {record(14, 8, {"x"}, "crash"), record(15, 2, {"z"}, "hang")});
  const MergeReport r = merge_corpora({.out = out, .inputs = {in1, in2}});
  EXPECT_EQ(values(out, true), (std::set<std::string>{"12", "11", "15"}));
  EXPECT_EQ(r.findings_added, 2u);
  EXPECT_EQ(r.findings_replaced, 1u);
  EXPECT_EQ(r.findings_duplicate, 2u);
  EXPECT_EQ(r.findings_after, 3u);
  EXPECT_FALSE(fs::exists(out / "rejected" / Corpus::case_id("puzzle", "puzzle:test", record(10, 20, {}).tree, "crash")));
}

TEST_F(MergeTest, GlobalCoverageIsTheUnionAndASecondMergeChangesNothing) {
  const fs::path in1 = corpus("in1", {record(1, 2, {"a"})});
  const fs::path in2 = corpus("in2", {record(2, 2, {"b"}), record(3, 2, {"c"}, "sig")});
  merge_corpora({.out = base_ / "out", .inputs = {in1, in2}});
  const nlohmann::json doc = nlohmann::json::parse(read_file(base_ / "out" / "metadata" / "global_coverage.json"));
  EXPECT_EQ(doc["observed"].size(), 3u);
  const MergeReport again = merge_corpora({.out = base_ / "out", .inputs = {in1, in2}});
  EXPECT_EQ(again.accepted_added + again.findings_added + again.findings_replaced, 0u);
  EXPECT_EQ(again.accepted_present, 2u);
  EXPECT_EQ(again.accepted_after, 2u);
  EXPECT_EQ(again.findings_after, 1u);
}

TEST_F(MergeTest, RefusesAnInputThatIsNotACorpusOrIsTheOutputItself) {
  fs::create_directories(base_ / "plain");
  EXPECT_THROW(merge_corpora({.out = base_ / "out", .inputs = {base_ / "plain"}}), CorpusError);
  EXPECT_THROW(merge_corpora({.out = base_ / "out", .inputs = {base_ / "missing"}}), CorpusError);
  const fs::path in = corpus("in", {record(1, 2, {"a"})});
  EXPECT_THROW(merge_corpora({.out = in, .inputs = {base_ / "in" / "."}}), CorpusError);
}

TEST_F(MergeTest, AnInterruptStopsBetweenCasesAndARerunFinishes) {
  const fs::path in = corpus("in", {record(1, 2, {"a"}), record(2, 2, {"b"}), record(3, 2, {"c"}, "sig")});
  request_interrupt(SIGINT);
  EXPECT_THROW(merge_corpora({.out = base_ / "out", .inputs = {in}}), Interrupted);
  clear_interrupt();
  EXPECT_FALSE(fs::exists(base_ / "out" / "metadata" / "global_coverage.json")) << "coverage written before the cases";
  const MergeReport r = merge_corpora({.out = base_ / "out", .inputs = {in}});
  EXPECT_EQ(r.accepted_after, 2u);
  EXPECT_EQ(r.findings_after, 1u);
}

TEST_F(MergeTest, AMergeKilledHalfWayLeavesAConsistentCorpusAndARerunFinishesIt) {
  std::vector<CaseRecord> many;
  for (int i = 0; i < 1500; ++i) many.push_back(record(i, 2 + i % 7, {"f" + std::to_string(i % 900)}));
  for (int i = 0; i < 40; ++i) many.push_back(record(5000 + i, 2 + i % 5, {"g"}, "sig" + std::to_string(i % 13)));
  const fs::path in = corpus("in", many);
  merge_corpora({.out = base_ / "clean", .inputs = {in}});

  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    try {
      merge_corpora({.out = base_ / "killed", .inputs = {in}});
    } catch (...) {
    }
    _exit(0);
  }
  // Killed once some cases are in (or, on a fast machine, after it ended).
  for (int spins = 0; spins < 20000; ++spins) {
    std::error_code ec;
    size_t n = 0;
    for (fs::directory_iterator it(base_ / "killed" / "accepted", ec), end; !ec && it != end; it.increment(ec)) ++n;
    if (n >= 20) break;
    usleep(500);
  }
  kill(child, SIGKILL);
  int status = 0;
  waitpid(child, &status, 0);

  size_t at_kill = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(base_ / "killed" / "accepted")) ++at_kill;
  RecordProperty("accepted_when_killed", static_cast<int>(at_kill));
  // Whatever it got to, the corpus opens and every case in it reads.
  EXPECT_NO_THROW({
    Corpus opened(base_ / "killed", "");
    EXPECT_TRUE(opened.quarantined().empty());
  });
  merge_corpora({.out = base_ / "killed", .inputs = {in}});
  EXPECT_EQ(values(base_ / "killed", false), values(base_ / "clean", false));
  EXPECT_EQ(values(base_ / "killed", true), values(base_ / "clean", true));
  EXPECT_EQ(read_file(base_ / "killed" / "metadata" / "global_coverage.json"),
            read_file(base_ / "clean" / "metadata" / "global_coverage.json"));
}

}  // namespace
}  // namespace testgen
