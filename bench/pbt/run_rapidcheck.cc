// An ETNA task with RapidCheck (Debian's librapidcheck-dev), the baseline.
// Strategies: naive (generators derived from the types: rc::gen::arbitrary
// and a recursive tree of arbitrary nodes) and bespoke (the same
// valid-by-construction generators as testgen's). Counting is ours: the
// property counts its calls, and ends the process when time is up, since
// RapidCheck has no time limit of its own.
#include <rapidcheck.h>

#include <chrono>
#include <cstdlib>
#include <string>

#include "task.h"
#include "workloads/bst.h"

namespace {

using namespace pbt;
using Clock = std::chrono::steady_clock;

struct Counter {
  Task task;
  Clock::time_point start = Clock::now();
  uint64_t tests = 0, discards = 0;

  double elapsed() const { return std::chrono::duration<double>(Clock::now() - start).count(); }
  void tick() {
    ++tests;
    if ((tests & 255) == 0 && elapsed() > task.seconds) {
      print_result(false, tests, elapsed(), discards);
      std::_Exit(0);
    }
  }
  void failed() {
    print_result(true, tests, elapsed(), discards);
    std::_Exit(0);
  }
};

rc::Gen<bst::Tree> naive_tree(int depth) {
  if (depth <= 0) return rc::gen::just(bst::leaf());
  return rc::gen::oneOf(rc::gen::just(bst::leaf()),
                        rc::gen::apply([](bst::Tree l, int k, int v, bst::Tree r) { return bst::node(l, k, v, r); },
                                       rc::gen::lazy([depth] { return naive_tree(depth - 1); }), rc::gen::arbitrary<int>(),
                                       rc::gen::arbitrary<int>(),
                                       rc::gen::lazy([depth] { return naive_tree(depth - 1); })));
}

rc::Gen<int> small_key() { return rc::gen::inRange(0, 16); }

rc::Gen<bst::Tree> bespoke_tree() {
  return rc::gen::map(rc::gen::container<std::vector<std::pair<int, int>>>(rc::gen::pair(small_key(), small_key())),
                      [](const std::vector<std::pair<int, int>>& kvs) {
                        bst::Tree t = bst::leaf();
                        for (const auto& [k, v] : kvs) t = bst::insert(k, v, t);
                        return t;
                      });
}

int run_bst(Counter& c) {
  const bool bespoke = c.task.strategy == "bespoke";
  const bst::Needs needs = bst::needs(c.task.property);
  // Depth 6 trees at most, as testgen's naive generator has at its default size.
  auto tree = bespoke ? bespoke_tree() : rc::gen::withSize([](int size) { return naive_tree(1 + size / 17); });
  auto key = bespoke ? small_key() : rc::gen::arbitrary<int>();
  rc::check(c.task.property, [&] {
    bst::Args a;
    a.t1 = *tree;
    if (needs.trees >= 2) a.t2 = *tree;
    if (needs.trees >= 3) a.t3 = *tree;
    if (needs.keys >= 1) a.k1 = *key;
    if (needs.keys >= 2) a.k2 = *key;
    if (needs.values >= 1) a.v1 = *key;
    if (needs.values >= 2) a.v2 = *key;
    c.tick();
    const bst::Verdict v = bst::check(c.task.property, a);
    if (!v) ++c.discards;
    RC_PRE(v.has_value());
    if (!*v) c.failed();
  });
  print_result(false, c.tests, c.elapsed(), c.discards);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Counter c{parse_task(argc, argv)};
  // Before RapidCheck reads its configuration: our seed, no test limit, quiet.
  const std::string params = "seed=" + std::to_string(c.task.seed) +
                             " max_success=100000000 max_discard_ratio=100 noshrink=1 verbose_progress=0";
  ::setenv("RC_PARAMS", params.c_str(), 1);
  if (c.task.workload == "bst") {
    bst::select_mutant(c.task.mutant);
    return run_bst(c);
  }
  std::fprintf(stderr, "no workload named %s\n", c.task.workload.c_str());
  return 2;
}
