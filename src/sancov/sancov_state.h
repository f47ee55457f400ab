#pragma once
// What the SanitizerCoverage callbacks record, shared by the callbacks
// (sancov_callbacks.cc) and the coverage source that reads it
// (sancov_source.cc). Everything here is constant-initialised: instrumented
// modules call __sanitizer_cov_8bit_counters_init from their constructors,
// which may run before any dynamic initialiser of ours.

#include <cstddef>
#include <cstdint>

namespace testgen::sancov {

/// clang's inline 8-bit counters: one region per instrumented module.
struct CounterRegion {
  uint8_t* start;
  uint8_t* stop;
};
inline constexpr size_t kMaxRegions = 512;
extern CounterRegion g_regions[kMaxRegions];
extern size_t g_region_count;

/// gcc's trace-pc: edges (the caller's address) hashed into counters.
inline constexpr size_t kPcCounters = size_t{1} << 16;
extern uint8_t g_pc_counters[kPcCounters];
extern bool g_pc_used;

/// Comparison operands (trace-cmp), one slot per comparing instruction and
/// operand, so a loop comparing against one constant fills one slot.
inline constexpr size_t kHintSlots = 4096;
struct HintSlot {
  uint64_t value;
  uint8_t width;  ///< of the compared operands, in bytes; 0: an empty slot
};
extern HintSlot g_hints[kHintSlots];
extern bool g_cmp_used;

}  // namespace testgen::sancov
