#include "properties.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <functional>
#include <limits>
#include <map>
#include <optional>

#include "rust_emitter.h"
#include "probes.h"
#include "test_calls.h"

namespace testgen::bash {
namespace {

std::optional<int64_t> integer_answer(const PairedCall& c) {
  if (!c.agree() || c.bash.status != 0 || c.bash.out.empty() || c.bash.out.back() != '\n') return std::nullopt;
  std::string digits = c.bash.out.substr(0, c.bash.out.size() - 1);
  try {
    size_t used = 0;
    long long v = std::stoll(digits, &used);
    if (used != digits.size() || std::to_string(v) != digits) return std::nullopt;
    return v;
  } catch (...) {
    return std::nullopt;
  }
}

std::string text_of(const std::string& out) {
  std::string t = out;
  while (!t.empty() && t.back() == '\n') t.pop_back();
  return t;
}

class Finder {
 public:
  Finder(Oracle& oracle, const PropertyContext& ctx) : oracle_(oracle), ctx_(ctx), f_(*ctx.function) {}

  std::vector<PropertyTest> run() {
    const Signature& sig = f_.signature;
    bool integers_only = !sig.variadic && !sig.params.empty() && !ctx_.model.reads_stdin &&
                         std::all_of(sig.params.begin(), sig.params.end(), [](const Parameter& p) { return p.integer; });
    if (integers_only && sig.params.size() == 1) one_integer();
    else if (integers_only && sig.params.size() == 2) two_integers();
    else sampled();
    return std::move(out_);
  }

 private:
  Oracle& oracle_;
  const PropertyContext& ctx_;
  const TranslatedFunction& f_;
  std::vector<PropertyTest> out_;

  std::string call(const std::vector<std::string>& rust_args) const {
    std::string a;
    for (size_t i = 0; i < rust_args.size(); ++i) a += (i ? ", " : "") + rust_args[i];
    return fmt::format("{}::{}({})", ctx_.crate, f_.module, a);
  }

  void add(std::string name, std::string kind, std::string doc, const std::string& strategy, const std::string& pattern,
           const std::vector<std::string>& checks) {
    std::string inner;
    for (const std::string& c : checks) inner += "            " + c + "\n";
    std::string run = fmt::format(
        "common::runner({})\n        .run(&{}, |{}| {{\n{}            Ok(())\n        }})\n        .unwrap();\n",
        ctx_.cases, strategy, pattern, inner);
    std::string body = ctx_.fresh_context ? fmt::format("    common::in_fresh_dir(|| {{\n        {}    }});\n", run)
                                          : "    " + run;
    out_.push_back({std::move(name), std::move(kind), std::move(doc), std::move(body)});
  }

  // Asks bash twice for a few inputs (fresh calls, not the oracle's memory).
  bool deterministic(const std::vector<CallInput>& inputs) {
    std::vector<CallInput> few(inputs.begin(), inputs.begin() + std::min<size_t>(inputs.size(), 8));
    std::vector<const PairedCall*> first = oracle_.ask(few);
    std::vector<PairedCall> second = oracle_.ask_fresh(few);
    for (size_t i = 0; i < few.size(); ++i)
      if (!second[i].agree() || first[i]->bash.out != second[i].bash.out || first[i]->bash.status != second[i].bash.status)
        return false;
    return !few.empty();
  }

  // The integers [lo, hi] where bash answers every point cheaply, grown
  // outwards from the constants the code compares with. Cheap is counted in
  // commands bash ran, not in seconds, so the domain (and the tests written)
  // is the same on a busy machine.
  static constexpr uint64_t kCheapSteps = 1000;
  std::pair<int64_t, int64_t> integer_domain() {
    int64_t low_const = 0, high_const = 0;
    for (int64_t c : ctx_.model.integers)
      if (c > -1000 && c < 1000) low_const = std::min(low_const, c), high_const = std::max(high_const, c);
    int64_t lo = low_const, hi = low_const;
    auto answers_cheaply = [&](int64_t v) {
      const PairedCall& c = oracle_.ask(CallInput{{std::to_string(v)}, ""});
      return c.agree() && c.bash.steps <= kCheapSteps;
    };
    // Upwards in steps of one until a point is slow or does not agree.
    while (hi < high_const + 16) {
      std::vector<CallInput> next;
      for (int64_t v = hi + 1; v <= std::min(hi + 4, high_const + 16); ++v) next.push_back({{std::to_string(v)}, ""});
      oracle_.ask(next);
      bool stop = false;
      for (const CallInput& in : next)
        if (!stop && answers_cheaply(std::stoll(in.args[0]))) hi = std::stoll(in.args[0]);
        else stop = true;
      if (stop) break;
    }
    while (lo > low_const - 6 && answers_cheaply(lo - 1)) --lo;
    if (!answers_cheaply(lo)) return {1, 0};
    return {lo, hi};
  }

