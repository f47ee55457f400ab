#include "hunt_plan.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

namespace testgen::hunt {
namespace {

std::vector<abi::CompilerPair> matrix(size_t n) {
  const char* specs[] = {"gcc:gcc", "gcc:clang", "clang:gcc", "clang:clang", "gcc:tcc", "tcc:gcc", "gcc:pcc"};
  std::vector<abi::CompilerPair> out;
  for (size_t i = 0; i < n; ++i) out.push_back(abi::parse_pair(specs[i]));
  return out;
}

std::vector<std::string> specs(const std::vector<abi::CompilerPair>& pairs) {
  std::vector<std::string> out;
  for (const abi::CompilerPair& p : pairs) out.push_back(p.spec());
  return out;
}

TEST(HuntShard, TheShardsSplitTheMatrixWithNoEntryTwiceOrLeftOut) {
  std::map<std::string, int> hunted;
  for (uint64_t i = 0; i < 3; ++i)
    for (const std::string& s : specs(shard_share(matrix(7), Shard{i, 3, "test"}))) ++hunted[s];
  EXPECT_EQ(hunted.size(), 7u);
  for (const auto& [pair, times] : hunted) EXPECT_EQ(times, 1) << pair;
  EXPECT_EQ(specs(shard_share(matrix(7), Shard{1, 3, "test"})),
            (std::vector<std::string>{"gcc:clang", "gcc:tcc"}));  // entries 1 and 4
}

TEST(HuntShard, MoreShardsThanPairsGiveEachShardOnePairAndEveryPairAShard) {
  std::map<std::string, int> hunted;
  for (uint64_t i = 0; i < 5; ++i) {
    const auto mine = shard_share(matrix(2), Shard{i, 5, "test"});
    ASSERT_EQ(mine.size(), 1u);
    ++hunted[mine[0].spec()];
  }
  EXPECT_EQ(hunted["gcc:gcc"], 3);
  EXPECT_EQ(hunted["gcc:clang"], 2);
}

TEST(HuntShard, UnshardedHuntsEverything) { EXPECT_EQ(shard_share(matrix(4), Shard{}).size(), 4u); }

}  // namespace
}  // namespace testgen::hunt
