#include "testgen/shard.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

#include "testgen/errors.h"

namespace testgen {
namespace {

// An environment made of a map, for from_environment.
auto env(std::map<std::string, std::string> vars) {
  return [vars = std::move(vars)](const char* name) -> const char* {
    auto it = vars.find(name);
    return it == vars.end() ? nullptr : it->second.c_str();
  };
}

TEST(Shard, ParsesIndexOfCount) {
  const Shard s = Shard::parse("2/8", "--shard");
  EXPECT_EQ(s.index, 2u);
  EXPECT_EQ(s.count, 8u);
  EXPECT_TRUE(s.sharded());
  EXPECT_EQ(s.source, "--shard");
}

TEST(Shard, RefusesWhatIsNotIOfN) {
  for (const char* bad : {"", "3", "8/8", "9/8", "0/0", "-1/4", "1/4x", "a/b", "1 /4", "/4"})
    EXPECT_THROW(Shard::parse(bad, "--shard"), UsageError) << bad;
}

TEST(Shard, OneShardKeepsTheSeedAndShardsDrawTheirOwn) {
  EXPECT_EQ(Shard{}.seed(42), 42u);
  EXPECT_EQ(Shard::parse("0/1", "x").seed(42), 42u);
  std::set<uint64_t> seeds;
  for (uint64_t i = 0; i < 16; ++i) seeds.insert(Shard{i, 16, "x"}.seed(42));
  seeds.insert(42);
  EXPECT_EQ(seeds.size(), 17u);
  // Neighbouring seeds do not collide across shards either.
  EXPECT_NE((Shard{1, 2, "x"}.seed(1)), (Shard{0, 2, "x"}.seed(2)));
  EXPECT_EQ((Shard{3, 4, "x"}.seed(7)), (Shard{3, 4, "y"}.seed(7)));
}

TEST(Shard, EveryItemHasExactlyOneOwner) {
  for (size_t item = 0; item < 20; ++item) {
    int owners = 0;
    for (uint64_t i = 0; i < 3; ++i) owners += Shard{i, 3, "x"}.owns(item);
    EXPECT_EQ(owners, 1) << item;
  }
}

TEST(Shard, ReadsSlurmArrayTasksCountingFromTheArraysFirstTask) {
  auto s = Shard::from_environment(env({{"SLURM_ARRAY_TASK_ID", "3"}, {"SLURM_ARRAY_TASK_COUNT", "4"}}));
  ASSERT_TRUE(s);
  EXPECT_EQ(s->index, 3u);
  EXPECT_EQ(s->count, 4u);
  EXPECT_EQ(s->source, "SLURM_ARRAY_TASK_ID");
  // --array=1-7:2 gives tasks 1, 3, 5, 7: task 5 is the third.
  s = Shard::from_environment(env({{"SLURM_ARRAY_TASK_ID", "5"},
                                   {"SLURM_ARRAY_TASK_COUNT", "4"},
                                   {"SLURM_ARRAY_TASK_MIN", "1"},
                                   {"SLURM_ARRAY_TASK_STEP", "2"}}));
  ASSERT_TRUE(s);
  EXPECT_EQ(s->index, 2u);
  EXPECT_THROW(Shard::from_environment(env({{"SLURM_ARRAY_TASK_ID", "3"}})), UsageError);
  EXPECT_THROW(Shard::from_environment(env({{"SLURM_ARRAY_TASK_ID", "x"}, {"SLURM_ARRAY_TASK_COUNT", "4"}})),
               UsageError);
}

TEST(Shard, ReadsAKubernetesIndexedJobWithTheCountFromTheManifest) {
  auto s = Shard::from_environment(env({{"JOB_COMPLETION_INDEX", "1"}, {"TESTGEN_SHARD_COUNT", "5"}}));
  ASSERT_TRUE(s);
  EXPECT_EQ(s->index, 1u);
  EXPECT_EQ(s->count, 5u);
  try {
    Shard::from_environment(env({{"JOB_COMPLETION_INDEX", "1"}}));
    FAIL() << "a missing count is an error";
  } catch (const UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("TESTGEN_SHARD_COUNT"), std::string::npos);
  }
}

TEST(Shard, TestgenShardWinsAndNoVariablesMeansUnsharded) {
  auto s = Shard::from_environment(env({{"TESTGEN_SHARD", "0/2"}, {"SLURM_ARRAY_TASK_ID", "1"}}));
  ASSERT_TRUE(s);
  EXPECT_EQ(s->count, 2u);
  EXPECT_EQ(s->source, "TESTGEN_SHARD");
  EXPECT_FALSE(Shard::from_environment(env({})));
}

}  // namespace
}  // namespace testgen
