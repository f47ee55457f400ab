#pragma once
/// \file
/// Composable generators over choice trees.
///
/// A `Gen<T>` produces a T at a Cursor. Every generator has a site (see
/// site.h), taken from where it was created. Generators that make a decision
/// record it at their node; structural generators give each part its own
/// child slot; the rest (unit, map, sized, resize) are transparent and run at
/// the node they are given. So a recorded tree replays the value exactly, and
/// one changed decision leaves its siblings alone.
///
/// Shrinking: every decision shrinks toward the simplest value of its range
/// (0, or the bound nearer 0), `oneof`/`elements`/`freq` toward their first
/// option, lists toward fewer elements (delete) and simpler elements.
/// Order options from simplest to most complex.
///
/// Example usage:
///     namespace g = testgen::gen;
///     auto small = g::choose(-1000, 1000);
///     auto lists = g::list(g::choose(0, 20), small);
///     auto evens = g::filter(small, [](int64_t x) { return x % 2 == 0; }, "even");

#include <concepts>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <source_location>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "testgen/site.h"
#include "testgen/source.h"

namespace testgen {

template <class T>
class Gen {
 public:
  using value_type = T;
  using DrawFn = std::function<T(const Cursor&)>;

  /// A generator from a draw function. The function must only decide at its
  /// own node once and give every sub-generator its own child slot.
  Gen(Site site, DrawFn draw)
      : body_(std::make_shared<const Body>(Body{std::move(site), std::move(draw)})) {}

  T operator()(const Cursor& at) const { return body_->draw(at); }
  const Site& site() const { return body_->site; }

 private:
  struct Body {
    Site site;
    DrawFn draw;
  };
  std::shared_ptr<const Body> body_;
};

/// A T drawn on first access. Until `get()` is called its subtree stays
/// unforced, so demand shows whether the consumer looked at it. Access it
/// only while its run is in progress (inside the target).
template <class T>
class Lazy {
 public:
  Lazy(Cursor at, Gen<T> gen) : state_(std::make_shared<State>(State{at, std::move(gen), {}})) {}

  const T& get() const {
    if (!state_->value) state_->value.emplace(state_->gen(state_->at.child(0)));
    return *state_->value;
  }
  const T& operator*() const { return get(); }
  const T* operator->() const { return &get(); }
  bool evaluated() const { return state_->value.has_value(); }
  /// Whether the tree holds a value for it already (drawn in this run, or
  /// recorded by the run being replayed): reports show only those.
  bool recorded() const { return evaluated() || state_->at.node().child(0) != nullptr; }

 private:
  struct State {
    Cursor at;
    Gen<T> gen;
    std::optional<T> value;
  };
  std::shared_ptr<State> state_;
};

template <class G>
concept Generator = requires { typename G::value_type; } &&
                    std::same_as<G, Gen<typename G::value_type>>;

namespace gen {

/// Where a generator was made, which gives its site: a C++ source location
/// (the default argument of every combinator), or a name a script gives
/// ("suite.lua:12").
class Where {
 public:
  Where(std::source_location location) : location_(location) {}  // NOLINT: implicit on purpose
  static Where named(std::string name) {
    Where w{std::source_location{}};
    w.name_ = std::move(name);
    return w;
  }
  Site site(std::string_view kind, uint64_t salt = 0) const {
    return name_.empty() ? Site::at(kind, location_, salt) : Site::named(kind, name_, salt);
  }

