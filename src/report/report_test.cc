#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

#include "report_data.h"
#include "report_html.h"
#include "testgen/corpus.h"

namespace testgen::report {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

TEST(Report, ProgressOfTwoTargetsAndTwoSessionsIsSummed) {
  std::vector<json> lines = {
      {{"time", 100.0}, {"pid", 1}, {"target", "a"}, {"runs", 10}, {"features", 5}, {"findings", 0}},
      {{"time", 101.0}, {"pid", 1}, {"target", "b"}, {"runs", 20}, {"features", 7}, {"findings", 1}},
      {{"time", 102.0}, {"pid", 1}, {"target", "a"}, {"runs", 30}, {"features", 6}, {"findings", 0}},
      // a second session of target a resumes: runs count anew, features go on
      {{"time", 110.0}, {"pid", 2}, {"target", "a"}, {"runs", 5}, {"features", 9}, {"findings", 1}},
      json::parse("\"a line cut short\"", nullptr, false),
      {{"time", 111.0}, {"pid", 3}, {"target", "a"}, {"runs", "many"}}};
  const json s = progress_series(lines);
  ASSERT_EQ(s.size(), 4u);
  EXPECT_EQ(s[0], json({0.0, 10, 5, 0}));
  EXPECT_EQ(s[2], json({2.0, 50, 13, 1}));
  EXPECT_EQ(s[3], json({10.0, 55, 16, 2}));
}

TEST(Report, EscapesWhatCouldBreakThePage) {
  EXPECT_EQ(escape_html("<a href=\"x\">'&'</a>"), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  json data = {{"corpus", "c"}, {"fronts", {"puzzle"}},
               {"counts", {{"accepted", 0}, {"findings", 1}, {"coverage", 0}, {"unreadable", 0}}},
               {"progress", json::array({json::array({0, 1, 2, 0})})},
               {"findings", json::array({{{"id", "x"}, {"front", "puzzle"}, {"target", "t"},
                                          {"signature", "</script><script>alert(1)</script>"}, {"reduced", true},
                                          {"value", "v"}, {"detail", ""}, {"found_at_run", 3}, {"found_at", nullptr},
                                          {"replay", "testgen replay x"}, {"files", json::array()}}})},
               {"hunt", nullptr}, {"coverpoints", nullptr}, {"bash_functions", nullptr}, {"solve_table", nullptr}};
  const std::string page = render_html(data);
  EXPECT_EQ(page.find("<script>alert"), std::string::npos);
  EXPECT_NE(page.find("data-finding=\"x\""), std::string::npos);
  EXPECT_NE(page.find("id=\"plot-runs\""), std::string::npos);
  EXPECT_NE(page.find("uPlot"), std::string::npos) << "the charting library is not embedded";
}

TEST(Report, CollectsFindingsCoverpointsAndTheSolveTableFromACorpus) {
  const fs::path root = fs::temp_directory_path() / ("tg_report_" + std::to_string(getpid()));
  fs::remove_all(root);
  {
    Corpus c(root, "puzzle");
    CaseRecord r;
    r.target = "puzzle:hi";
    r.tree.root().kind = ChoiceKind::kInteger;
    r.tree.root().hi = 9;
    r.tree.root().value = 1;
    r.tree.root().forced = true;
    r.result.feature_names = {"cp.rare", "cp.common"};
    for (const std::string& n : r.result.feature_names) r.result.features.add(n);
    r.run_index = 4;
    c.save(r);
    r.tree.root().value = 2;
    r.result.feature_names = {"cp.common"};
    c.save(r);
    r.rejected = true;
    r.result.signature = "said hi";
    r.run_index = 9;
    r.result.artifacts.push_back({.path = "report.txt", .contents = "what went wrong"});
    c.save(r);
    c.note_progress("puzzle:hi", Progress{.runs = 9, .kept = 2, .findings = 1, .features = 2, .seconds = 0.5}, true);
  }
  // A case with a field of the wrong type is left out, counted, not the end of the report.
  fs::create_directories(root / "accepted" / "00000000000000ff");
  std::ofstream(root / "accepted" / "00000000000000ff" / "case.json") << R"({"id": "00000000000000ff", "run_index": "x"})";
  const json data = collect(root);
  EXPECT_EQ(data["counts"]["accepted"], 2);
  EXPECT_EQ(data["counts"]["unreadable"], 1);
  ASSERT_EQ(data["findings"].size(), 1u);
  EXPECT_EQ(data["findings"][0]["signature"], "said hi");
  EXPECT_EQ(data["findings"][0]["found_at_run"], 9);
  EXPECT_TRUE(data["findings"][0]["found_at"].is_number()) << "no saved_at in case.json";
  ASSERT_EQ(data["findings"][0]["files"].size(), 1u);
  EXPECT_EQ(data["findings"][0]["files"][0]["text"], "what went wrong");
  ASSERT_TRUE(data["coverpoints"].is_array());
  EXPECT_EQ(data["coverpoints"][0]["coverpoint"], "cp.rare");  // rarest first
  EXPECT_EQ(data["coverpoints"][0]["cases"], 1);
  EXPECT_EQ(data["coverpoints"][1]["cases"], 2);
  ASSERT_TRUE(data["solve_table"].is_array());
  EXPECT_EQ(data["solve_table"][0]["first_finding_run"], 9);
  EXPECT_EQ(data["progress"].size(), 1u);
  fs::remove_all(root);
  EXPECT_THROW(collect(root), CorpusError);
}

}  // namespace
}  // namespace testgen::report
