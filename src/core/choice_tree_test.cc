#include "testgen/choice_tree.h"

#include <gtest/gtest.h>

#include <limits>

namespace testgen {
namespace {

ChoiceTree sample() {
  ChoiceTree t;
  t.root().kind = ChoiceKind::kList;
  t.root().forced = true;
  ChoiceNode& len = t.root().child_or_create(0);
  len.kind = ChoiceKind::kInteger;
  len.lo = 0;
  len.hi = 5;
  len.value = 2;
  len.forced = true;
  for (uint32_t slot : {1u, 2u}) {
    ChoiceNode& e = t.root().child_or_create(slot);
    e.kind = ChoiceKind::kInteger;
    e.lo = std::numeric_limits<int64_t>::min();
    e.hi = std::numeric_limits<int64_t>::max();
    e.value = slot == 1 ? std::numeric_limits<int64_t>::min() : 42;
    e.forced = true;
    e.site = 0xabcdef;
  }
  ChoiceNode& stale = t.root().child_or_create(3);
  stale.kind = ChoiceKind::kBool;
  stale.hi = 1;
  stale.forced = false;
  return t;
}

TEST(ChoiceTree, JsonRoundTripKeepsEverythingIncludingHugeValues) {
  ChoiceTree t = sample();
  ChoiceTree back = ChoiceTree::from_json(t.to_json(), "test");
  EXPECT_EQ(back.to_json(), t.to_json());
  EXPECT_EQ(back.find({1})->value, std::numeric_limits<int64_t>::min());
  EXPECT_FALSE(back.find({3})->forced);
  // Values beyond 2^53 are strings so double-based JSON readers keep them.
  EXPECT_NE(t.to_json().find("\"-9223372036854775808\""), std::string::npos);
}

TEST(ChoiceTree, ForcedOnlyDropsUnforcedNodes) {
  ChoiceTree f = sample().forced_only();
  EXPECT_EQ(f.find({3}), nullptr);
  EXPECT_NE(f.find({2}), nullptr);
  EXPECT_EQ(sample().canonical(), f.canonical());
  EXPECT_EQ(sample().hash(), f.hash());
}

TEST(ChoiceTree, DecisionPathsArePreorder) {
  auto paths = sample().decision_paths(true);
  ASSERT_EQ(paths.size(), 3u);
  EXPECT_EQ(paths[0], NodePath{0});
  EXPECT_EQ(paths[2], NodePath{2});
  EXPECT_EQ(sample().decision_paths(false).size(), 4u);
  EXPECT_EQ(path_to_string({2, 1}), "root.2.1");
}

TEST(ChoiceTree, SimplerThanOrdersBySizeThenDistances) {
  ChoiceTree a = sample(), b = sample();
  EXPECT_FALSE(simpler_than(a, b));
  b.find({2})->value = 43;
  EXPECT_TRUE(simpler_than(a, b));
  a.root().erase_child(2);
  b.find({2})->value = 0;
  EXPECT_TRUE(simpler_than(a, b));  // fewer decisions wins
}

TEST(ChoiceTree, SimplestIsZeroOrNearestBound) {
  EXPECT_EQ(simplest_in(-5, 5), 0);
  EXPECT_EQ(simplest_in(3, 9), 3);
  EXPECT_EQ(simplest_in(-9, -3), -3);
}

TEST(ChoiceTree, ParseErrorsNameTheFileAndPlace) {
  auto message = [](std::string_view text) {
    try {
      ChoiceTree::from_json(text, "case/tree.json");
    } catch (const TreeFormatError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(message("{"), "case/tree.json: not valid JSON at byte 2");
  EXPECT_EQ(message(R"({"format":"x"})"),
            "case/tree.json: top level: not a testgen choice tree (\"format\" must be \"testgen-choice-tree\")");
  EXPECT_EQ(message(R"({"format":"testgen-choice-tree","version":9,"root":{}})"),
            "case/tree.json: top level: unsupported version (this testgen reads version 1)");
  EXPECT_EQ(message(R"({"format":"testgen-choice-tree","version":1,"root":{"kind":"group","children":[{"slot":0,"kind":"integer","lo":0,"hi":3,"value":7}]}})"),
            "case/tree.json: root.children[0]: value 7 outside [0, 3]");
  EXPECT_EQ(message(R"({"format":"testgen-choice-tree","version":1,"root":{"kind":"tree"}})"),
            "case/tree.json: root: unknown kind \"tree\"");
}

TEST(ChoiceTree, CopyIsDeep) {
  ChoiceTree a = sample();
  ChoiceTree b = a;
  b.find({2})->value = 7;
  EXPECT_EQ(a.find({2})->value, 42);
}

}  // namespace
}  // namespace testgen

// Found by fuzz/fuzz_tree_json: a number too large for any integer type is
// a format error naming the file, not an escaped library exception.
TEST(ChoiceTreeFormat, ANumberTooLargeIsAFormatError) {
  EXPECT_THROW(testgen::ChoiceTree::from_json("44444444444440000000073000007382263761063e400000000730000073", "t.json"),
               testgen::TreeFormatError);
  EXPECT_THROW(testgen::ChoiceTree::from_json(R"({"format": 7, "version": 1, "root": {}})", "t.json"),
               testgen::TreeFormatError);
  EXPECT_THROW(testgen::ChoiceTree::from_json(
                   R"({"format":"testgen-choice-tree","version":1,"root":{"kind":"empty","forced":"yes"}})", "t.json"),
               testgen::TreeFormatError);
}