 private:
  std::source_location location_;
  std::string name_;
};

/// Always `value`; draws nothing.
template <class T>
Gen<T> unit(T value, Where where = std::source_location::current()) {
  return Gen<T>(where.site("unit"), [value](const Cursor&) { return value; });
}

/// f applied to the value of g. Shrinks as g does.
template <class T, class F>
auto map(Gen<T> g, F f, Where where = std::source_location::current()) -> Gen<std::invoke_result_t<F, const T&>> {
  using U = std::invoke_result_t<F, const T&>;
  return Gen<U>(where.site("map"), [g, f](const Cursor& at) { return f(g(at)); });
}

/// Runs g (slot 0), then the generator f returns for its value (slot 1).
template <class T, class F>
auto bind(Gen<T> g, F f, Where where = std::source_location::current())
    -> Gen<typename std::invoke_result_t<F, const T&>::value_type> {
  using G = std::invoke_result_t<F, const T&>;
  static_assert(Generator<G>, "bind: f must return a Gen<U>");
  Site site = where.site("bind");
  return Gen<typename G::value_type>(site, [g, f, site](const Cursor& at) {
    at.claim(site);
    const T first = g(at.child(0));
    return f(first)(at.child(1));
  });
}

/// true or false, equally likely before adaptation.
Gen<bool> flip(Where where = std::source_location::current());
/// An integer in [0, n); n must be positive.
Gen<int64_t> integer(int64_t n, Where where = std::source_location::current());
/// An integer in [lo, hi].
Gen<int64_t> choose(int64_t lo, int64_t hi, Where where = std::source_location::current());
/// Any 64-bit pattern; shrinks toward 0.
Gen<uint64_t> bits64(Where where = std::source_location::current());
/// True when the size has reached 0: the signal to end a recursion (quest's iszero).
Gen<bool> iszero(Where where = std::source_location::current());

/// One of `values`, equally likely before adaptation; shrinks toward the first.
template <class T>
Gen<T> elements(std::vector<T> values, Where where = std::source_location::current()) {
  if (values.empty()) throw GenerationError("elements: needs at least one value");
  Site site = where.site("elements");
  auto shared = std::make_shared<const std::vector<T>>(std::move(values));
  return Gen<T>(site, [shared, site](const Cursor& at) {
    auto i = at.decide(site, ChoiceKind::kIndex, 0, static_cast<int64_t>(shared->size()) - 1);
    return (*shared)[static_cast<size_t>(i)];
  });
}
template <class T>
Gen<T> elements(std::initializer_list<T> values, Where where = std::source_location::current()) {
  return elements(std::vector<T>(values), where);
}

namespace detail {
template <class T>
Gen<T> pick(const char* kind, std::vector<Gen<T>> gens, std::vector<double> weights, int size_step,
            Where where) {
  if (gens.empty()) throw GenerationError(std::string(kind) + ": needs at least one generator");
  Site site = where.site(kind);
  auto shared = std::make_shared<const std::vector<Gen<T>>>(std::move(gens));
  auto w = std::make_shared<const std::vector<double>>(std::move(weights));
  return Gen<T>(site, [shared, w, site, size_step](const Cursor& at) {
    auto i = at.decide(site, ChoiceKind::kIndex, 0, static_cast<int64_t>(shared->size()) - 1, *w);
    Cursor option = at.child(static_cast<uint32_t>(i));
    if (size_step) option = option.resized(std::max(0, at.size() - size_step));
    return (*shared)[static_cast<size_t>(i)](option);
  });
}
}  // namespace detail

/// Runs one of `gens`, chosen equally likely before adaptation. The chosen
/// generator runs at child slot i, so switching back to an option finds its
/// old subtree. Shrinks toward the first option.
template <class T>
Gen<T> oneof(std::vector<Gen<T>> gens, Where where = std::source_location::current()) {
  return detail::pick("oneof", std::move(gens), {}, 0, where);
}
template <class T>
Gen<T> oneof(std::initializer_list<Gen<T>> gens, Where where = std::source_location::current()) {
  return oneof(std::vector<Gen<T>>(gens), where);
}

/// Like oneof, but option i is chosen with probability weight_i / sum (before adaptation).
template <class T>
Gen<T> freq(std::vector<std::pair<double, Gen<T>>> choices, Where where = std::source_location::current()) {
  std::vector<Gen<T>> gens;
  std::vector<double> weights;
  for (auto& [w, g] : choices) {
    if (!(w >= 0)) throw GenerationError("freq: weights must be non-negative");
    weights.push_back(w);
    gens.push_back(std::move(g));
  }
  double total = 0;
  for (double w : weights) total += w;
  if (!(total > 0)) throw GenerationError("freq: at least one weight must be positive");
  return detail::pick("freq", std::move(gens), std::move(weights), 0, where);
}

/// Like oneof, but the chosen generator runs with size - 1 (quest's smaller).
/// For recursion, give the base case the shape of the simplest option
/// (`iszero` true: `smaller({leaf})`; false: `smaller({leaf, branch})`), so
/// that a leaf is recorded alike at every size and shrinking can remove a
/// level of recursion.
template <class T>
Gen<T> smaller(std::vector<Gen<T>> gens, Where where = std::source_location::current()) {
  return detail::pick("smaller", std::move(gens), {}, 1, where);
}
template <class T>
Gen<T> smaller(std::initializer_list<Gen<T>> gens, Where where = std::source_location::current()) {
  return smaller(std::vector<Gen<T>>(gens), where);
}

/// A list whose length comes from `length` (slot 0; negative counts as 0) and
/// whose i-th element is drawn at slot i+1. Shrinks by deleting elements.
template <class T>
Gen<std::vector<T>> list(Gen<int64_t> length, Gen<T> element, Where where = std::source_location::current()) {
  Site site = where.site("list");
  return Gen<std::vector<T>>(site, [length, element, site](const Cursor& at) {
    at.claim(site, ChoiceKind::kList);
    const int64_t n = std::max<int64_t>(0, length(at.child(0)));
    std::vector<T> out;
    out.reserve(static_cast<size_t>(std::min<int64_t>(n, 1 << 16)));
    for (int64_t i = 0; i < n; ++i) out.push_back(element(at.child(static_cast<uint32_t>(i + 1))));
    return out;
  });
}

/// The lists of `parts` (part i at slot i), joined.
template <class T>
Gen<std::vector<T>> concat(std::vector<Gen<std::vector<T>>> parts, Where where = std::source_location::current()) {
  Site site = where.site("concat");
  return Gen<std::vector<T>>(site, [parts, site](const Cursor& at) {
    at.claim(site);
    std::vector<T> out;
    for (size_t i = 0; i < parts.size(); ++i) {
      std::vector<T> part = parts[i](at.child(static_cast<uint32_t>(i)));
      out.insert(out.end(), std::make_move_iterator(part.begin()), std::make_move_iterator(part.end()));
    }
    return out;
  });
}

/// The generator f makes from the current size.
template <class F>
auto sized(F f, Where where = std::source_location::current())
    -> Gen<typename std::invoke_result_t<F, int>::value_type> {
  using G = std::invoke_result_t<F, int>;
  static_assert(Generator<G>, "sized: f must return a Gen<U>");
  return Gen<typename G::value_type>(where.site("sized"),
                                     [f](const Cursor& at) { return f(at.size())(at); });
}

/// g run with the given size.
template <class T>
Gen<T> resize(int size, Gen<T> g, Where where = std::source_location::current()) {
  return Gen<T>(where.site("resize"), [size, g](const Cursor& at) { return g(at.resized(size)); });
}

/// A filter that rejected `max_tries` values in a row. Property checks count
/// it as a discarded input (and warn when that happens often); elsewhere it
/// is the GenerationError it derives from.
class FilterExhausted : public GenerationError {
 public:
  FilterExhausted(const std::string& message, std::string filter)
      : GenerationError(message), filter_(std::move(filter)) {}
  /// "name (file:line)".
  const std::string& filter() const { return filter_; }

