#pragma once
/// \file
/// Coverage features: what a run exercised, as 64-bit ids.
///
/// A run yields a FeatureSet; the GlobalCoverage union decides what is new.
/// Where features come from is up to a CoverageSource: a target reporting
/// them itself, a checker's coverpoints, compiler instrumentation, ...

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace testgen {

using Feature = uint64_t;

/// The feature named `name` (a hash of the name).
Feature feature_of(std::string_view name);
/// The feature "name seen with a hit count in bucket(count)", with AFL's
/// buckets 1, 2, 3, 4-7, 8-15, 16-31, 32-127, 128+; 0 hits gives no feature
/// (returns 0).
Feature bucketed_feature(std::string_view name, uint64_t count);

/// A set of features, kept sorted and unique.
class FeatureSet {
 public:
  void add(Feature f);
  void add(std::string_view name) { add(feature_of(name)); }
  void merge(const FeatureSet& other);
  bool contains(Feature f) const;
  size_t size() const { return items_.size(); }
  bool empty() const { return items_.empty(); }
  auto begin() const { return items_.begin(); }
  auto end() const { return items_.end(); }
  const std::vector<Feature>& items() const { return items_; }

 private:
  std::vector<Feature> items_;
};

/// The union of everything seen, with how many kept cases showed each feature.
class GlobalCoverage {
 public:
  /// Adds `run`; returns how many of its features were new.
  size_t merge(const FeatureSet& run);
  /// Number of features of `run` not yet seen.
  size_t count_new(const FeatureSet& run) const;
  bool contains(Feature f) const { return seen_.contains(f); }
  size_t size() const { return seen_.size(); }
  /// How many merged sets contained `f`.
  uint64_t frequency(Feature f) const;
  /// Every feature, sorted (stable output for files).
  std::vector<Feature> sorted() const;

 private:
  std::unordered_map<Feature, uint64_t> seen_;
};

/// A plug-in that observes a run and yields its features.
class CoverageSource {
 public:
  virtual ~CoverageSource() = default;
  virtual std::string_view name() const = 0;
  /// Called before the target runs.
  virtual void begin_run() = 0;
  /// Called after the target ran; adds the run's features to `out`.
  virtual void end_run(FeatureSet& out) = 0;
  /// Values the code under test compared its inputs with (trace-cmp), for
  /// the `use_hint` mutation; empty for sources that do not see comparisons.
  virtual std::span<const int64_t> hints() const { return {}; }
};

/// Features a target reports itself while it runs (`report(...)`).
class ReportedFeatures : public CoverageSource {
 public:
  std::string_view name() const override { return "reported"; }
  void begin_run() override { pending_ = FeatureSet(); }
  void end_run(FeatureSet& out) override { out.merge(pending_); }
  void report(Feature f) { pending_.add(f); }
  void report(std::string_view name) { pending_.add(name); }

 private:
  FeatureSet pending_;
};

/// The coverage of code built with testgen_instrument() in this process
/// (the testgen::sancov runtime registers it when instrumented code links
/// it in), or null when nothing here is instrumented.
CoverageSource* in_process_coverage();
void set_in_process_coverage(CoverageSource* source);

}  // namespace testgen
