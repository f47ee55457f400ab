// An ETNA task with testgen. Strategies:
//   naive          type-derived generators, fresh inputs (test mode, for a time)
//   bespoke        valid-by-construction generators, fresh inputs
//   naive-fuzz     naive generators with coverage feedback, hints and adaptation
//                  (this binary linked with the instrumented workload)
//   naive-fuzz-noadapt  the same with adaptation and novelty off
#include <chrono>
#include <optional>

#include "gens_testgen.h"
#include "gens_testgen_rbt.h"
#include "gens_testgen_stlc.h"
#include "task.h"
#include "testgen/property.h"

namespace {

using namespace pbt;
namespace g = testgen::gen;
using testgen::Gen;

testgen::PropertyOptions options_for(const Task& task) {
  testgen::PropertyOptions o;
  o.name = task.workload + "." + task.mutant + "." + task.property;
  o.seed = task.seed;
  o.fuzz_seconds = task.seconds;
  o.shrink_calls = 0;  // time to failure, not to a small failure
  o.use_database = false;
  o.read_environment = false;
  o.discard_warning = 2;  // never: naive generators discard by design
  o.log = [](const std::string&) {};
  const bool fuzz = task.strategy.starts_with("naive-fuzz");
  o.coverage = fuzz;
  o.adapt = fuzz && task.strategy != "naive-fuzz-noadapt";
  o.novelty = task.strategy != "naive-fuzz-noadapt";
  o.hints = fuzz;
  return o;
}

template <class R>
int report(const R& r) {
  print_result(!r.passed, r.passed ? r.runs : r.found_at_run, r.passed ? r.seconds : r.found_at_seconds, r.discards);
  return 0;
}

int run_bst(const Task& task) {
  const bool bespoke = task.strategy == "bespoke";
  const bst::Needs needs = bst::needs(task.property);
  Gen<bst::Tree> tree = bespoke ? testgen_gens::bespoke_bst() : testgen_gens::naive_bst();
  Gen<int64_t> key = bespoke ? testgen_gens::small_key() : testgen_gens::naive_int();
  Gen<int64_t> none = g::unit<int64_t>(0);
  Gen<bst::Tree> no_tree = g::unit(bst::leaf());
  auto args = g::tuple(tree, needs.trees >= 2 ? tree : no_tree, needs.trees >= 3 ? tree : no_tree,
                       needs.keys >= 1 ? key : none, needs.keys >= 2 ? key : none, needs.values >= 1 ? key : none,
                       needs.values >= 2 ? key : none);
  auto r = testgen::check(args, [&](const auto& a) {
    const bst::Args in{std::get<0>(a), std::get<1>(a), std::get<2>(a), static_cast<int>(std::get<3>(a)),
                       static_cast<int>(std::get<4>(a)), static_cast<int>(std::get<5>(a)),
                       static_cast<int>(std::get<6>(a))};
    const bst::Verdict v = bst::check(task.property, in);
    testgen::assume(v.has_value());
    return *v;
  }, options_for(task));
  return report(r);
}

int run_rbt(const Task& task) {
  const bool bespoke = task.strategy == "bespoke";
  const rbt::Needs needs = rbt::needs(task.property);
  Gen<rbt::Tree> tree = bespoke ? testgen_gens::bespoke_rbt() : testgen_gens::naive_rbt();
  Gen<int64_t> key = bespoke ? testgen_gens::rbt_key() : testgen_gens::naive_int();
  Gen<int64_t> value = bespoke ? testgen_gens::small_key() : testgen_gens::naive_int();
  Gen<int64_t> none = g::unit<int64_t>(0);
  auto args = g::tuple(tree, needs.keys >= 1 ? key : none, needs.keys >= 2 ? key : none,
                       needs.values >= 1 ? value : none, needs.values >= 2 ? value : none);
  auto r = testgen::check(args, [&](const auto& a) {
    const rbt::Args in{std::get<0>(a), static_cast<int>(std::get<1>(a)), static_cast<int>(std::get<2>(a)),
                       static_cast<int>(std::get<3>(a)), static_cast<int>(std::get<4>(a))};
    const rbt::Verdict v = rbt::check(task.property, in);
    testgen::assume(v.has_value());
    return *v;
  }, options_for(task));
  return report(r);
}

int run_stlc(const Task& task) {
  stlc::require_property(task.property);
  Gen<stlc::Expr> term = task.strategy == "bespoke" ? testgen_gens::bespoke_stlc() : testgen_gens::naive_stlc();
  auto r = testgen::check(term, [&](const stlc::Expr& e) {
    const stlc::Verdict v = stlc::check(task.property, e);
    testgen::assume(v.has_value());
    return *v;
  }, options_for(task));
  return report(r);
}

}  // namespace

int run(int argc, char** argv) {
  if (argc == 3 && std::string(argv[1]) == "list") {
    const std::string w = argv[2];
    if (w == "bst") print_names(bst::mutants(), bst::properties());
    else if (w == "rbt") print_names(rbt::mutants(), rbt::properties());
    else if (w == "stlc") print_names(stlc::mutants(), stlc::properties());
    else {
      std::fprintf(stderr, "no workload named %s (have: bst, rbt, stlc)\n", w.c_str());
      return 2;
    }
    return 0;
  }
  const Task task = parse_task(argc, argv);
  if (task.workload == "bst") {
    bst::select_mutant(task.mutant);
    return run_bst(task);
  }
  if (task.workload == "rbt") {
    rbt::select_mutant(task.mutant);
    return run_rbt(task);
  }
  if (task.workload == "stlc") {
    stlc::select_mutant(task.mutant);
    return run_stlc(task);
  }
  std::fprintf(stderr, "no workload named %s (have: bst, rbt, stlc)\n", task.workload.c_str());
  return 2;
}

int main(int argc, char** argv) {
  return pbt::usage_errors_exit_2(argv[0], [&] { return run(argc, argv); });
}
