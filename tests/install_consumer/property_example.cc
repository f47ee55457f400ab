// The README's library example: a property that fails, found and shrunk.
#include <testgen/property.h>

#include <cstdio>
#include <vector>

int main() {
  namespace g = testgen::gen;
  // "Every list of small integers sums to less than 100" is false.
  auto lists = g::list(g::choose(0, 10), g::choose(-50, 50));
  auto result = testgen::check(lists, [](const std::vector<int64_t>& xs) {
    int64_t sum = 0;
    for (int64_t x : xs) sum += x;
    return sum < 100;
  }, testgen::PropertyOptions{.name = "sums", .use_database = false});
  if (result.passed) return 1;
  std::printf("counterexample after %llu runs: %s\n", static_cast<unsigned long long>(result.found_at_run),
              result.counterexample.c_str());
  return 0;
}