  void one_integer() {
    auto [lo, hi] = integer_domain();
    if (hi - lo < 3) return sampled();
    std::map<int64_t, int64_t> value;
    std::vector<CallInput> points;
    for (int64_t n = lo; n <= hi; ++n) points.push_back({{std::to_string(n)}, ""});
    std::vector<const PairedCall*> answers = oracle_.ask(points);
    bool all_integers = true;
    for (size_t i = 0; i < points.size(); ++i) {
      std::optional<int64_t> v = integer_answer(*answers[i]);
      if (!v) all_integers = false;
      else value[lo + static_cast<int64_t>(i)] = *v;
    }
    std::string p = f_.signature.params[0].name;
    std::string range = fmt::format("({}i64..={})", lo, hi);
    size_t n = points.size();
    std::string checked = fmt::format("bash gave it for every {} in {}..={} ({} calls)", p, lo, hi, n);
    bool typed = f_.signature.result == ResultKind::kInteger;
    std::string raw = fmt::format("{}::invoke({}::{}::run, &[&{}.to_string()])", ctx_.crate, ctx_.crate, f_.module, p);
    if (deterministic(points))
      add("prop_determinism", "determinism", "The same argument gives the same answer: " + checked + ".", range, p,
          {"let out = " + raw + ";", "prop_assert_eq!(out, " + raw + ");"});
    if (!all_integers || !typed) return status_and_files(answers, range, p, raw, checked);
    add("prop_prints_one_integer", "type",
        "It always prints one integer and succeeds, so the i64 result is all of its answer: " + checked + ".", range, p,
        {"let out = " + raw + ";", "prop_assert_eq!(out.status, 0);",
         "prop_assert!(out.stdout.strip_suffix('\\n').is_some_and(|v| v.parse::<i64>().is_ok()));"});
    int64_t min = std::numeric_limits<int64_t>::max(), max = std::numeric_limits<int64_t>::min();
    for (auto [k, v] : value) min = std::min(min, v), max = std::max(max, v);
    add("prop_bounds", "bounds", fmt::format("The result stays within {}..={}: {}.", min, max, checked), range, p,
        {fmt::format("let r = {};", call({p})), fmt::format("prop_assert!(({}..={}).contains(&r), \"{{}} gave {{}}\", {}, r);", min, max, p)});
    bool up = true, down = true;
    for (int64_t k = lo; k < hi; ++k) up = up && value[k + 1] >= value[k], down = down && value[k + 1] <= value[k];
    if (min != max && (up || down))
      add(up ? "prop_monotonic_increasing" : "prop_monotonic_decreasing", "monotonic",
          fmt::format("f({0} + 1) {1} f({0}): {2}.", p, up ? ">=" : "<=", checked), fmt::format("({}i64..{})", lo, hi), p,
          {fmt::format("prop_assert!({} {} {});", call({p + " + 1"}), up ? ">=" : "<=", call({p}))});
    recurrence(value, lo, hi, p, checked);
    base_case(value, lo, hi, p);
  }

