#include "testgen/adaptive_model.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace testgen {

AdaptiveModel::AdaptiveModel(AdaptiveOptions options)
    : options_(options), expectation_(options.initial_expectation) {
  if (!(options_.alpha >= 0 && options_.alpha < 1))
    throw std::invalid_argument("adaptive alpha must be in [0, 1)");
  if (!(options_.floor > 0 && options_.floor <= 1))
    throw std::invalid_argument("adaptive floor must be in (0, 1]");
  if (!(options_.decay >= 0 && options_.decay < 1))
    throw std::invalid_argument("adaptive decay must be in [0, 1)");
}

uint64_t AdaptiveModel::key(uint64_t site, int64_t lo, int64_t hi) {
  uint64_t h = site ^ 0x9e3779b97f4a7c15ULL;
  h = (h ^ static_cast<uint64_t>(lo)) * 0x100000001b3ULL;
  h = (h ^ static_cast<uint64_t>(hi)) * 0x100000001b3ULL;
  return h;
}

bool AdaptiveModel::adapts(int64_t lo, int64_t hi) const {
  return hi >= lo && static_cast<uint64_t>(hi) - static_cast<uint64_t>(lo) < options_.max_options;
}

void AdaptiveModel::probabilities(uint64_t site, int64_t lo, int64_t hi,
                                  std::span<const double> static_weights,
                                  std::vector<double>& out) const {
  const size_t n = static_cast<size_t>(hi - lo) + 1;
  out.assign(n, 1.0);
  if (!static_weights.empty()) std::copy(static_weights.begin(), static_weights.end(), out.begin());
  double static_total = 0;
  for (double w : out) static_total += w;
  auto it = tables_.find(key(site, lo, hi));
  if (it == tables_.end() || static_total <= 0) return;  // nothing learnt: static weights as they are
  const std::vector<double>& learnt = it->second;
  double learnt_total = 0;
  for (size_t i = 0; i < n; ++i) learnt_total += out[i] * learnt[i];
  for (size_t i = 0; i < n; ++i) {
    const double p_static = out[i] / static_total;
    const double p_learnt = out[i] * learnt[i] / learnt_total;
    out[i] = (1 - options_.floor) * p_learnt + options_.floor * p_static;
  }
}

void AdaptiveModel::learn(std::span<const Decision> forced, double gain) {
  // How far this run beat (or missed) what runs usually gain, scaled so a
  // miss against a near-zero expectation barely moves anything.
  const double advantage = std::clamp((gain - expectation_) / (expectation_ + 1.0), -1.0, 1.0);
  const double factor = std::exp(options_.learning_rate * advantage);
  std::vector<uint64_t> decayed;  // each site forgets once per run, however often it was forced
  for (const Decision& d : forced) {
    if (!adapts(d.lo, d.hi)) continue;
    const size_t n = static_cast<size_t>(d.hi - d.lo) + 1;
    const uint64_t k = key(d.site, d.lo, d.hi);
    auto [it, fresh] = tables_.try_emplace(k, n, 1.0);
    std::vector<double>& w = it->second;
    if (options_.decay > 0 && std::find(decayed.begin(), decayed.end(), k) == decayed.end()) {
      decayed.push_back(k);
      for (double& x : w) x = std::pow(x, 1 - options_.decay);
    }
    w[static_cast<size_t>(d.value - d.lo)] *= factor;
    // Keep the weights' mean at 1 so repeated updates never overflow.
    double total = 0;
    for (double x : w) total += x;
    const double scale = static_cast<double>(n) / total;
    for (double& x : w) x = std::clamp(x * scale, 1e-9, 1e9);
  }
  expectation_ = options_.alpha * expectation_ + (1 - options_.alpha) * gain;
}

std::string AdaptiveModel::to_json() const {
  std::map<std::string, std::vector<double>> sorted;  // stable output order
  for (const auto& [k, w] : tables_) sorted[fmt::format("{:016x}", k)] = w;
  nlohmann::json doc = {{"expectation", expectation_}, {"weights", sorted}};
  return doc.dump();
}

}  // namespace testgen