 private:
  std::string filter_;
};

namespace detail {
/// Counts what each filter accepts and rejects while a property check runs
/// (installed per thread by the check; null otherwise, which costs nothing).
class FilterTally {
 public:
  virtual ~FilterTally() = default;
  virtual void count(const std::string& filter, bool accepted) = 0;
};
FilterTally*& active_filter_tally();
}  // namespace detail

/// Values of g that satisfy `pred`; attempt k is drawn at slot k. After
/// `max_tries` rejections in a row, throws FilterExhausted naming the filter.
template <class T, class P>
Gen<T> filter(Gen<T> g, P pred, std::string name, int max_tries = 100, Where where = std::source_location::current()) {
  Site site = where.site("filter");
  return Gen<T>(site, [g, pred, name = std::move(name), max_tries, site](const Cursor& at) -> T {
    auto who = [&] { return name + " (" + site.label + ")"; };
    at.claim(site);
    for (int k = 0; k < max_tries; ++k) {
      T value = g(at.child(static_cast<uint32_t>(k)));
      const bool accepted = pred(value);
      if (detail::FilterTally* tally = detail::active_filter_tally()) tally->count(who(), accepted);
      if (accepted) return value;
    }
    throw FilterExhausted("filter '" + name + "' (" + site.label + ") rejected " + std::to_string(max_tries) +
                              " values in a row; generate valid values directly (for example with "
                              "map) instead of filtering most of them away",
                          who());
  });
}

/// A generator defined in terms of itself: `define` receives the generator
/// being defined. Pair it with `smaller`/`iszero` so the recursion ends.
template <class T>
Gen<T> recursive(std::function<Gen<T>(Gen<T>)> define, Where where = std::source_location::current()) {
  Site site = where.site("recursive");
  auto cell = std::make_shared<std::optional<Gen<T>>>();
  // The inner reference is weak so that the definition does not own itself.
  std::weak_ptr<std::optional<Gen<T>>> weak = cell;
  Gen<T> self(site, [weak, label = site.label](const Cursor& at) -> T {
    auto strong = weak.lock();
    if (!strong || !*strong) throw GenerationError(label + ": recursive generator used after its definition was destroyed");
    return (**strong)(at);
  });
  *cell = define(self);
  return Gen<T>(site, [cell](const Cursor& at) { return (**cell)(at); });
}

/// A Lazy<T>: g is only drawn (at slot 0) when the value is first accessed.
template <class T>
Gen<Lazy<T>> lazy(Gen<T> g, Where where = std::source_location::current()) {
  Site site = where.site("lazy");
  return Gen<Lazy<T>>(site, [g, site](const Cursor& at) {
    at.claim(site);
    return Lazy<T>(at, g);
  });
}

namespace detail {
template <class... Ts, size_t... Is>
Gen<std::tuple<Ts...>> tuple_of(std::index_sequence<Is...>, Gen<Ts>... gens) {
  Site site = Site::named("tuple", "gen.h");
  return Gen<std::tuple<Ts...>>(site, [=](const Cursor& at) {
    at.claim(site);
    // Braced initialisation evaluates left to right: parts are drawn in order.
    return std::tuple<Ts...>{gens(at.child(static_cast<uint32_t>(Is)))...};
  });
}
}  // namespace detail

/// A tuple of the values of gens (part i at slot i, drawn in order).
template <class... Ts>
Gen<std::tuple<Ts...>> tuple(Gen<Ts>... gens) {
  return detail::tuple_of(std::index_sequence_for<Ts...>{}, std::move(gens)...);
}

}  // namespace gen
}  // namespace testgen