  // The longest run of points, ending at hi, on which f(n) follows from the values before it.
  void recurrence(std::map<int64_t, int64_t>& value, int64_t lo, int64_t hi, const std::string& p,
                  const std::string& checked) {
    struct Rule {
      std::string name, doc, rust;
      int back;
      std::function<bool(int64_t n)> holds;
    };
    auto v = [&](int64_t k) { return value.at(k); };
    auto wrap_add = [](int64_t a, int64_t b) { return static_cast<int64_t>(static_cast<uint64_t>(a) + static_cast<uint64_t>(b)); };
    auto wrap_mul = [](int64_t a, int64_t b) { return static_cast<int64_t>(static_cast<uint64_t>(a) * static_cast<uint64_t>(b)); };
    std::vector<Rule> rules = {
        {"prop_sum_of_previous_two", "f(n) = f(n - 1) + f(n - 2)",
         fmt::format("prop_assert_eq!({}, {}.wrapping_add({}));", call({p}), call({p + " - 1"}), call({p + " - 2"})), 2,
         [&](int64_t n) { return v(n) == wrap_add(v(n - 1), v(n - 2)); }},
        {"prop_n_times_previous", "f(n) = n * f(n - 1)",
         fmt::format("prop_assert_eq!({}, {}.wrapping_mul({}));", call({p}), p, call({p + " - 1"})), 1,
         [&](int64_t n) { return v(n) == wrap_mul(n, v(n - 1)); }},
    };
    for (int64_t d : {int64_t{1}, int64_t{-1}, int64_t{2}})
      rules.push_back({fmt::format("prop_step_of_{}", d < 0 ? "minus_1" : std::to_string(d)), fmt::format("f(n) = f(n - 1) + {}", d),
                       fmt::format("prop_assert_eq!({}, {}.wrapping_add({}));", call({p}), call({p + " - 1"}), d), 1,
                       [&, d](int64_t n) { return v(n) == wrap_add(v(n - 1), d); }});
    for (const Rule& rule : rules) {
      int64_t start = hi;
      while (start - 1 - rule.back >= lo && rule.holds(start - 1)) --start;
      if (start - rule.back < lo || !rule.holds(hi) || hi - start < 3) continue;
      add(rule.name, "recurrence",
          fmt::format("{} for {} in {}..={}: {}.", rule.doc, p, start, hi, checked), fmt::format("({}i64..={})", start, hi), p,
          {rule.rust});
      return;  // one recurrence says enough
    }
  }

  // The base case: the constant the function gives below some point.
  void base_case(std::map<int64_t, int64_t>& value, int64_t lo, int64_t hi, const std::string& p) {
    int64_t end = lo;
    while (end + 1 <= hi && value[end + 1] == value[lo]) ++end;
    if (end - lo < 2 || end == hi) return;
    add("prop_constant_up_to_" + value_ident(std::to_string(end)), "base case",
        fmt::format("f({}) = {} for every {} in {}..={} (bash gave it for each).", p, value[lo], p, lo, end),
        fmt::format("({}i64..={})", lo, end), p, {fmt::format("prop_assert_eq!({}, {});", call({p}), value[lo])});
  }

  void two_integers() {
    // Both parameters drawn from the constants' neighbourhood; checked on a grid.
    int64_t lo = 0, hi = 0;
    for (int64_t c : ctx_.model.integers)
      if (c > -1000 && c < 1000) lo = std::min(lo, c), hi = std::max(hi, c);
    lo -= 3, hi += 3;
    std::vector<CallInput> grid, swapped;
    int64_t step = std::max<int64_t>(1, (hi - lo) / 9);
    for (int64_t a = lo; a <= hi; a += step)
      for (int64_t b = lo; b <= hi; b += step) {
        grid.push_back({{std::to_string(a), std::to_string(b)}, ""});
        swapped.push_back({{std::to_string(b), std::to_string(a)}, ""});
      }
    std::vector<const PairedCall*> answers = oracle_.ask(grid);
    std::vector<const PairedCall*> other = oracle_.ask(swapped);
    bool all_agree = std::all_of(answers.begin(), answers.end(), [](const PairedCall* c) { return c->agree(); });
    if (!all_agree) return sampled();
    const auto& ps = f_.signature.params;
    std::string strategy = fmt::format("(({0}i64..={1}), ({0}i64..={1}))", lo, hi);
    std::string pattern = fmt::format("({}, {})", ps[0].name, ps[1].name);
    std::string checked = fmt::format("bash gave it on a grid of {} pairs in {}..={}", grid.size(), lo, hi);
    std::string raw = fmt::format("{}::invoke({}::{}::run, &[&{}.to_string(), &{}.to_string()])", ctx_.crate, ctx_.crate,
                                  f_.module, ps[0].name, ps[1].name);
    if (deterministic(grid))
      add("prop_determinism", "determinism", "The same arguments give the same answer: " + checked + ".", strategy, pattern,
          {"let out = " + raw + ";", "prop_assert_eq!(out, " + raw + ");"});
    bool commutes = true;
    for (size_t i = 0; i < grid.size(); ++i)
      commutes = commutes && other[i]->agree() && other[i]->bash.out == answers[i]->bash.out &&
                 other[i]->bash.status == answers[i]->bash.status;
    if (commutes)
      add("prop_commutative", "commutativity", "Swapping the two arguments changes nothing: " + checked + ".", strategy,
          pattern,
          {"let out = " + raw + ";",
           fmt::format("prop_assert_eq!(out, {}::invoke({}::{}::run, &[&{}.to_string(), &{}.to_string()]));", ctx_.crate,
                       ctx_.crate, f_.module, ps[1].name, ps[0].name)});
    status_and_files(answers, strategy, pattern, raw, checked);
  }

