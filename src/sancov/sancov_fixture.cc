// Code under test for sancov_test: built with testgen_instrument(), so its
// branches and comparisons reach the runtime.
#include <cstdint>

namespace testgen::sancov::fixture {

int branch(int64_t x) {
  if (x > 100) return 1;
  if (x < -100) return 2;
  return 0;
}

int loop(int n) {
  int sum = 0;
  for (int i = 0; i < n; ++i) sum += i;
  return sum;
}

bool magic(uint32_t x) { return x == 0x5eed1234u; }
bool negative_magic(int32_t x) { return x == -77; }

}  // namespace testgen::sancov::fixture
