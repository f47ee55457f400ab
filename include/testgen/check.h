#pragma once
/// \file
/// Property testing in C++ on the engine: `check(gen, property)`.
///
/// The property returns true when it holds (or throws to fail). A failing
/// value is shrunk and returned with its choice tree, which replays it.
///
/// Example usage:
///     namespace g = testgen::gen;
///     auto result = testgen::check(g::list(g::choose(0, 9), g::choose(-50, 50)),
///                                  [](const std::vector<int64_t>& xs) { return xs.size() < 5; });
///     if (!result.passed) std::cerr << result.counterexample_text << "\n";  // a list of 5 zeros

#include <optional>
#include <sstream>
#include <string>
#include <type_traits>
#include <utility>

#include "testgen/engine.h"
#include "testgen/gen.h"

namespace testgen {

namespace detail {
template <class T>
concept Streamable = requires(std::ostream& os, const T& v) { os << v; };

template <class T>
std::string to_text(const T& value) {
  if constexpr (Streamable<T>) {
    std::ostringstream out;
    out << value;
    return out.str();
  } else if constexpr (requires { value.begin(); value.end(); }) {
    std::string out = "[";
    bool first = true;
    for (const auto& x : value) {
      out += first ? "" : ", ";
      out += to_text(x);
      first = false;
    }
    return out + "]";
  } else if constexpr (requires { std::tuple_size<T>::value; }) {
    std::string out = "(";
    std::apply([&](const auto&... xs) {
      bool first = true;
      ((out += (first ? "" : ", ") + to_text(xs), first = false), ...);
    }, value);
    return out + ")";
  } else {
    return "<value>";
  }
}
}  // namespace detail

/// A Target that checks `property` on values of `gen`; the features are
/// whatever the property reports through `features` (optional).
template <class T, class P>
class PropertyTarget : public Target {
 public:
  PropertyTarget(std::string name, Gen<T> gen, P property)
      : name_(std::move(name)), gen_(std::move(gen)), property_(std::move(property)) {}

  std::string name() const override { return name_; }
  RunResult run(const Cursor& input) override {
    RunResult r;
    const T value = gen_(input);
    if (!property_(value)) {
      r.verdict = Verdict::kFail;
      r.signature = "property failed";
    }
    return r;
  }
  std::string describe(const Cursor& input) override { return detail::to_text(gen_(input)); }

 private:
  std::string name_;
  Gen<T> gen_;
  P property_;
};

template <class T>
struct CheckResult {
  bool passed = true;
  uint64_t runs = 0;
  bool exhausted = false;
  std::optional<T> counterexample;
  std::string counterexample_text;
  std::string signature;
  ChoiceTree tree;  ///< replays the counterexample
};

/// Runs `property` on values of `gen` under `options` (default: 1000 runs, seed 0).
template <class T, class P>
CheckResult<T> check(const Gen<T>& gen, P property, EngineOptions options = {.max_runs = 1000}) {
  PropertyTarget<T, P> target("property", gen, property);
  EngineReport report = Engine(target, options).run();
  CheckResult<T> out;
  out.runs = report.runs;
  out.exhausted = report.exhausted;
  if (report.findings.empty()) return out;
  const Finding& f = report.findings.front();
  out.passed = false;
  out.signature = f.signature;
  out.tree = f.tree;
  out.counterexample_text = f.value_text;
  ChoiceTree copy = f.tree;
  Source source(copy, SourceOptions{.size = options.size, .fill = Fill::kSimplest});
  out.counterexample = gen(source.root());
  return out;
}

}  // namespace testgen
