#include "run_features.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include <unistd.h>

namespace testgen::scenario {
namespace {

// A directory of its own, removed at the end of the test.
struct TempDir {
  explicit TempDir(const std::string& name)
      : path_(std::filesystem::temp_directory_path() / (name + "-" + std::to_string(::getpid()))) {
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

bool has(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

TEST(RunFeatures, NumberBucketsDoubleAndKeepTheirSign) {
  EXPECT_EQ(number_bucket(0), "0");
  EXPECT_EQ(number_bucket(1), "1");
  EXPECT_EQ(number_bucket(3.5), "3");
  EXPECT_EQ(number_bucket(4), "2^2");
  EXPECT_EQ(number_bucket(7), "2^2");
  EXPECT_EQ(number_bucket(8), "2^3");
  EXPECT_EQ(number_bucket(1000), "2^9");
  EXPECT_EQ(number_bucket(0.35), "0.3");
  EXPECT_EQ(number_bucket(-40), "-2^5");
}

TEST(RunFeatures, NumbersComeFromMetricsStatsTheSummaryAndCheckerOutputButNotTimes) {
  const RunSummary s = parse_run_summary(R"({"version": 1, "accept": true,
      "metrics": {"queue_peak": 40, "wall_ms": 12},
      "simulator": {"events": 300, "elapsed_seconds": 1.5, "name": "x"},
      "checker_results": [
        {"checker": "order", "status": "accept", "runtime_ms": 5, "exit_code": 0,
         "stdout": "frames seen: 17\nretransmits=3\nelapsedMs: 9\nall good\n",
         "stats": {"rows": 300, "near.x": 0.5}},
        {"checker": "json", "status": "accept", "stdout": "{\"window\": {\"max\": 9}, \"took_ms\": 4}"}]})",
                                         "stdout");
  const std::map<std::string, double> n = run_numbers(s);
  EXPECT_EQ(n.at("queue_peak"), 40);
  EXPECT_EQ(n.at("simulator.events"), 300);
  EXPECT_EQ(n.at("order.rows"), 300);
  EXPECT_EQ(n.at("order.out.frames_seen"), 17);
  EXPECT_EQ(n.at("order.out.retransmits"), 3);
  EXPECT_EQ(n.at("json.out.window.max"), 9);
  for (const auto& [name, value] : n) {
    EXPECT_EQ(name.find("ms"), std::string::npos) << name;
    EXPECT_EQ(name.find("elapsed"), std::string::npos) << name;
    EXPECT_EQ(name.find("near."), std::string::npos) << name << ": closeness is a feature of its own";
    EXPECT_NE(name, "version");
  }
  const std::vector<std::string> f = run_features(s, "/nonexistent", {});
  EXPECT_TRUE(has(f, "num:queue_peak:2^5"));
  EXPECT_TRUE(has(f, "num:order.out.frames_seen:2^4"));
  EXPECT_TRUE(has(f, "near:x:0.5"));
  EXPECT_FALSE(has(run_features(s, "/nonexistent", {.numbers = false}), "num:queue_peak:2^5"));
}

TEST(RunFeatures, TraceEventsAreCountedByTheKindColumnTheHeaderNames) {
  TempDir dir("run-features");
  {
    std::ofstream csv(dir.path() / "link_events.csv");
    csv << "t,event,node\n1,send,a\n2,send,a\n3,ack,b\n4,send,a\n5,send,a\n6,drop,b\n";
  }
  {
    std::ofstream other(dir.path() / "notes.txt");
    other << "not a trace\n";
  }
  const RunSummary s = parse_run_summary(R"({"version": 1, "accept": true})", "stdout");
  const std::vector<std::string> f = run_features(s, dir.path(), {.trace_counts = true, .trace_hash = true});
  EXPECT_TRUE(has(f, "trace:link_events.csv:send:4-7"));
  EXPECT_TRUE(has(f, "trace:link_events.csv:ack:1"));
  EXPECT_TRUE(has(f, "trace:link_events.csv:drop:1"));
  EXPECT_EQ(std::count_if(f.begin(), f.end(), [](const std::string& n) { return n.starts_with("trace_kind_hash:link_events.csv:"); }), 1);
  EXPECT_TRUE(run_features(s, dir.path(), {}).empty()) << "trace features only when asked";
  EXPECT_EQ(kind_column("time_ms,node,kind,detail"), 2u);
  EXPECT_EQ(kind_column("Type,at"), 0u);
  EXPECT_EQ(kind_column("a,b,c,d"), 2u) << "leanguard's place when no column says";
}

TEST(RunFeatures, TheKindSequenceHashIsStableAndSensitiveToOrder) {
  TempDir dir("run-features");
  auto write = [&](const std::string& name, const std::string& body) {
    std::ofstream(dir.path() / name) << "time_ms,node,kind\n" << body;
  };
  write("a_events.csv", "1,n,x\n2,n,y\n");
  write("b_events.csv", "5,m,x\n9,q,y\n");
  write("c_events.csv", "1,n,y\n2,n,x\n");
  auto hash = [&](const std::string& f) {
    const std::string h = trace_kind_hash(dir.path() / f);
    return h.substr(h.rfind(':') + 1);
  };
  EXPECT_EQ(hash("a_events.csv"), hash("b_events.csv")) << "only the kinds count";
  EXPECT_NE(hash("a_events.csv"), hash("c_events.csv"));
  EXPECT_EQ(hash("a_events.csv").size(), 16u);
}

}  // namespace
}  // namespace testgen::scenario
