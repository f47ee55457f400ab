// Micro-benchmarks of the engine: draws per second, generate + replay
// throughput, shrink cost. scripts/bench.sh prints each against the raw RNG
// baseline measured in the same run.
#include <benchmark/benchmark.h>

#include "testgen/gen.h"
#include "testgen/shrinker.h"

namespace {

namespace g = testgen::gen;
using testgen::ChoiceTree;
using testgen::Fill;
using testgen::Source;

// Baseline: one raw 64-bit draw and Lemire reduction, no tree.
void BM_RawRngBetween(benchmark::State& state) {
  testgen::Rng rng(1);
  for (auto _ : state) benchmark::DoNotOptimize(rng.between(-1000, 1000));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_RawRngBetween);

// One recorded decision: choose() on a fresh tree.
void BM_DrawChoose(benchmark::State& state) {
  auto gen = g::choose(-1000, 1000);
  uint64_t seed = 0;
  for (auto _ : state) {
    ChoiceTree tree;
    Source source(tree, {.seed = ++seed});
    benchmark::DoNotOptimize(gen(source.root()));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_DrawChoose);

const auto kList = g::list(g::choose(20, 20), g::choose(-1000, 1000));

// A list of 20 integers drawn fresh: 21 decisions per item.
void BM_GenerateList20(benchmark::State& state) {
  uint64_t seed = 0;
  for (auto _ : state) {
    ChoiceTree tree;
    Source source(tree, {.seed = ++seed});
    benchmark::DoNotOptimize(kList(source.root()));
  }
  state.SetItemsProcessed(state.iterations() * 21);
}
BENCHMARK(BM_GenerateList20);

// The same list replayed from its recorded tree.
void BM_ReplayList20(benchmark::State& state) {
  ChoiceTree tree;
  {
    Source source(tree, {.seed = 1});
    kList(source.root());
  }
  for (auto _ : state) {
    Source source(tree, {.fill = Fill::kSimplest});
    benchmark::DoNotOptimize(kList(source.root()));
  }
  state.SetItemsProcessed(state.iterations() * 21);
}
BENCHMARK(BM_ReplayList20);

// Generate, serialise, parse and replay: what a saved case costs end to end.
void BM_GenerateSerialiseReplay(benchmark::State& state) {
  uint64_t seed = 0;
  for (auto _ : state) {
    ChoiceTree tree;
    {
      Source source(tree, {.seed = ++seed});
      kList(source.root());
    }
    ChoiceTree back = ChoiceTree::from_json(tree.to_json(), "bench");
    Source again(back, {.fill = Fill::kSimplest});
    benchmark::DoNotOptimize(kList(again.root()));
  }
  state.SetItemsProcessed(state.iterations() * 21);
}
BENCHMARK(BM_GenerateSerialiseReplay);

// Shrinking a 20-element list that fails when it holds a value >= 500 down to [500].
void BM_ShrinkList20(benchmark::State& state) {
  auto gen = g::list(g::choose(0, 20), g::choose(0, 1000));
  auto fails = [&](const ChoiceTree& c) -> std::optional<ChoiceTree> {
    ChoiceTree copy = c;
    Source s(copy, {.fill = Fill::kSimplest});
    for (int64_t x : gen(s.root()))
      if (x >= 500) return copy.forced_only();
    return std::nullopt;
  };
  ChoiceTree start;
  uint64_t seed = 0;
  for (;;) {
    start = ChoiceTree();
    Source s(start, {.seed = ++seed});
    auto xs = gen(s.root());
    if (xs.size() == 20 && std::count_if(xs.begin(), xs.end(), [](int64_t x) { return x >= 500; }) >= 5) break;
  }
  size_t calls = 0;
  for (auto _ : state) {
    auto result = testgen::shrink(start, fails);
    calls = result.calls;
    benchmark::DoNotOptimize(result);
  }
  state.counters["oracle_calls"] = static_cast<double>(calls);
}
BENCHMARK(BM_ShrinkList20);

}  // namespace

BENCHMARK_MAIN();
