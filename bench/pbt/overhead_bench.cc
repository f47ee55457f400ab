// Engine overhead per generated value: the same small generator (a vector of
// up to 20 ints in [-1000, 1000]) drawn by testgen and by RapidCheck, in one
// run, so the ratio holds on any machine. Both draw fresh values with the
// size fixed; testgen also records the choice tree it replays and shrinks by.
#include <benchmark/benchmark.h>
#include <rapidcheck.h>

#include "testgen/gen.h"

namespace {

namespace g = testgen::gen;

void BM_TestgenVector(benchmark::State& state) {
  auto gen = g::list(g::choose(0, 20), g::choose(-1000, 1000));
  uint64_t seed = 0;
  for (auto _ : state) {
    testgen::ChoiceTree tree;
    testgen::Source source(tree, {.seed = ++seed});
    benchmark::DoNotOptimize(gen(source.root()));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_TestgenVector);

void BM_RapidcheckVector(benchmark::State& state) {
  auto gen = rc::gen::container<std::vector<int>>(rc::gen::inRange(-1000, 1001));
  auto sized = rc::gen::resize(20, gen);
  auto random = rc::Random(1);
  for (auto _ : state) {
    random = rc::Random(random.next());
    benchmark::DoNotOptimize(sized(random, 20).value());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_RapidcheckVector);

}  // namespace

BENCHMARK_MAIN();
