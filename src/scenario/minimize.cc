#include "minimize.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cmath>
#include <optional>

namespace testgen::scenario {
namespace {

class Minimizer {
 public:
  Minimizer(const toml::table& seed, const std::string& signature,
            const std::function<std::string(const toml::table&)>& run, MinimizeOptions options)
      : seed_(seed), signature_(signature), run_(run), options_(options) {}

  // Runs (or recalls) a candidate; true if it keeps the signature.
  bool keeps(const std::vector<Mutation>& candidate, std::string phase, std::string change) {
    const toml::table config = apply_mutations(seed_, candidate);
    const std::string key = canonical_toml(config);
    MinimizeTry t{.phase = std::move(phase), .change = std::move(change)};
    if (auto hit = cache_.find(key); hit != cache_.end()) {
      t.outcome = hit->second;
      t.cached = true;
      ++result.cache_hits;
    } else {
      if (result.runs >= options_.max_iters) {
        result.budget_spent = true;
        return false;
      }
      ++result.runs;
      t.outcome = cache_[key] = run_(config);
    }
    t.kept = t.outcome == signature_;
    result.tries.push_back(t);
    return t.kept;
  }

  // ddmin (Zeller): try chunks, then complements, at ever finer granularity.
  std::vector<Mutation> ddmin(std::vector<Mutation> current) {
    size_t n = 2;
    while (current.size() >= 2 && !result.budget_spent) {
      const size_t chunk = (current.size() + n - 1) / n;
      bool reduced = false;
      for (size_t start = 0; start < current.size() && !reduced; start += chunk) {
        const auto begin = current.begin() + static_cast<std::ptrdiff_t>(start);
        const auto end = current.begin() + static_cast<std::ptrdiff_t>(std::min(start + chunk, current.size()));
        std::vector<Mutation> subset(begin, end), complement(current.begin(), begin);
        complement.insert(complement.end(), end, current.end());
        if (keeps(subset, "ddmin", describe(subset, current.size()))) {
          current = std::move(subset);
          n = 2;
          reduced = true;
        } else if (n > 2 && keeps(complement, "ddmin", describe(complement, current.size()))) {
          current = std::move(complement);
          n = std::max<size_t>(n - 1, 2);
          reduced = true;
        }
      }
      if (!reduced) {
        if (n >= current.size()) break;
        n = std::min(current.size(), n * 2);
      }
    }
    if (current.size() == 1 && !result.budget_spent && keeps({}, "ddmin", "no mutations (the seed alone)")) current.clear();
    return current;
  }

  // Moves each numeric `to` back toward the seed's value by bisection.
  void toward_seed(std::vector<Mutation>& kept) {
    for (size_t i = 0; i < kept.size() && !result.budget_spent; ++i) {
      const std::optional<double> target = number(kept[i].to);
      std::optional<double> home;
      if (const toml::node* n = node_at(seed_, kept[i].path); n && n->is_number()) home = n->value<double>();
      if (!home) home = number(kept[i].from);
      if (!target || !home || *target == *home) continue;
      const bool integer = kept[i].to.find_first_of(".eE") == std::string::npos;
      // Bisection between `good` (keeps the signature) and `bad` (the seed's
      // value, not known to): the kept value ends as near the seed's as it can.
      double good = *target, bad = *home;
      for (int step = 0; step < 16 && !result.budget_spent; ++step) {
        const double gap = good - bad;
        if (integer ? std::abs(gap) <= 1 : std::abs(gap) <= 1e-6 * std::max(1.0, std::abs(good))) break;
        const double mid = integer ? bad + std::trunc(gap / 2) : bad + gap / 2;
        std::vector<Mutation> candidate = kept;
        candidate[i].to = integer ? fmt::format("{}", static_cast<int64_t>(mid)) : fmt::format("{}", mid);
        if (keeps(candidate, "numeric", fmt::format("{}: {} -> {}", kept[i].path, kept[i].to, candidate[i].to))) {
          kept = std::move(candidate);
          good = mid;
        } else {
          bad = mid;
        }
      }
    }
  }

  MinimizeResult result;

 private:
  static std::optional<double> number(const std::string& text) {
    if (text.empty()) return std::nullopt;
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    if (end != text.c_str() + text.size() || !std::isfinite(v)) return std::nullopt;
    return v;
  }
  static std::string describe(const std::vector<Mutation>& subset, size_t of) {
    std::vector<std::string> paths;
    for (const Mutation& m : subset) paths.push_back(fmt::format("{} {}", m.op, m.path));
    return fmt::format("{} of {} mutations: {}", subset.size(), of, fmt::join(paths, "; "));
  }

  const toml::table& seed_;
  const std::string& signature_;
  const std::function<std::string(const toml::table&)>& run_;
  MinimizeOptions options_;
  std::map<std::string, std::string> cache_;
};

}  // namespace

toml::table apply_mutations(const toml::table& seed, const std::vector<Mutation>& mutations) {
  toml::table doc = seed;
  for (const Mutation& m : mutations) set_value_text(doc, m.path, m.to);
  return doc;
}

MinimizeResult minimize_scenario(const toml::table& seed, std::vector<Mutation> mutations, const std::string& signature,
                                 const std::function<std::string(const toml::table&)>& run, MinimizeOptions options) {
  Minimizer m(seed, signature, run, options);
  // The recorded list itself first: if it no longer fails the same way, there is nothing to keep.
  if (!m.keeps(mutations, "check", fmt::format("all {} mutations, as recorded", mutations.size()))) {
    m.result.mutations = mutations;
    m.result.config = apply_mutations(seed, mutations);
    return std::move(m.result);
  }
  std::vector<Mutation> kept = m.ddmin(std::move(mutations));
  m.toward_seed(kept);
  m.result.config = apply_mutations(seed, kept);
  m.result.mutations = std::move(kept);
  return std::move(m.result);
}

}  // namespace testgen::scenario
