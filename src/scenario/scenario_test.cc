#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <set>

#include "mutation.h"
#include "runner.h"
#include "scenario_doc.h"
#include "scenario_target.h"
#include "testgen/shrinker.h"

namespace testgen::scenario {
namespace {

constexpr const char* kSeedA = R"(duration_ms = 500
seed = 7
log_path = "logs"
[cluster]
nodes = 3
loss = 0.05
reorder = false
kind = "ring"
[[flows]]
from = 1
rate = 10
[[flows]]
from = 2
rate = 20
)";

constexpr const char* kSeedB = R"(duration_ms = 900
seed = 8
log_path = "logs"
[cluster]
nodes = 5
loss = 0.0
reorder = true
kind = "star"
[[flows]]
from = 4
rate = 99
)";

std::shared_ptr<const MutationContext> context(Schema schema = {}) {
  return std::make_shared<MutationContext>(
      std::vector<Seed>{{"a.toml", parse_scenario(kSeedA, "a.toml")}, {"b.toml", parse_scenario(kSeedB, "b.toml")}},
      std::move(schema));
}

MutatedScenario draw(const Gen<MutatedScenario>& gen, ChoiceTree& tree, uint64_t seed) {
  Source source(tree, SourceOptions{.seed = seed, .size = 4});
  MutatedScenario s = gen(source.root());
  source.finish();
  return s;
}

TEST(ScenarioDoc, LeavesAreTypedPathsAndTheTextIsCanonical) {
  const toml::table doc = parse_scenario(kSeedA, "a.toml");
  std::vector<std::string> paths;
  for (const Leaf& l : leaves(doc)) paths.push_back(l.path);
  EXPECT_EQ(paths, (std::vector<std::string>{"cluster.kind", "cluster.loss", "cluster.nodes", "cluster.reorder",
                                             "duration_ms", "flows", "flows[0]", "flows[0].from", "flows[0].rate",
                                             "flows[1]", "flows[1].from", "flows[1].rate", "log_path", "seed"}));
  EXPECT_EQ(leaves(doc)[5].kind, LeafKind::kArray);
  EXPECT_EQ(leaves(doc)[6].kind, LeafKind::kTable);
  // The same content written in another order is the same canonical text.
  const toml::table shuffled = parse_scenario(
      "seed = 7\nlog_path = \"logs\"\nduration_ms = 500\n[[flows]]\nrate = 10\nfrom = 1\n[[flows]]\nrate = 20\nfrom = 2\n"
      "[cluster]\nkind = \"ring\"\nreorder = false\nloss = 0.05\nnodes = 3\n",
      "s.toml");
  EXPECT_EQ(canonical_toml(doc), canonical_toml(shuffled));
  EXPECT_EQ(canonical_toml(parse_scenario(canonical_toml(doc), "again")), canonical_toml(doc));
  EXPECT_EQ(value_text(*node_at(doc, "cluster.kind")), "\"ring\"");
  EXPECT_EQ(value_text(*node_at(doc, "flows[1].rate")), "20");
}

TEST(ScenarioDoc, ErrorsNameTheFileAndLine) {
  try {
    parse_scenario("a = 1\nb = [1, 2\n", "bad.toml");
    FAIL();
  } catch (const ScenarioError& e) {
    EXPECT_EQ(std::string(e.what()).rfind("bad.toml:2:", 0), 0u) << e.what();
  }
  EXPECT_THROW(load_scenario("/no/such/file.toml"), ScenarioError);
}

TEST(Mutation, GenericPathsForgetIndices) {
  EXPECT_EQ(generic_path("flows[2].rate"), "flows[*].rate");
  EXPECT_EQ(generic_path("a.b[0][13]"), "a.b[*][*]");
  EXPECT_EQ(generic_path("cluster.nodes"), "cluster.nodes");
}

TEST(Mutation, DrawnMutationsAreRecordedAndReplayExactly) {
  const Gen<MutatedScenario> gen = scenario_gen(context(), 6);
  size_t recorded = 0;
  for (uint64_t seed = 0; seed < 50; ++seed) {
    ChoiceTree tree;
    const MutatedScenario s = draw(gen, tree, seed);
    recorded += s.mutations.size();
    for (const Mutation& m : s.mutations) {
      EXPECT_NE(m.from, m.to) << m.op << " " << m.path;
      EXPECT_FALSE(m.op.empty());
    }
    // The forced tree gives the same scenario, text for text.
    ChoiceTree forced = tree.forced_only();
    const MutatedScenario again = draw(gen, forced, 999);
    EXPECT_EQ(canonical_toml(again.doc), canonical_toml(s.doc));
    EXPECT_EQ(mutations_json(again.mutations), mutations_json(s.mutations));
  }
  EXPECT_GT(recorded, 50u);
}

