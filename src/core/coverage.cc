#include "testgen/coverage.h"

#include <algorithm>
#include <bit>

#include "testgen/site.h"

namespace testgen {

Feature feature_of(std::string_view name) { return hash_bytes(name, 0xc0ffee); }

Feature bucketed_feature(std::string_view name, uint64_t count) {
  if (count == 0) return 0;
  uint64_t bucket;
  if (count <= 3) bucket = count;
  else if (count < 32) bucket = static_cast<uint64_t>(std::bit_width(count)) + 1;  // 4-7:4, 8-15:5, 16-31:6
  else if (count < 128) bucket = 7;
  else bucket = 8;
  return hash_bytes(name, 0xb0c4e7 + bucket);
}

void FeatureSet::add(Feature f) {
  auto it = std::lower_bound(items_.begin(), items_.end(), f);
  if (it == items_.end() || *it != f) items_.insert(it, f);
}

void FeatureSet::merge(const FeatureSet& other) {
  std::vector<Feature> out;
  out.reserve(items_.size() + other.items_.size());
  std::set_union(items_.begin(), items_.end(), other.items_.begin(), other.items_.end(),
                 std::back_inserter(out));
  items_.swap(out);
}

bool FeatureSet::contains(Feature f) const { return std::binary_search(items_.begin(), items_.end(), f); }

size_t GlobalCoverage::merge(const FeatureSet& run) {
  size_t fresh = 0;
  for (Feature f : run) {
    auto [it, inserted] = seen_.try_emplace(f, 0);
    ++it->second;
    fresh += inserted;
  }
  return fresh;
}

size_t GlobalCoverage::count_new(const FeatureSet& run) const {
  size_t fresh = 0;
  for (Feature f : run) fresh += !seen_.contains(f);
  return fresh;
}

uint64_t GlobalCoverage::frequency(Feature f) const {
  auto it = seen_.find(f);
  return it == seen_.end() ? 0 : it->second;
}

std::vector<Feature> GlobalCoverage::sorted() const {
  std::vector<Feature> out;
  out.reserve(seen_.size());
  for (const auto& [f, n] : seen_) out.push_back(f);
  std::sort(out.begin(), out.end());
  return out;
}

namespace {
CoverageSource*& in_process_slot() {
  static CoverageSource* source = nullptr;
  return source;
}
}  // namespace

CoverageSource* in_process_coverage() { return in_process_slot(); }
void set_in_process_coverage(CoverageSource* source) { in_process_slot() = source; }

}  // namespace testgen