  // What every answer had in common: its statuses, and no files left behind.
  void status_and_files(const std::vector<const PairedCall*>& answers, const std::string& strategy,
                        const std::string& pattern, const std::string& raw, const std::string& checked) {
    std::set<int> statuses;
    bool files = false, one_line = true;
    for (const PairedCall* c : answers) {
      statuses.insert(c->bash.status);
      files = files || !c->bash.files.empty();
      one_line = one_line && c->bash.out.size() > 0 && c->bash.out.find('\n') == c->bash.out.size() - 1;
    }
    if (statuses.size() == 1) {
      int s = *statuses.begin();
      add(s == 0 ? "prop_always_succeeds" : fmt::format("prop_always_status_{}", s), "type",
          fmt::format("Its exit status is always {}: {}.", s, checked), strategy, pattern,
          {"let out = " + raw + ";", fmt::format("prop_assert_eq!(out.status, {});", s)});
    } else if (statuses.size() <= 3) {
      std::string list, shown;
      for (int s : statuses) list += (list.empty() ? "" : ", ") + std::to_string(s);
      add("prop_status_is_known", "type", fmt::format("Its exit status is one of {}: {}.", list, checked), strategy,
          pattern, {"let out = " + raw + ";", fmt::format("prop_assert!([{}].contains(&out.status));", list)});
    }
    if (one_line)
      add("prop_prints_one_line", "type", fmt::format("It prints exactly one line: {}.", checked), strategy, pattern,
          {"let out = " + raw + ";", "prop_assert_eq!(out.stdout.matches('\\n').count(), 1);",
           "prop_assert!(out.stdout.ends_with('\\n'));"});
    if (!files && ctx_.fresh_context)
      add("prop_writes_no_files", "side effects",
          fmt::format("It leaves no file behind: {}.", checked), strategy, pattern,
          {"let _ = " + raw + ";", "prop_assert_eq!(common::files(), \"\");"});
  }

  // Functions of strings (or many arguments): properties checked on every
  // input the check and the unit tests ran, drawn in Rust from the same alphabet.
  void sampled() {
    const Signature& sig = f_.signature;
    size_t arity = sig.variadic ? 0 : sig.params.size();
    if (sig.variadic || ctx_.model.reads_stdin || arity == 0 || arity > 2) return;
    std::vector<CallInput> inputs;
    for (const CallInput& c : ctx_.samples)
      if (c.args.size() == arity && c.input.empty()) inputs.push_back(c);
    if (inputs.size() < 10) return;
    std::vector<const PairedCall*> answers = oracle_.ask(inputs);
    std::vector<std::string> names, strategies;
    bool any_integer = false;
    for (const Parameter& p : sig.params) {
      names.push_back(p.name);
      strategies.push_back(string_strategy());
      any_integer = any_integer || p.integer;
    }
    std::string strategy = arity == 1 ? strategies[0] : fmt::format("({}, {})", strategies[0], strategies[1]);
    // With an integer among the arguments, only the inputs bash ran: a
    // neighbouring integer may never return (fact 0 recurses forever in
    // bash and in its translation alike), where a new string of the same
    // characters is a fair generalisation.
    if (any_integer) {
      std::optional<std::string> observed = observed_inputs(inputs);
      if (!observed) return;
      strategy = *observed;
    }
    std::string pattern = arity == 1 ? names[0] : fmt::format("({}, {})", names[0], names[1]);
    std::string args;
    for (const Parameter& p : sig.params)
      args += (args.empty() ? "" : ", ") + (p.integer ? fmt::format("&{}.to_string()", p.name) : fmt::format("{}.as_str()", p.name));
    std::string raw = fmt::format("{}::invoke({}::{}::run, &[{}])", ctx_.crate, ctx_.crate, f_.module, args);
    std::string checked = fmt::format("it held on all {} inputs bash ran for the check and the unit tests", inputs.size());
    if (deterministic(inputs))
      add("prop_determinism", "determinism", "The same arguments give the same answer: " + checked + ".", strategy, pattern,
          {"let out = " + raw + ";", "prop_assert_eq!(out, " + raw + ");"});
    status_and_files(answers, strategy, pattern, raw, checked);
    if (arity == 1 && !sig.params[0].integer) text_relations(inputs, answers, strategy, pattern, raw, checked);
  }

