#include "failure_database.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

namespace testgen::property {
namespace {

namespace fs = std::filesystem;

TEST(FailureDatabaseTest, EntriesAreSavedLoadedAndDropped) {
  const fs::path root = fs::temp_directory_path() / ("testgen-db-" + std::to_string(::getpid()));
  fs::remove_all(root);
  FailureDatabase db(root, "Suite/Param.Name/0");
  EXPECT_EQ(db.directory(), root / "Suite_Param.Name_0");
  std::vector<std::string> problems;
  EXPECT_TRUE(db.load(problems).empty());

  const fs::path a = db.save("g[i1]", "returned false", "1");
  EXPECT_EQ(db.save("g[i1]", "returned false", "1"), a) << "the same input is one entry";
  db.save("g[i2]", "threw std::logic_error", "2");
  // A writer's temporary and a damaged entry are not failures.
  std::ofstream(db.directory() / ".x.json.tmp.1.1") << "{";
  std::ofstream(db.directory() / "broken.json") << "{";
  const std::vector<FailureEntry> entries = db.load(problems);
  ASSERT_EQ(entries.size(), 2u);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("broken.json: unreadable failure entry"), std::string::npos) << problems[0];
  for (const FailureEntry& e : entries) EXPECT_TRUE(e.code == "g[i1]" || e.code == "g[i2]") << e.code;

  db.drop(entries[0]);
  problems.clear();
  EXPECT_EQ(db.load(problems).size(), 1u);
  fs::remove_all(root);
}

}  // namespace
}  // namespace testgen::property
