#pragma once
/// \file
/// The one random number generator of testgen.
///
/// Algorithm (fixed, so a seed means the same thing everywhere):
/// - state: xoshiro256** (Blackman & Vigna), seeded by expanding the 64-bit
///   seed with SplitMix64;
/// - ranges: Lemire's multiply-shift reduction with rejection, in integer
///   arithmetic only, so no standard-library distribution is involved and the
///   output is identical with libstdc++, libc++ or any other library.
///
/// Example usage:
///     testgen::Rng rng(42);
///     int64_t die = rng.between(1, 6);

#include <cstdint>
#include <span>

namespace testgen {

class Rng {
 public:
  explicit Rng(uint64_t seed);

  /// The next 64 raw bits.
  uint64_t next();
  /// Uniform in [0, n); n must be > 0.
  uint64_t below(uint64_t n);
  /// Uniform in [0, span], inclusive; span may be UINT64_MAX (full range).
  uint64_t up_to(uint64_t span);
  /// Uniform in [lo, hi], inclusive; requires lo <= hi.
  int64_t between(int64_t lo, int64_t hi);
  /// Uniform double in [0, 1) with 53 random bits.
  double unit();
  /// True with probability p.
  bool chance(double p);
  /// An index drawn with probability proportional to weights[i]; weights must
  /// be non-negative with a positive sum.
  size_t weighted(std::span<const double> weights);
  /// A new generator whose stream is independent of this one's continuation.
  Rng split();

 private:
  uint64_t s_[4];
};

/// SplitMix64 step: a good 64-bit mixing function, also used to derive seeds.
uint64_t splitmix64(uint64_t& state);

}  // namespace testgen
