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

bool AdaptiveModel::adapts_by_bucket(int64_t lo, int64_t hi) const {
  // Every bucket holds at least one value.
  return options_.wide_buckets > 1 && hi >= lo && !adapts(lo, hi) &&
         static_cast<uint64_t>(hi) - static_cast<uint64_t>(lo) >= options_.wide_buckets - 1;
}

namespace {
// 128-bit arithmetic: a range may hold all 2^64 values.
__extension__ typedef unsigned __int128 uint128;
uint128 values_in(int64_t lo, int64_t hi) {
  return static_cast<uint128>(static_cast<uint64_t>(hi) - static_cast<uint64_t>(lo)) + 1;
}
}  // namespace

size_t AdaptiveModel::bucket_of(int64_t lo, int64_t hi, int64_t value) const {
  if (options_.wide_buckets < 2) return 0;
  const uint128 offset = static_cast<uint64_t>(value) - static_cast<uint64_t>(lo);
  return static_cast<size_t>(offset * options_.wide_buckets / values_in(lo, hi));
}

std::pair<int64_t, int64_t> AdaptiveModel::bucket_range(int64_t lo, int64_t hi, size_t b) const {
  if (options_.wide_buckets < 2) return {lo, hi};  // one bucket: the whole range
  const uint128 n = values_in(lo, hi), k = options_.wide_buckets;
  // The first offset whose bucket is b: ceil(b * n / k).
  auto first = [&](uint128 bucket) { return (bucket * n + k - 1) / k; };
  const uint64_t begin = static_cast<uint64_t>(first(b));
  const uint64_t end = static_cast<uint64_t>(first(b + 1) - 1);
  return {static_cast<int64_t>(static_cast<uint64_t>(lo) + begin), static_cast<int64_t>(static_cast<uint64_t>(lo) + end)};
}

bool AdaptiveModel::bucket_probabilities(uint64_t site, int64_t lo, int64_t hi, std::vector<double>& out) const {
  auto it = tables_.find(key(site, lo, hi));
  if (it == tables_.end()) return false;
  // Static weights: the buckets' widths (equal up to one value).
  out.resize(options_.wide_buckets);
  for (size_t b = 0; b < out.size(); ++b) {
    const auto [first, last] = bucket_range(lo, hi, b);
    out[b] = static_cast<double>(static_cast<uint64_t>(last) - static_cast<uint64_t>(first)) + 1;
  }
  mix(it->second, out);
  return true;
}

void AdaptiveModel::mix(const std::vector<double>& learnt, std::vector<double>& out) const {
  double static_total = 0, learnt_total = 0;
  for (size_t i = 0; i < out.size(); ++i) {
    static_total += out[i];
    learnt_total += out[i] * learnt[i];
  }
  if (static_total <= 0 || learnt_total <= 0) return;
  for (size_t i = 0; i < out.size(); ++i) {
    const double p_static = out[i] / static_total;
    const double p_learnt = out[i] * learnt[i] / learnt_total;
    out[i] = (1 - options_.floor) * p_learnt + options_.floor * p_static;
  }
}

void AdaptiveModel::probabilities(uint64_t site, int64_t lo, int64_t hi,
                                  std::span<const double> static_weights,
                                  std::vector<double>& out) const {
  const size_t n = static_cast<size_t>(hi - lo) + 1;
  out.assign(n, 1.0);
  if (!static_weights.empty()) std::copy(static_weights.begin(), static_weights.end(), out.begin());
  auto it = tables_.find(key(site, lo, hi));
  if (it == tables_.end()) return;  // nothing learnt: static weights as they are
  mix(it->second, out);
}

void AdaptiveModel::learn(std::span<const Decision> forced, double gain) {
  // How far this run beat (or missed) what runs usually gain, scaled so a
  // miss against a near-zero expectation barely moves anything.
  const double advantage = std::clamp((gain - expectation_) / (expectation_ + 1.0), -1.0, 1.0);
  const double factor = std::exp(options_.learning_rate * advantage);
  std::vector<uint64_t> decayed;  // each site forgets once per run, however often it was forced
  for (const Decision& d : forced) {
    const bool wide = adapts_by_bucket(d.lo, d.hi);
    if (!wide && !adapts(d.lo, d.hi)) continue;
    const size_t n = wide ? options_.wide_buckets : static_cast<size_t>(d.hi - d.lo) + 1;
    const size_t option = wide ? bucket_of(d.lo, d.hi, d.value) : static_cast<size_t>(d.value - d.lo);
    const uint64_t k = key(d.site, d.lo, d.hi);
    auto [it, fresh] = tables_.try_emplace(k, n, 1.0);
    std::vector<double>& w = it->second;
    if (options_.decay > 0 && std::find(decayed.begin(), decayed.end(), k) == decayed.end()) {
      decayed.push_back(k);
      for (double& x : w) x = std::pow(x, 1 - options_.decay);
    }
    w[option] *= factor;
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
