#pragma once
/// \file
/// Property tests for C++: `check(gens..., property, options)`.
///
/// The property gets one value from each generator. It fails by returning
/// false, by throwing, or (under GoogleTest, see testgen/gtest.h) through a
/// failed EXPECT_* or ASSERT_*. `assume(condition)` discards an input that
/// does not meet the property's precondition.
///
/// Two modes, as FuzzTest has:
/// - test mode (the default): `tests` inputs, the seed derived from the
///   property's name, so every run of the test binary checks the same inputs;
/// - fuzzing mode (`TESTGEN_FUZZ_FOR=60s` or `TESTGEN_FUZZ_RUNS=100000`): runs
///   until the time or the runs are used up, keeping inputs that reach new code (with testgen_instrument,
///   see testgen/sancov.h), mutating them and adapting the generators.
///
/// A failure is shrunk and reported with the passes that shrank it and a
/// one-line replay instruction (`TESTGEN_REPLAY=name:code`). It is also kept
/// in the failure database (`.testgen/<name>/` under the working directory,
/// or `TESTGEN_DB`), and replayed first on the next run until it passes.
///
/// Example usage:
///     namespace g = testgen::gen;
///     auto r = testgen::check(g::choose(0, 100), g::list(g::choose(0, 9), g::choose(-5, 5)),
///                             [](int64_t n, const std::vector<int64_t>& xs) {
///                               testgen::assume(n > 0);
///                               return xs.size() < static_cast<size_t>(n) + 3;
///                             },
///                             testgen::PropertyOptions{.name = "lists.short"});
///     if (!r.passed) std::cerr << r.report();

#include <cstdint>
#include <exception>
#include <filesystem>
#include <functional>
#include <optional>
#include <source_location>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "testgen/choice_tree.h"
#include "testgen/gen.h"
#include "testgen/shard.h"
#include "testgen/shrinker.h"
#include "testgen/value_text.h"

namespace testgen {

/// Thrown by assume(): this input is outside the property's precondition.
class Discarded : public std::exception {
 public:
  explicit Discarded(std::string where) : where_(std::move(where)) {}
  const char* what() const noexcept override { return where_.c_str(); }
  /// "assume at file.cc:12" (or the reason given).
  const std::string& where() const { return where_; }

