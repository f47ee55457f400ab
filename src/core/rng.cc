#include "testgen/rng.h"

#include <stdexcept>

namespace testgen {
namespace {
__extension__ typedef unsigned __int128 uint128;

uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
}  // namespace

uint64_t splitmix64(uint64_t& state) {
  uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

Rng::Rng(uint64_t seed) {
  for (auto& word : s_) word = splitmix64(seed);
}

uint64_t Rng::next() {
  const uint64_t result = rotl(s_[1] * 5, 7) * 9;
  const uint64_t t = s_[1] << 17;
  s_[2] ^= s_[0];
  s_[3] ^= s_[1];
  s_[1] ^= s_[2];
  s_[0] ^= s_[3];
  s_[2] ^= t;
  s_[3] = rotl(s_[3], 45);
  return result;
}

uint64_t Rng::below(uint64_t n) {
  if (n == 0) throw std::invalid_argument("Rng::below(0)");
  // Lemire, "Fast Random Integer Generation in an Interval" (2019): the high
  // word of x*n is uniform once the biased low words are rejected.
  uint128 m = static_cast<uint128>(next()) * n;
  auto low = static_cast<uint64_t>(m);
  if (low < n) {
    const uint64_t threshold = (0 - n) % n;
    while (low < threshold) {
      m = static_cast<uint128>(next()) * n;
      low = static_cast<uint64_t>(m);
    }
  }
  return static_cast<uint64_t>(m >> 64);
}

uint64_t Rng::up_to(uint64_t span) {
  return span == UINT64_MAX ? next() : below(span + 1);
}

int64_t Rng::between(int64_t lo, int64_t hi) {
  if (lo > hi) throw std::invalid_argument("Rng::between: lo > hi");
  const uint64_t span = static_cast<uint64_t>(hi) - static_cast<uint64_t>(lo);
  return static_cast<int64_t>(static_cast<uint64_t>(lo) + up_to(span));
}

double Rng::unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

bool Rng::chance(double p) { return unit() < p; }

size_t Rng::weighted(std::span<const double> weights) {
  double total = 0;
  for (double w : weights) total += w;
  if (!(total > 0)) throw std::invalid_argument("Rng::weighted: weights sum to zero");
  double r = unit() * total;
  size_t last_positive = 0;
  for (size_t i = 0; i < weights.size(); ++i) {
    if (weights[i] <= 0) continue;
    last_positive = i;
    if (r < weights[i]) return i;
    r -= weights[i];
  }
  return last_positive;  // rounding left r just above the last bucket
}

Rng Rng::split() { return Rng(next() ^ 0x5851f42d4c957f2dULL); }

}  // namespace testgen
