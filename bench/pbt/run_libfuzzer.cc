// An ETNA task with libFuzzer and FuzzedDataProvider (clang -fsanitize=fuzzer):
// the bytes libFuzzer mutates are read as the property's inputs, a tree as
// a sequence of leaf-or-node decisions. libFuzzer owns the command line, so
// the task comes from ETNA_TASK="WORKLOAD MUTANT PROPERTY"; etna.py passes
// -seed and -max_total_time. The result line is printed at the first
// failure, or at exit when time is up.
#include <fuzzer/FuzzedDataProvider.h>

#include <chrono>
#include <cstdlib>
#include <sstream>
#include <string>

#include "task.h"
#include "workloads/bst.h"

namespace {

using Clock = std::chrono::steady_clock;
namespace bst = pbt::bst;

struct State {
  pbt::Task task;
  bst::Needs needs{};
  uint64_t tests = 0, discards = 0;
  Clock::time_point start = Clock::now();
  double elapsed() const { return std::chrono::duration<double>(Clock::now() - start).count(); }
};

State& state() {
  static State s = [] {
    State s;
    const char* spec = std::getenv("ETNA_TASK");
    if (!spec) {
      std::fprintf(stderr, "pbt_libfuzzer: set ETNA_TASK=\"WORKLOAD MUTANT PROPERTY\"\n");
      std::exit(2);
    }
    std::istringstream in(spec);
    in >> s.task.workload >> s.task.mutant >> s.task.property;
    if (s.task.workload != "bst") {
      std::fprintf(stderr, "pbt_libfuzzer: no workload named %s\n", s.task.workload.c_str());
      std::exit(2);
    }
    pbt::bst::select_mutant(s.task.mutant);
    s.needs = pbt::bst::needs(s.task.property);
    std::atexit([] { pbt::print_result(false, state().tests, state().elapsed(), state().discards); });
    return s;
  }();
  return s;
}

pbt::bst::Tree tree(FuzzedDataProvider& in, int depth) {
  if (depth == 0 || in.remaining_bytes() == 0 || !in.ConsumeBool()) return pbt::bst::leaf();
  pbt::bst::Tree left = tree(in, depth - 1);
  const int key = in.ConsumeIntegral<int>();
  const int value = in.ConsumeIntegral<int>();
  return pbt::bst::node(left, key, value, tree(in, depth - 1));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  State& s = state();
  FuzzedDataProvider in(data, size);
  pbt::bst::Args a;
  a.t1 = tree(in, 6);
  if (s.needs.trees >= 2) a.t2 = tree(in, 6);
  if (s.needs.trees >= 3) a.t3 = tree(in, 6);
  if (s.needs.keys >= 1) a.k1 = in.ConsumeIntegral<int>();
  if (s.needs.keys >= 2) a.k2 = in.ConsumeIntegral<int>();
  if (s.needs.values >= 1) a.v1 = in.ConsumeIntegral<int>();
  if (s.needs.values >= 2) a.v2 = in.ConsumeIntegral<int>();
  ++s.tests;
  const pbt::bst::Verdict v = pbt::bst::check(s.task.property, a);
  if (!v) {
    ++s.discards;
    return -1;  // not a valid input: libFuzzer keeps it out of the corpus
  }
  if (!*v) {
    pbt::print_result(true, s.tests, s.elapsed(), s.discards);
    std::_Exit(0);
  }
  return 0;
}
