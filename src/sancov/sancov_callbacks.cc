// The callbacks SanitizerCoverage inserts into code built with
// testgen_instrument(): clang's inline-8bit-counters and pc-table, gcc's
// trace-pc, and trace-cmp from both. They only record; the coverage source
// turns the record into features after each run. This file must not itself
// be instrumented (it is compiled without -fsanitize-coverage).
#include <cstdint>

#include "sancov_state.h"

namespace testgen::sancov {

CounterRegion g_regions[kMaxRegions];
size_t g_region_count = 0;
uint8_t g_pc_counters[kPcCounters];
bool g_pc_used = false;
HintSlot g_hints[kHintSlots];
bool g_cmp_used = false;

void register_source();

namespace {

// Linking this file (which instrumented code does, for the callbacks) makes
// its coverage source known to testgen: in_process_coverage() returns it.
struct Registration {
  Registration() { register_source(); }
} registration;

inline uint64_t mix(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  return x;
}

inline void record(uintptr_t pc, uint64_t operand, uint64_t which, uint8_t width) {
  g_cmp_used = true;
  HintSlot& slot = g_hints[mix(pc * 2 + which) & (kHintSlots - 1)];
  slot.value = operand;
  slot.width = width;
}

// A comparison of two values that vary: both are worth proposing, but only
// when they differ (an equal pair is already satisfied).
inline void compared(uintptr_t pc, uint64_t a, uint64_t b, uint8_t width) {
  if (a == b) return;
  record(pc, a, 0, width);
  record(pc, b, 1, width);
}

}  // namespace
}  // namespace testgen::sancov

using namespace testgen::sancov;

#define TESTGEN_PC reinterpret_cast<uintptr_t>(__builtin_return_address(0))

extern "C" {

void __sanitizer_cov_8bit_counters_init(uint8_t* start, uint8_t* stop) {
  if (start == stop || g_region_count == kMaxRegions) return;
  for (size_t i = 0; i < g_region_count; ++i)
    if (g_regions[i].start == start) return;  // a module initialised twice
  g_regions[g_region_count++] = CounterRegion{start, stop};
}

// Only the counters are read: the PC table is accepted (clang requires
// pc-table with inline counters for symbolisation) but not needed.
void __sanitizer_cov_pcs_init(const uintptr_t*, const uintptr_t*) {}

void __sanitizer_cov_trace_pc() {
  g_pc_used = true;
  const uint64_t h = TESTGEN_PC;
  uint8_t& c = g_pc_counters[(h ^ (h >> 16) ^ (h >> 32)) & (kPcCounters - 1)];
  if (c != 255) ++c;
}

void __sanitizer_cov_trace_const_cmp1(uint8_t constant, uint8_t) { record(TESTGEN_PC, constant, 0, 1); }
void __sanitizer_cov_trace_const_cmp2(uint16_t constant, uint16_t) { record(TESTGEN_PC, constant, 0, 2); }
void __sanitizer_cov_trace_const_cmp4(uint32_t constant, uint32_t) { record(TESTGEN_PC, constant, 0, 4); }
void __sanitizer_cov_trace_const_cmp8(uint64_t constant, uint64_t) { record(TESTGEN_PC, constant, 0, 8); }
void __sanitizer_cov_trace_cmp1(uint8_t a, uint8_t b) { compared(TESTGEN_PC, a, b, 1); }
void __sanitizer_cov_trace_cmp2(uint16_t a, uint16_t b) { compared(TESTGEN_PC, a, b, 2); }
void __sanitizer_cov_trace_cmp4(uint32_t a, uint32_t b) { compared(TESTGEN_PC, a, b, 4); }
void __sanitizer_cov_trace_cmp8(uint64_t a, uint64_t b) { compared(TESTGEN_PC, a, b, 8); }
// gcc also reports floating-point comparisons; their bits are no integer hints.
void __sanitizer_cov_trace_cmpf(float, float) {}
void __sanitizer_cov_trace_cmpd(double, double) {}

// cases[0] is the number of cases, cases[1] the operand's width in bits,
// then the case values: each one a constant the input is compared with.
void __sanitizer_cov_trace_switch(uint64_t, uint64_t* cases) {
  const uintptr_t pc = TESTGEN_PC;
  const uint64_t n = cases[0] < 64 ? cases[0] : 64;
  const auto width = static_cast<uint8_t>(cases[1] / 8 ? cases[1] / 8 : 1);
  for (uint64_t i = 0; i < n; ++i) record(pc + i, cases[2 + i], 0, width);
}

}  // extern "C"

// testgen_instrument() makes the linker keep this file by asking for this
// symbol: a sanitizer runtime's weak callbacks would otherwise satisfy the
// instrumented code and ours would never be linked in.
extern "C" const int testgen_sancov_linked = 1;