TEST(Mutation, StringsTakeOnlyValuesSeenAndFrozenPathsStay) {
  Schema schema;
  schema.frozen = {"seed", "log_path"};
  schema.ranges["cluster.nodes"] = {1, 7};
  const Gen<MutatedScenario> gen = scenario_gen(context(schema), 8);
  std::set<std::string> ops;
  for (uint64_t seed = 0; seed < 200; ++seed) {
    ChoiceTree tree;
    const MutatedScenario s = draw(gen, tree, seed);
    for (const Mutation& m : s.mutations) {
      ops.insert(m.op);
      EXPECT_NE(m.path, "seed");
      EXPECT_NE(m.path, "log_path");
      if (m.path == "cluster.kind") {
        EXPECT_TRUE(m.to == "\"ring\"" || m.to == "\"star\"") << m.to;
      }
    }
    const int64_t nodes = node_at(s.doc, "cluster.nodes")->as_integer()->get();
    EXPECT_GE(nodes, 1);
    EXPECT_LE(nodes, 7);
    EXPECT_EQ(node_at(s.doc, "seed")->as_integer()->get(), s.seed == 0 ? 7 : 8);
  }
  // Every kind of operation comes up.
  for (const char* op : {"delta", "scale", "boundary", "flip", "enum", "duplicate", "delete", "insert", "swap", "splice"})
    EXPECT_TRUE(ops.count(op)) << op;
}

// A failure that needs two specific changes shrinks to those two.
TEST(Mutation, ShrinkingKeepsOnlyTheMutationsThatMatter) {
  const Gen<MutatedScenario> gen = scenario_gen(context(), 12);
  auto fails = [](const MutatedScenario& s) {
    const toml::node* kind = node_at(s.doc, "cluster.kind");
    const toml::node* reorder = node_at(s.doc, "cluster.reorder");
    return s.seed == 0 && kind && kind->as_string()->get() == "star" && reorder && reorder->as_boolean()->get();
  };
  ChoiceTree failing;
  uint64_t seed = 0;
  for (;; ++seed) {
    failing = ChoiceTree();
    if (fails(draw(gen, failing, seed)) && draw(gen, failing, seed).mutations.size() > 3) break;
    ASSERT_LT(seed, 100000u);
  }
  ShrinkOracle oracle = [&](const ChoiceTree& candidate) -> std::optional<ChoiceTree> {
    ChoiceTree copy = candidate;
    Source source(copy, SourceOptions{.fill = Fill::kSimplest});
    if (!fails(gen(source.root()))) return std::nullopt;
    return copy.forced_only();
  };
  const ShrinkResult r = shrink(failing.forced_only(), oracle);
  ChoiceTree copy = r.tree;
  Source source(copy, SourceOptions{.fill = Fill::kSimplest});
  const MutatedScenario small = gen(source.root());
  ASSERT_EQ(small.mutations.size(), 2u) << mutations_json(small.mutations).dump();
}

TEST(Mutation, SchemaErrorsNameTheFileAndLine) {
  const std::string path = std::filesystem::temp_directory_path() / ("testgen-schema-" + std::to_string(getpid()) + ".toml");
  std::ofstream(path) << "frozen = [\"seed\"]\n[ranges]\n\"cluster.nodes\" = [1]\n";
  try {
    Schema::load(path);
    FAIL();
  } catch (const ScenarioError& e) {
    EXPECT_EQ(std::string(e.what()), path + ":3:19: range of 'cluster.nodes' must be [min, max]");
  }
  std::ofstream(path) << "frozen = [\"seed\"]\n[ranges]\n\"cluster.nodes\" = [1, 9]\n[enums]\n\"cluster.kind\" = [\"mesh\"]\n";
  const Schema s = Schema::load(path);
  EXPECT_TRUE(s.is_frozen("seed"));
  EXPECT_EQ(s.ranges.at("cluster.nodes"), std::make_pair(1.0, 9.0));
  EXPECT_EQ(MutationContext({{"a", parse_scenario(kSeedA, "a")}}, s).strings_at("cluster.kind"),
            (std::vector<std::string>{"mesh", "ring"}));
  std::filesystem::remove(path);
}