  void text_relations(const std::vector<CallInput>& inputs, const std::vector<const PairedCall*>& answers,
                      const std::string& strategy, const std::string& pattern, const std::string& raw,
                      const std::string& checked) {
    std::string p = f_.signature.params[0].name;
    bool within = true, no_longer = true, same_length = true;
    std::vector<CallInput> again;
    for (size_t i = 0; i < inputs.size(); ++i) {
      std::string in = inputs[i].args[0], out = text_of(answers[i]->bash.out);
      within = within && in.find(out) != std::string::npos;
      no_longer = no_longer && out.size() <= in.size();
      same_length = same_length && out.size() == in.size();
      again.push_back({{out}, ""});
    }
    if (within)
      add("prop_output_is_part_of_input", "bounds", fmt::format("What it prints is a part of its argument: {}.", checked),
          strategy, pattern,
          {"let out = " + raw + ";", fmt::format("prop_assert!({}.contains(out.stdout.trim_end_matches('\\n')));", p)});
    else if (same_length)
      add("prop_keeps_length", "bounds", fmt::format("It prints as many bytes as its argument has: {}.", checked), strategy,
          pattern, {"let out = " + raw + ";", fmt::format("prop_assert_eq!(out.stdout.trim_end_matches('\\n').len(), {}.len());", p)});
    else if (no_longer)
      add("prop_never_longer", "bounds", fmt::format("It never prints more than its argument holds: {}.", checked), strategy,
          pattern, {"let out = " + raw + ";", fmt::format("prop_assert!(out.stdout.trim_end_matches('\\n').len() <= {}.len());", p)});
    // Idempotency: f(f(x)) = f(x), asked of bash on every output.
    std::vector<const PairedCall*> twice = oracle_.ask(again);
    bool idempotent = true;
    for (size_t i = 0; i < inputs.size(); ++i)
      idempotent = idempotent && twice[i]->agree() && twice[i]->bash.out == answers[i]->bash.out &&
                   twice[i]->bash.status == answers[i]->bash.status;
    if (idempotent)
      add("prop_idempotent", "idempotency", fmt::format("Applying it to its own output changes nothing: {}.", checked),
          strategy, pattern,
          {"let out = " + raw + ";", "let text = out.stdout.trim_end_matches('\\n');",
           fmt::format("prop_assert_eq!({}::invoke({}::{}::run, &[text]), out);", ctx_.crate, ctx_.crate, f_.module)});
  }

  // `proptest::sample::select` over the inputs bash ran, as the typed values
  // the properties' pattern binds (i64 for integer parameters, String else).
  std::optional<std::string> observed_inputs(const std::vector<CallInput>& inputs) const {
    const std::vector<Parameter>& params = f_.signature.params;
    std::set<std::string> seen;
    std::string items;
    for (const CallInput& c : inputs) {
      std::vector<std::string> parts;
      bool usable = true;
      for (size_t i = 0; i < params.size(); ++i) {
        if (params[i].integer) {
          int64_t v = 0;
          const std::string& a = c.args[i];
          const auto [end, ec] = std::from_chars(a.data(), a.data() + a.size(), v);
          usable = usable && ec == std::errc() && end == a.data() + a.size();
          parts.push_back(fmt::format("{}i64", v));
        } else {
          parts.push_back(fmt::format("String::from({})", rust_string(c.args[i])));
        }
      }
      if (!usable) continue;
      std::string item = parts.size() == 1 ? parts[0] : fmt::format("({}, {})", parts[0], parts[1]);
      if (seen.insert(item).second) items += (items.empty() ? "" : ", ") + item;
    }
    if (items.empty()) return std::nullopt;
    return fmt::format("proptest::sample::select(vec![{}])", items);
  }

  // A proptest regex over the characters the function's code mentions.
  std::string string_strategy() const {
    std::set<char> chars = {'a', 'b', 'c', ' '};
    for (char c : ctx_.model.alphabet)
      if (std::isprint(static_cast<unsigned char>(c))) chars.insert(c);
    std::string cls;
    for (char c : chars) {
      if (std::string_view("\\]^-[&~").find(c) != std::string_view::npos) cls += '\\';
      cls += c;
    }
    return fmt::format("proptest::string::string_regex({}).unwrap()", rust_string("[" + cls + "]{0,8}"));
  }
};

}  // namespace

std::vector<PropertyTest> find_properties(Oracle& oracle, const PropertyContext& ctx) { return Finder(oracle, ctx).run(); }

}  // namespace testgen::bash
