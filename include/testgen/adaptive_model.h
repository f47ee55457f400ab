#pragma once
/// \file
/// The adaptive model: trynocular's use plan, keyed by generator site.
///
/// Every decision with at most `max_options` options (a flip, a oneof, a small
/// integer range such as a list length) has a weight per option at its site.
/// After each run the engine reports the coverage gain; the model compares it
/// with an exponentially weighted moving average of past gains
/// (expectation' = alpha * expectation + (1 - alpha) * gain) and moves the
/// weights of the options the run forced up when the gain beat the
/// expectation and down otherwise, in proportion to how far it missed.
///
/// A learnt bias also fades by itself (`decay`): without it, choices that
/// paid early (say, "branch" while deeper trees were new) stay favoured long
/// after they stop paying, because a run that gains nothing against an
/// expectation near zero moves weights only a little.
///
/// No option ever reaches probability zero: a draw mixes the learnt
/// distribution with the static one, `p = (1 - floor) * learnt + floor * static`.
/// Keyed by site (and option count), not by tree position, so what is learnt
/// for list element 3 applies to element 4 as well.
///
/// A decision over a wide range (more than `max_options` values, such as a
/// byte, an int, or -1000..1000) is adapted by buckets: the range is cut into
/// `wide_buckets` equal parts, the model learns a weight per part, and a
/// fresh draw picks a part by its weight and a value in it uniformly. This is
/// lets the model learn "values near 42 pay" from a value profile, or
/// "printable bytes" from a parser, which no small-range weight can.

#include <cstdint>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "testgen/choice_tree.h"

namespace testgen {

struct AdaptiveOptions {
  /// Weight of the old expectation in the moving average (0 <= alpha < 1).
  double alpha = 0.9;
  /// Step size of a weight update (log scale).
  double learning_rate = 0.5;
  /// Share of the static distribution mixed into every draw (0 < floor <= 1).
  double floor = 0.1;
  /// Decisions with more options than this are adapted by buckets.
  size_t max_options = 64;
  /// Buckets a wide range is cut into (0: wide ranges are not adapted, the
  /// default). Off by default because bench/ablation measures it helping
  /// fresh generation but hurting guided search: see the README's ablation.
  size_t wide_buckets = 0;
  /// Expectation before the first run.
  double initial_expectation = 1.0;
  /// Forgetting: each update first pulls a site's log-weights this fraction
  /// back toward the static distribution, so a bias that stops paying fades.
  double decay = 0.01;
};

/// One decision a run made, in draw order.
struct Decision {
  uint64_t site;
  ChoiceKind kind;
  int64_t lo;
  int64_t hi;
  int64_t value;
};

class AdaptiveModel {
 public:
  explicit AdaptiveModel(AdaptiveOptions options = {});

  /// Whether decisions over `[lo, hi]` are adapted option by option.
  bool adapts(int64_t lo, int64_t hi) const;
  /// Whether decisions over `[lo, hi]` are adapted by buckets (a wide range).
  bool adapts_by_bucket(int64_t lo, int64_t hi) const;
  /// The bucket of `value` in a wide range, and the values of bucket `b`.
  size_t bucket_of(int64_t lo, int64_t hi, int64_t value) const;
  std::pair<int64_t, int64_t> bucket_range(int64_t lo, int64_t hi, size_t b) const;
  /// Probabilities of the buckets of a wide range at `site`, mixed with the
  /// static (uniform) distribution as for small ranges; false, and `out`
  /// untouched, when nothing has been learnt there yet.
  bool bucket_probabilities(uint64_t site, int64_t lo, int64_t hi, std::vector<double>& out) const;
  /// Probabilities of the hi-lo+1 options at `site` (static weights may be
  /// empty for "uniform"). Writes into `out`.
  void probabilities(uint64_t site, int64_t lo, int64_t hi, std::span<const double> static_weights,
                     std::vector<double>& out) const;
  /// Learns from one run: the decisions it forced and the coverage it gained.
  void learn(std::span<const Decision> forced, double gain);

  double expectation() const { return expectation_; }
  const AdaptiveOptions& options() const { return options_; }
  /// Number of sites with learnt weights.
  size_t sites() const { return tables_.size(); }
  /// The learnt weights as JSON (for inspection and for saving a campaign).
  std::string to_json() const;

 private:
  static uint64_t key(uint64_t site, int64_t lo, int64_t hi);
  /// Mixes learnt weights with static ones (in `out`) into probabilities.
  void mix(const std::vector<double>& learnt, std::vector<double>& out) const;

  AdaptiveOptions options_;
  double expectation_;
  std::unordered_map<uint64_t, std::vector<double>> tables_;
};

}  // namespace testgen