TEST(RunSummary, AValidSummaryIsReadAndItsCoverageUnited) {
  const RunSummary s = parse_run_summary(R"({"version": 1, "mode": "simulate-and-check", "accept": false,
    "determinism": "ok", "simulator": {"status": "ok", "error": null},
    "trace_discovery": {"mode": "scan", "traces": ["logs/raft_events.csv"]},
    "checker_results": [
      {"checker": "election_safety", "status": "reject", "exit_code": 1, "stdout": "two leaders in term 4",
       "coverage": ["leader_elected", "split_vote"]},
      {"checker": "log_matching", "status": "accept", "exit_code": null, "stdout": null,
       "coverage": ["entry_committed", "leader_elected"]}]})",
                                         "stdout");
  EXPECT_FALSE(s.accept);
  EXPECT_EQ(s.simulator_status, "ok");
  EXPECT_EQ(s.traces, std::vector<std::string>{"logs/raft_events.csv"});
  ASSERT_EQ(s.checkers.size(), 2u);
  EXPECT_EQ(s.checkers[0].status, "reject");
  EXPECT_EQ(s.checkers[0].exit_code, 1);
  EXPECT_EQ(s.coverage, (std::vector<std::string>{"entry_committed", "leader_elected", "split_vote"}));
}

TEST(RunSummary, GarbageIsAnErrorThatSaysWhy) {
  auto error = [](std::string_view text) {
    try {
      parse_run_summary(text, "runner stdout");
    } catch (const RunnerError& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  EXPECT_EQ(error("hello"), "runner stdout: not a RunSummaryV1 (not JSON at byte 1): hello");
  EXPECT_EQ(error("[1]"), "runner stdout: not a RunSummaryV1 (not a JSON object)");
  EXPECT_EQ(error(R"({"version": 2, "accept": true})"), "runner stdout: not a RunSummaryV1 (\"version\" must be 1)");
  EXPECT_EQ(error(R"({"version": 1})"), "runner stdout: RunSummaryV1 without a boolean \"accept\"");
  EXPECT_EQ(error(R"({"version": 1, "accept": true, "checker_results": [{"coverage": [3]}]})"),
            "runner stdout: 'checker_results[].coverage' must hold strings");
  // Found by fuzz/fuzz_run_summary: fields of the wrong type or size are the
  // runner's fault, said as such, never undefined behaviour or a finding of ours.
  EXPECT_EQ(error(R"({"version": 1.4e52, "accept": true})"), "runner stdout: not a RunSummaryV1 (\"version\" must be 1)");
  EXPECT_EQ(error(R"({"version": 1, "accept": true, "x": 1e999})"),
            "runner stdout: not a RunSummaryV1 (a field has the wrong type: [json.exception.out_of_range.406] number "
            "overflow parsing '1e999')");
  EXPECT_EQ(error(R"({"version": "1", "accept": true})"), "runner stdout: not a RunSummaryV1 (\"version\" must be 1)");
  EXPECT_EQ(error(R"({"version": 1, "accept": true, "simulator": {"status": 3}})"), "");
}

// The runner layer against small real programs standing in for a runner.
class RunnerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("testgen-runner-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir_ / "logs");
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  RunOutcome run(const std::string& script, std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
    Runner r = command_runner("sh -c '" + script + "' runner {config} {log_dir}", dir_ / "checkers", false);
    r.timeout = timeout;
    return run_scenario(processes_, r, dir_ / "config.toml", dir_ / "logs", dir_ / "coverage");
  }
  std::filesystem::path dir_;
  SubprocessRunner processes_;
};

TEST_F(RunnerTest, ExitCodesAndSummariesGiveTheStatus) {
  EXPECT_EQ(run(R"(echo "{\"version\":1,\"accept\":true}")").status, RunStatus::kAccept);
  const RunOutcome reject = run(R"(echo "{\"version\":1,\"accept\":false}"; exit 1)");
  EXPECT_EQ(reject.status, RunStatus::kReject);
  const RunOutcome invalid = run("echo bad duration >&2; exit 2");
  EXPECT_EQ(invalid.status, RunStatus::kInvalid);
  EXPECT_EQ(invalid.error, "bad duration\n");
  // The placeholders became the paths.
  EXPECT_EQ(reject.argv[4], (dir_ / "config.toml").string());
  EXPECT_EQ(reject.argv[5], (dir_ / "logs").string());
}

TEST_F(RunnerTest, TheSummaryMayComeFromTheLogDirectory) {
  const RunOutcome o = run(R"(echo "{\"version\":1,\"accept\":true}" > "$2/run_summary.json")");
  EXPECT_EQ(o.status, RunStatus::kAccept) << o.error;
}

TEST_F(RunnerTest, CrashesHangsGarbageAndLiesAreErrors) {
  EXPECT_EQ(run("kill -SEGV $$").error.rfind("runner killed by SIGSEGV", 0), 0u);
  const RunOutcome hang = run("sleep 30", std::chrono::milliseconds(300));
  EXPECT_EQ(hang.status, RunStatus::kError);
  EXPECT_TRUE(hang.process.timed_out);
  EXPECT_EQ(run("echo hello").error, "runner stdout: not a RunSummaryV1 (not JSON at byte 1): hello\n");
  EXPECT_EQ(run("exit 0").error,
            "runner printed no RunSummaryV1 and left no run_summary.json in the log directory");
  EXPECT_EQ(run(R"(echo "{\"version\":1,\"accept\":false}")").error,
            "runner exited 0 but its summary says accept=false");
  EXPECT_EQ(run("exit 7").status, RunStatus::kError);
}

// Pairs of rare coverpoints: what a runner reports decides which pairs a
// run gets, through a scripted runner that prints the summary the test
// left for it.
TEST_F(RunnerTest, ARunGetsPairsOfItsRarestCoverpoints) {
  const std::filesystem::path next = dir_ / "next.json";
  auto report = [&](const std::string& coverage) {
    std::ofstream(next) << R"({"version":1,"accept":true,"checker_results":[{"checker":"c","status":"accept",)"
                        << R"("exit_code":0,"coverage":)" << coverage << "}]}\n";
  };
  ScenarioSetup setup{.context = context(),
                      .runner = command_runner("sh -c 'cat " + next.string() + "' runner {config}", dir_ / "checkers", false),
                      .work_dir = dir_ / "work",
                      .numbers = false,
                      .few_coverpoints = 0,  // no trace features: only coverpoints and pairs
                      .rare_pairs = 2,
                      .hit_buckets = false};
  ScenarioTarget target(setup, processes_);
  auto features = [&](uint64_t seed) {
    ChoiceTree tree;
    Source source(tree, SourceOptions{.seed = seed});
    const RunResult r = target.run(source.root());
    return r.feature_names;
  };
  using Names = std::vector<std::string>;
  report(R"(["b","a","c"])");
  // Nothing seen before: every count is 0 and ties go by name, so a and b.
  EXPECT_EQ(features(1), (Names{"a", "b", "c", "pair:a+b"}));
  report(R"(["a","b","c","d"])");
  // d was never seen: it and the first of the rest, a.
  EXPECT_EQ(features(2), (Names{"a", "b", "c", "d", "pair:a+d"}));
  report(R"(["c","d"])");
  // The pair is named in order whatever order the runner reports.
  EXPECT_EQ(features(3), (Names{"c", "d", "pair:c+d"}));
  EXPECT_EQ(target.rare_pairs({"d"}), Names{}) << "one coverpoint makes no pair";
}

TEST(Runner, CommandTemplatesAreCheckedAndSplitWithoutAShell) {
  const Runner r = command_runner("prog --config {config} --name 'two words' \"x y\"", "c", false);
  EXPECT_EQ(r.argv, (std::vector<std::string>{"prog", "--config", "{config}", "--name", "two words", "x y"}));
  EXPECT_THROW(command_runner("prog --log {log_dir}", "c", false), RunnerError);
  EXPECT_THROW(command_runner("prog {config} 'open", "c", false), RunnerError);
  EXPECT_THROW(command_runner("   ", "c", false), RunnerError);
  const Runner lg = leanguard_runner("/opt/leanguard-run", "checkers", true);
  SubprocessRunner processes;
  const RunOutcome o = run_scenario(processes, lg, "c.toml", "logs", "cov");
  EXPECT_EQ(o.argv, (std::vector<std::string>{"/opt/leanguard-run", "--config", "c.toml", "--mode", "simulate-and-check",
                                              "--checker-dir", "checkers", "--coverage", "--coverage-dir", "cov",
                                              "--allow-nondeterministic"}));
  EXPECT_EQ(o.status, RunStatus::kError);  // not installed here: a clear error, not a crash
  EXPECT_NE(o.error.find("could not start"), std::string::npos) << o.error;
}

}  // namespace
}  // namespace testgen::scenario
