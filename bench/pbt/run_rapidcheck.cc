// An ETNA task with RapidCheck (Debian's librapidcheck-dev), the baseline.
// Strategies: naive (generators derived from the types: rc::gen::arbitrary
// and a recursive tree of arbitrary nodes) and bespoke (the same
// valid-by-construction generators as testgen's). Counting is ours: the
// property counts its calls, and ends the process when time is up, since
// RapidCheck has no time limit of its own.
#include <rapidcheck.h>

#include <chrono>
#include <cstdlib>
#include <optional>
#include <string>

#include "task.h"
#include "gens_rapidcheck.h"

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

// The property's body, shared by the workloads: count, discard, fail.
void judge(Counter& c, std::optional<bool> verdict) {
  c.tick();
  if (!verdict) ++c.discards;
  RC_PRE(verdict.has_value());
  if (!*verdict) c.failed();
}

int run_bst(Counter& c) {
  const bool bespoke = c.task.strategy == "bespoke";
  const bst::Needs needs = bst::needs(c.task.property);
  auto tree = bespoke ? rc_gens::bespoke_bst()
                      : rc::gen::withSize([](int size) { return rc_gens::naive_bst(rc_gens::depth_for(size)); });
  auto key = bespoke ? rc_gens::small_key() : rc::gen::arbitrary<int>();
  rc::check(c.task.property, [&] {
    bst::Args a;
    a.t1 = *tree;
    if (needs.trees >= 2) a.t2 = *tree;
    if (needs.trees >= 3) a.t3 = *tree;
    if (needs.keys >= 1) a.k1 = *key;
    if (needs.keys >= 2) a.k2 = *key;
    if (needs.values >= 1) a.v1 = *key;
    if (needs.values >= 2) a.v2 = *key;
    judge(c, bst::check(c.task.property, a));
  });
  print_result(false, c.tests, c.elapsed(), c.discards);
  return 0;
}

int run_rbt(Counter& c) {
  const bool bespoke = c.task.strategy == "bespoke";
  const rbt::Needs needs = rbt::needs(c.task.property);
  auto tree = bespoke ? rc_gens::bespoke_rbt()
                      : rc::gen::withSize([](int size) { return rc_gens::naive_rbt(rc_gens::depth_for(size)); });
  auto key = bespoke ? rc_gens::rbt_key() : rc::gen::arbitrary<int>();
  auto value = bespoke ? rc_gens::small_key() : rc::gen::arbitrary<int>();
  rc::check(c.task.property, [&] {
    rbt::Args a;
    a.t = *tree;
    if (needs.keys >= 1) a.k1 = *key;
    if (needs.keys >= 2) a.k2 = *key;
    if (needs.values >= 1) a.v1 = *value;
    if (needs.values >= 2) a.v2 = *value;
    judge(c, rbt::check(c.task.property, a));
  });
  print_result(false, c.tests, c.elapsed(), c.discards);
  return 0;
}

int run_stlc(Counter& c) {
  stlc::require_property(c.task.property);
  auto term = c.task.strategy == "bespoke"
                  ? rc_gens::bespoke_stlc()
                  : rc::gen::withSize([](int size) { return rc_gens::naive_stlc(rc_gens::depth_for(size)); });
  rc::check(c.task.property, [&] { judge(c, stlc::check(c.task.property, *term)); });
  print_result(false, c.tests, c.elapsed(), c.discards);
  return 0;
}

}  // namespace

int run(int argc, char** argv) {
  Counter c{parse_task(argc, argv)};
  // Before RapidCheck reads its configuration: our seed, no test limit, quiet.
  const std::string params = "seed=" + std::to_string(c.task.seed) +
                             " max_success=100000000 max_discard_ratio=100 noshrink=1 verbose_progress=0";
  ::setenv("RC_PARAMS", params.c_str(), 1);
  if (c.task.workload == "bst") {
    bst::select_mutant(c.task.mutant);
    return run_bst(c);
  }
  if (c.task.workload == "rbt") {
    rbt::select_mutant(c.task.mutant);
    return run_rbt(c);
  }
  if (c.task.workload == "stlc") {
    stlc::select_mutant(c.task.mutant);
    return run_stlc(c);
  }
  std::fprintf(stderr, "no workload named %s\n", c.task.workload.c_str());
  return 2;
}

int main(int argc, char** argv) {
  return pbt::usage_errors_exit_2(argv[0], [&] { return run(argc, argv); });
}
