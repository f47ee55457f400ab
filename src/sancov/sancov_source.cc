// The coverage source over what the SanitizerCoverage callbacks recorded:
// every counter that moved during a run is a feature, once per AFL-style hit
// bucket (1, 2, 3, 4-7, 8-15, 16-31, 32-127, 128+), so a loop that runs more
// often counts as new coverage too. Comparison operands become hints.
#include <algorithm>
#include <cstring>
#include <vector>

#include "sancov_state.h"
#include "testgen/coverage.h"

namespace testgen::sancov {
namespace {

inline uint64_t bucket(uint8_t hits) {
  if (hits <= 3) return hits - 1u;
  if (hits < 8) return 3;
  if (hits < 16) return 4;
  if (hits < 32) return 5;
  if (hits < 128) return 6;
  return 7;
}

inline Feature edge_feature(uint64_t index, uint8_t hits) {
  // SplitMix64's finaliser: features of other sources are hashes of names;
  // these must not cluster in one corner of the 64-bit space either.
  uint64_t x = (index << 3 | bucket(hits)) + 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// Adds a feature for each non-zero counter in [start, stop), numbered from `base`.
void scan(const uint8_t* start, const uint8_t* stop, uint64_t base, FeatureSet& out) {
  const uint8_t* p = start;
  while (p < stop) {
    // Eight zero counters at a time: most of a large program does not run.
    if (stop - p >= 8) {
      uint64_t word;
      std::memcpy(&word, p, 8);
      if (word == 0) {
        p += 8;
        continue;
      }
    }
    if (*p) out.add(edge_feature(base + static_cast<uint64_t>(p - start), *p));
    ++p;
  }
}

class SanCovSource : public CoverageSource {
 public:
  std::string_view name() const override { return "sancov"; }

  void begin_run() override {
    for (size_t i = 0; i < g_region_count; ++i)
      std::memset(g_regions[i].start, 0, static_cast<size_t>(g_regions[i].stop - g_regions[i].start));
    if (g_pc_used) std::memset(g_pc_counters, 0, sizeof g_pc_counters);
  }

  void end_run(FeatureSet& out) override {
    uint64_t base = 0;
    for (size_t i = 0; i < g_region_count; ++i) {
      scan(g_regions[i].start, g_regions[i].stop, base, out);
      base += static_cast<uint64_t>(g_regions[i].stop - g_regions[i].start);
    }
    if (g_pc_used) scan(g_pc_counters, g_pc_counters + kPcCounters, uint64_t{1} << 40, out);
    // The hint table changes slowly; reading it every run would cost more
    // than most properties.
    if (g_cmp_used && (runs_++ % 32 == 0 || hints_.empty())) refresh_hints();
  }

  std::span<const int64_t> hints() const override { return hints_; }

 private:
  void refresh_hints() {
    hints_.clear();
    for (const HintSlot& slot : g_hints) {
      if (slot.width == 0) continue;
      hints_.push_back(static_cast<int64_t>(slot.value));
      // Narrow operands are also read as signed: -5 compared as an int is 0xfffffffb.
      const unsigned bits = slot.width * 8u;
      if (bits < 64 && (slot.value >> (bits - 1)) & 1) {
        const uint64_t extended = slot.value | (~uint64_t{0} << bits);
        hints_.push_back(static_cast<int64_t>(extended));
      }
    }
    std::sort(hints_.begin(), hints_.end());
    hints_.erase(std::unique(hints_.begin(), hints_.end()), hints_.end());
  }

  uint64_t runs_ = 0;
  std::vector<int64_t> hints_;
};

}  // namespace

void register_source() {
  static SanCovSource source;
  set_in_process_coverage(&source);
}

}  // namespace testgen::sancov