 private:
  std::string where_;
};

/// Discards the current input unless `condition` holds. Discards are counted
/// per call site, and a property that discards most of its inputs is warned
/// about, naming the site.
inline void assume(bool condition, std::source_location where = std::source_location::current()) {
  if (!condition) {
    std::string file = where.file_name();
    if (const auto slash = file.rfind('/'); slash != std::string::npos) file.erase(0, slash + 1);
    throw Discarded("assume at " + file + ":" + std::to_string(where.line()));
  }
}

struct PropertyOptions {
  /// Names the property: the seed in test mode, the failure database's
  /// directory, and TESTGEN_REPLAY. TESTGEN_PROP sets "Suite.Name".
  std::string name = "property";
  /// Inputs in test mode (TESTGEN_TESTS overrides).
  uint64_t tests = 200;
  /// The seed (TESTGEN_SEED overrides); by default derived from `name`.
  std::optional<uint64_t> seed;
  /// Fuzzing mode for this long (TESTGEN_FUZZ_FOR=60s, 5m, 1h overrides), or
  /// for this many inputs (TESTGEN_FUZZ_RUNS, reproducible where time is
  /// not); with both, whichever ends first. Both 0: test mode.
  double fuzz_seconds = 0;
  uint64_t fuzz_runs = 0;
  /// In fuzzing mode, shard I of N fuzzes its own seed stream (TESTGEN_SHARD=I/N,
  /// a Slurm array task or a Kubernetes indexed Job override; see testgen/shard.h).
  /// Test mode ignores it: its inputs stay the same everywhere.
  Shard shard;
  /// The size given to sized generators (recursion depth).
  int size = 6;
  /// Shrinking budget: replays, and seconds (TESTGEN_SHRINK_SECONDS overrides).
  size_t shrink_calls = 5000;
  double shrink_seconds = 30;
  /// The failure database (TESTGEN_DB overrides; TESTGEN_DB=off turns it
  /// off). Empty: `.testgen` under the working directory.
  std::filesystem::path database;
  bool use_database = true;
  /// Ablation switches for fuzzing mode: coverage feedback (kept inputs and
  /// mutation), novelty (no input twice), adaptation (learnt weights), and
  /// comparison hints (integers near compared constants).
  bool coverage = true;
  bool novelty = true;
  bool adapt = true;
  bool hints = true;
  /// Warn when more than this share of inputs is discarded.
  double discard_warning = 0.5;
  /// Read the TESTGEN_* environment variables.
  bool read_environment = true;
  /// Where progress and warnings go (default: standard error).
  std::function<void(const std::string&)> log;
};

/// What a check found. `report()` is the text to show a person.
struct PropertyReport {
  std::string name;
  bool passed = true;
  bool fuzzing = false;
  uint64_t runs = 0;
  uint64_t discards = 0;
  size_t features = 0;
  double seconds = 0;
  uint64_t seed = 0;
  Shard shard;  ///< the shard that fuzzed (unsharded in test mode)
  /// How the failure came up: "database" (replayed from an earlier run),
  /// "replay" (TESTGEN_REPLAY), or "search".
  std::string found_by;
  uint64_t found_at_run = 0;
  double found_at_seconds = 0;  ///< since the search started
  std::string signature;
  std::string message;  ///< what failed, as the property said it
  std::string counterexample;
  std::string original;  ///< the input as first found, before shrinking
  ChoiceTree tree;       ///< replays the counterexample
  std::string replay;    ///< "TESTGEN_REPLAY=name:code"
  size_t shrink_calls = 0;
  bool shrink_budget_spent = false;
  std::vector<ShrinkPassStats> shrink_log;
  /// Stale failures dropped from the database (they pass now).
  size_t dropped_stale = 0;
  std::vector<std::string> warnings;

