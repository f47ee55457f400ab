// An ETNA task with libFuzzer and FuzzedDataProvider (clang -fsanitize=fuzzer):
// the bytes libFuzzer mutates are read as the property's inputs, a tree as
// a sequence of leaf-or-node decisions. libFuzzer owns the command line, so
// the task comes from ETNA_TASK="WORKLOAD MUTANT PROPERTY"; etna.py passes
// -seed and -max_total_time. The result line is printed at the first
// failure, or at exit when time is up.
#include <fuzzer/FuzzedDataProvider.h>

#include <chrono>
#include <cstdlib>
#include <optional>
#include <sstream>
#include <string>

#include "task.h"
#include "workloads/bst.h"
#include "workloads/rbt.h"
#include "workloads/stlc.h"

namespace {

using Clock = std::chrono::steady_clock;
namespace bst = pbt::bst;
namespace rbt = pbt::rbt;
namespace stlc = pbt::stlc;

struct State {
  pbt::Task task;
  bst::Needs bst_needs{};
  rbt::Needs rbt_needs{};
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
    const int status = pbt::usage_errors_exit_2("pbt_libfuzzer", [&] {
      if (s.task.workload == "bst") {
        bst::select_mutant(s.task.mutant);
        s.bst_needs = bst::needs(s.task.property);
      } else if (s.task.workload == "rbt") {
        rbt::select_mutant(s.task.mutant);
        s.rbt_needs = rbt::needs(s.task.property);
      } else if (s.task.workload == "stlc") {
        stlc::select_mutant(s.task.mutant);
        stlc::require_property(s.task.property);
      } else {
        throw std::invalid_argument("no workload named " + s.task.workload + " (have: bst, rbt, stlc)");
      }
      return 0;
    });
    if (status != 0) std::exit(status);
    std::atexit([] { pbt::print_result(false, state().tests, state().elapsed(), state().discards); });
    return s;
  }();
  return s;
}

// Each decoder reads a value as a sequence of decisions, depth 6 at most as
// the other libraries' naive generators.
bst::Tree bst_tree(FuzzedDataProvider& in, int depth) {
  if (depth == 0 || in.remaining_bytes() == 0 || !in.ConsumeBool()) return bst::leaf();
  bst::Tree left = bst_tree(in, depth - 1);
  const int key = in.ConsumeIntegral<int>();
  const int value = in.ConsumeIntegral<int>();
  return bst::node(left, key, value, bst_tree(in, depth - 1));
}

rbt::Tree rbt_tree(FuzzedDataProvider& in, int depth) {
  if (depth == 0 || in.remaining_bytes() == 0 || !in.ConsumeBool()) return rbt::leaf();
  const rbt::Color color = in.ConsumeBool() ? rbt::Color::kRed : rbt::Color::kBlack;
  rbt::Tree left = rbt_tree(in, depth - 1);
  const int key = in.ConsumeIntegral<int>();
  const int value = in.ConsumeIntegral<int>();
  return rbt::node(color, left, key, value, rbt_tree(in, depth - 1));
}

stlc::Type stlc_type(FuzzedDataProvider& in, int depth) {
  if (depth == 0 || in.remaining_bytes() == 0 || !in.ConsumeBool()) return stlc::bool_type();
  stlc::Type from = stlc_type(in, depth - 1);
  return stlc::fun_type(from, stlc_type(in, depth - 1));
}

stlc::Expr stlc_expr(FuzzedDataProvider& in, int depth) {
  const int kind = in.ConsumeIntegralInRange<int>(0, depth == 0 ? 1 : 3);
  if (kind == 0) return stlc::var(in.ConsumeIntegral<int>());
  if (kind == 1) return stlc::lit(in.ConsumeBool());
  if (kind == 2) {
    stlc::Type type = stlc_type(in, 2);
    return stlc::abs(type, stlc_expr(in, depth - 1));
  }
  stlc::Expr function = stlc_expr(in, depth - 1);
  return stlc::app(function, stlc_expr(in, depth - 1));
}

std::optional<bool> judge(FuzzedDataProvider& in) {
  const State& s = state();
  if (s.task.workload == "stlc") return stlc::check(s.task.property, stlc_expr(in, 6));
  if (s.task.workload == "rbt") {
    rbt::Args a;
    a.t = rbt_tree(in, 6);
    if (s.rbt_needs.keys >= 1) a.k1 = in.ConsumeIntegral<int>();
    if (s.rbt_needs.keys >= 2) a.k2 = in.ConsumeIntegral<int>();
    if (s.rbt_needs.values >= 1) a.v1 = in.ConsumeIntegral<int>();
    if (s.rbt_needs.values >= 2) a.v2 = in.ConsumeIntegral<int>();
    return rbt::check(s.task.property, a);
  }
  bst::Args a;
  a.t1 = bst_tree(in, 6);
  if (s.bst_needs.trees >= 2) a.t2 = bst_tree(in, 6);
  if (s.bst_needs.trees >= 3) a.t3 = bst_tree(in, 6);
  if (s.bst_needs.keys >= 1) a.k1 = in.ConsumeIntegral<int>();
  if (s.bst_needs.keys >= 2) a.k2 = in.ConsumeIntegral<int>();
  if (s.bst_needs.values >= 1) a.v1 = in.ConsumeIntegral<int>();
  if (s.bst_needs.values >= 2) a.v2 = in.ConsumeIntegral<int>();
  return bst::check(s.task.property, a);
}

}  // namespace

// The task is read, and a bad one refused, before fuzzing starts: an exit
// from inside a run would be taken for a crash of the target.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  state();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  State& s = state();
  FuzzedDataProvider in(data, size);
  ++s.tests;
  const std::optional<bool> v = judge(in);
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
