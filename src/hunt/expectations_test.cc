#include "expectations.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

namespace testgen::hunt {
namespace {

class ExpectationsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() / ("testgen-expect-" + std::to_string(getpid()) + ".toml");
  }
  std::filesystem::path write(const std::string& text) {
    std::ofstream(path_) << text;
    return path_;
  }
  void TearDown() override { std::filesystem::remove(path_); }
  std::string error_of(const std::string& text) {
    try {
      Expectations::load(write(text));
    } catch (const ExpectationsError& e) {
      return e.what();
    }
    return "";
  }
  std::filesystem::path path_;
};

TEST_F(ExpectationsTest, GlobsMatchPairArchAndTheRestInFileOrder) {
  const Expectations e = Expectations::load(write(R"(# known
[[skip]]
pair = "pcc:pcc"
signature = "crash|*"

[[expected]]
pair = "tcc:*"
signature = "mismatch|result*|double"
note = "tcc returns unions of doubles wrongly"

[[expected]]
arch = "aarch64"
)"));
  ASSERT_EQ(e.entries().size(), 3u);
  const Expectation* tcc = e.match("tcc:gcc|x86_64|mismatch|result member|double");
  ASSERT_NE(tcc, nullptr);
  EXPECT_EQ(tcc->status, Expectation::Status::kExpected);
  EXPECT_EQ(tcc->note, "tcc returns unions of doubles wrongly");
  EXPECT_EQ(tcc->origin, path_.string() + ":6");
  EXPECT_EQ(e.match("tcc:gcc|x86_64|mismatch|param|double"), nullptr);
  EXPECT_EQ(e.match("pcc:pcc|x86_64|crash||")->status, Expectation::Status::kSkip);
  EXPECT_EQ(e.match("pcc:gcc|x86_64|crash||"), nullptr);
  EXPECT_NE(e.match("gcc:clang|aarch64|mismatch|vararg|int128"), nullptr);  // everything on aarch64
  EXPECT_EQ(e.match("gcc:clang|x86_64|mismatch|vararg|int128"), nullptr);
}

TEST_F(ExpectationsTest, ErrorsNameTheFileAndLine) {
  EXPECT_EQ(error_of("[[expected]]\npair = \"a\"\ncolour = \"red\"\n"),
            path_.string() + ":3:10: unknown key 'colour' (keys: pair, arch, signature, note)");
  EXPECT_EQ(error_of("[[expected]]\npair = 3\n"), path_.string() + ":2:8: 'pair' must be a string");
  EXPECT_EQ(error_of("[[expectd]]\n"), path_.string() + ":1:1: unknown table 'expectd' (use [[expected]] or [[skip]])");
  const std::string bad = error_of("[[expected]]\npair = \"a\n");
  EXPECT_EQ(bad.rfind(path_.string() + ":2:", 0), 0u) << bad;
  EXPECT_EQ(error_of("[skip]\npair = \"a\"\n"), path_.string() + ":1:1: 'skip' must be an array of tables: [[skip]]");
}

}  // namespace
}  // namespace testgen::hunt