  /// The failure (or the summary of a pass) as a person reads it.
  std::string report() const;
};

template <class... Ts>
struct PropertyResult : PropertyReport {
  /// The counterexample's values. A Lazy<T> among them can no longer be
  /// accessed (its run is over): use `counterexample` (the text) for those.
  std::optional<std::tuple<Ts...>> counterexample_value;
};

/// What the typed part hands to the driver: a run that draws the inputs at a
/// cursor and calls the property, and a rendering of the inputs.
struct ErasedProperty {
  /// Draws the inputs and calls the property; returns false when it returned false.
  std::function<bool(const Cursor&)> call;
  std::function<std::string(const Cursor&)> describe;
};

/// Hooks around each call of the property (GoogleTest's adaptor intercepts
/// EXPECT_* failures with them). `after` returns a failure (signature,
/// message) when the call failed by the hook's own account.
struct PropertyHooks {
  std::function<void()> before;
  std::function<std::optional<std::pair<std::string, std::string>>()> after;
};

/// The untyped driver: environment, database, engine, shrinking, report.
PropertyReport run_property(const ErasedProperty& property, PropertyOptions options, const PropertyHooks& hooks = {});

namespace detail {

template <class Tuple, size_t... Is>
auto draw_all(const Tuple& gens, const Cursor& at, std::index_sequence<Is...>) {
  // Braced initialisation evaluates left to right: inputs are drawn in order.
  return std::tuple<typename std::tuple_element_t<Is, Tuple>::value_type...>{
      std::get<Is>(gens)(at.child(static_cast<uint32_t>(Is)))...};
}

template <class Tuple>
auto draw_inputs(const Tuple& gens, const Cursor& at) {
  static const Site site = Site::named("inputs", "property.h");
  at.claim(site);
  return draw_all(gens, at, std::make_index_sequence<std::tuple_size_v<Tuple>>{});
}

template <class P, class Values>
bool call_property(P& property, Values& values) {
  using R = decltype(std::apply(property, values));
  if constexpr (std::is_void_v<R>) {
    std::apply(property, values);
    return true;
  } else {
    static_assert(std::is_convertible_v<R, bool>, "a property returns bool or void");
    return static_cast<bool>(std::apply(property, values));
  }
}

template <class Values>
std::string inputs_text(const Values& values) {
  std::string out;
  size_t i = 0;
  std::apply([&](const auto&... v) { ((out += (i++ ? "\n" : "") + to_text(v)), ...); }, values);
  return out;
}

template <class Tuple, class P>
ErasedProperty erase(const Tuple& gens, P& property) {
  return ErasedProperty{
      .call = [gens, &property](const Cursor& at) {
        auto values = draw_inputs(gens, at);
        return call_property(property, values);
      },
      .describe = [gens](const Cursor& at) { return inputs_text(draw_inputs(gens, at)); }};
}

/// Calls the property once on the input `tree` records (its Lazy parts stay
/// valid for the call, unlike those of PropertyResult::counterexample_value).
template <class Tuple, class P>
void call_on(const Tuple& gens, P& property, const ChoiceTree& tree, int size) {
  ChoiceTree copy = tree;
  Source source(copy, SourceOptions{.size = size, .fill = Fill::kSimplest});
  auto values = draw_inputs(gens, source.root());
  call_property(property, values);
}

template <class Tuple>
auto value_of(const Tuple& gens, const ChoiceTree& tree, int size) {
  ChoiceTree copy = tree;
  Source source(copy, SourceOptions{.size = size, .fill = Fill::kSimplest});
  return draw_inputs(gens, source.root());
}

template <class Tuple, class P>
auto check_tuple(const Tuple& gens, P property, PropertyOptions options, const PropertyHooks& hooks) {
  return [&]<size_t... Is>(std::index_sequence<Is...>) {
    using Result = PropertyResult<typename std::tuple_element_t<Is, Tuple>::value_type...>;
    Result result;
    const int size = options.size;
    static_cast<PropertyReport&>(result) = run_property(erase(gens, property), std::move(options), hooks);
    if (!result.passed) result.counterexample_value = value_of(gens, result.tree, size);
    return result;
  }(std::make_index_sequence<std::tuple_size_v<Tuple>>{});
}

// The arguments of check(): generators, then the property, then (optionally) options.
template <class... Args, size_t... Gs>
auto check_split(std::tuple<Args...> args, std::index_sequence<Gs...>) {
  constexpr size_t n = sizeof...(Args);
  using Last = std::remove_cvref_t<std::tuple_element_t<n - 1, std::tuple<Args...>>>;
  if constexpr (std::is_same_v<Last, PropertyOptions>) {
    return check_tuple(std::make_tuple(std::get<Gs>(args)...), std::move(std::get<n - 2>(args)),
                       std::move(std::get<n - 1>(args)), PropertyHooks{});
  } else {
    return check_tuple(std::make_tuple(std::get<Gs>(args)...), std::move(std::get<n - 1>(args)), PropertyOptions{},
                       PropertyHooks{});
  }
}

}  // namespace detail

/// Checks `property` on values of the generators: `check(g1, ..., gn,
/// property)` or `check(g1, ..., gn, property, options)`. The property takes
/// one argument per generator and returns bool or void.
template <class... Args>
auto check(Args&&... args) {
  constexpr size_t n = sizeof...(Args);
  static_assert(n >= 2, "check(gens..., property[, options])");
  using Last = std::remove_cvref_t<std::tuple_element_t<n - 1, std::tuple<Args...>>>;
  constexpr size_t gens = std::is_same_v<Last, PropertyOptions> ? n - 2 : n - 1;
  static_assert(gens >= 1, "check needs at least one generator before the property");
  return detail::check_split(std::tuple<std::decay_t<Args>...>(std::forward<Args>(args)...),
                             std::make_index_sequence<gens>{});
}

}  // namespace testgen
