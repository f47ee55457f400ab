// Property tests of the codec as a GoogleTest user writes them: gtest's own
// assertions inside TESTGEN_PROP. Test mode (the default) passes: random
// 32-bit values never hit kMarker. Fuzzing mode (TESTGEN_FUZZ_FOR or
// TESTGEN_FUZZ_RUNS) on the instrumented codec sees the comparison with
// kMarker and finds the bug.
#include <testgen/gtest.h>

#include "codec.h"

namespace g = testgen::gen;

namespace {
auto values() { return g::list(g::choose(0, 8), g::choose(INT32_MIN, INT32_MAX)); }
}  // namespace

TESTGEN_PROP(Codec, DecodeInvertsEncode, (values()), (const std::vector<int64_t>& xs) {
  EXPECT_EQ(codec::decode(codec::encode(xs)), xs);
})

TESTGEN_PROP(Codec, EncodingNeverGrowsPlainValues, (values()), (const std::vector<int64_t>& xs) {
  // Every run of one is one word, every longer run three: never longer than the input plus a third.
  ASSERT_LE(codec::encode(xs).size(), xs.size() + xs.size() / 2 + 1);
})
