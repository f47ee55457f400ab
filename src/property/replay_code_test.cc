#include "replay_code.h"

#include <gtest/gtest.h>

#include "testgen/errors.h"
#include "testgen/gen.h"
#include "testgen/source.h"

namespace testgen::property {
namespace {

namespace g = gen;

TEST(ReplayCodeTest, ARecordedValueComesBackFromItsCode) {
  auto values = g::tuple(g::choose(-100, 100), g::list(g::choose(0, 6), g::elements<int>({1, 2, 3})), g::flip());
  for (uint64_t seed = 0; seed < 50; ++seed) {
    ChoiceTree tree;
    Source s(tree, {.seed = seed});
    const auto v = values(s.root());
    s.finish();
    const std::string code = replay_code(tree.forced_only());
    ChoiceTree back = tree_from_replay_code(code);
    Source again(back, {.seed = seed + 1000, .fill = Fill::kSimplest});
    EXPECT_EQ(values(again.root()), v) << code;
    // Nothing a shell treats specially when unquoted in an assignment.
    EXPECT_EQ(code.find_first_of(" ()'\"$;&|<>`\\*?~"), std::string::npos) << code;
  }
}

TEST(ReplayCodeTest, SlotsAreWrittenOnlyWhenTheySkip) {
  ChoiceTree tree = tree_from_replay_code("g[i5,3=l[i1,b1]]");
  EXPECT_EQ(replay_code(tree), "g[i5,3=l[i1,b1]]");
  ASSERT_NE(tree.find({3, 1}), nullptr);
  EXPECT_EQ(tree.find({3, 1})->value, 1);
  EXPECT_EQ(tree_from_replay_code("i-42").root().value, -42);
}

TEST(ReplayCodeTest, AMalformedCodeNamesTheCharacter) {
  for (const char* bad : {"", "q", "g[", "g[i1", "g[i1;]", "g[i1]x", "g[2=i1,1=i2]", "i"}) {
    try {
      tree_from_replay_code(bad);
      ADD_FAILURE() << "accepted: " << bad;
    } catch (const UsageError& e) {
      EXPECT_NE(std::string(e.what()).find("at character"), std::string::npos) << e.what();
    }
  }
}

}  // namespace
}  // namespace testgen::property
