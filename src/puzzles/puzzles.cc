#include "puzzles.h"

#include <fmt/format.h>

#include <bit>
#include <string>

namespace testgen::puzzles {

Feature distance_feature(std::string_view name, int64_t a, int64_t b) {
  const uint64_t d = a >= b ? static_cast<uint64_t>(a) - static_cast<uint64_t>(b)
                            : static_cast<uint64_t>(b) - static_cast<uint64_t>(a);
  return feature_of(std::string(name) + ":" + std::to_string(std::bit_width(d)));
}

std::string render_bytes(const std::vector<int64_t>& bytes) {
  std::string out = "\"";
  for (int64_t c : bytes) {
    if (c >= 32 && c < 127 && c != '"' && c != '\\') out += static_cast<char>(c);
    else out += fmt::format("\\x{:02x}", c);
  }
  return out + "\"";
}

const std::vector<Puzzle>& all() {
  static const std::vector<Puzzle> table = {
      {"pair-42-43", "a list of integers in -1000..1000 holding 42 immediately followed by 43", "[42, 43]", 2,
       make_pair_42_43},
      {"tree-sum-100", "a tree of depth >= 6 whose leaves (0..100) sum to exactly 100", "[[[[[100]]]]]", 8,
       make_tree_sum},
      {"equal-pair", "two integers in 0..1000000 that are equal and at least 500", "(500, 500)", 2,
       make_equal_pair},
      {"hi", "a string of bytes (0..127) that starts with \"Hi!\"", "\"Hi!\"", 2, make_hi},
      {"bytes-bug", "a byte string holding \"BUG\"; every (position, byte) is a feature, so the corpus keeps growing",
       "\"BUG\"", 2, make_bytes_bug},
  };
  return table;
}

TargetSpec puzzle_spec(std::string_view name) { return {"puzzle", 1, {{"name", std::string(name)}}}; }

const Puzzle* find(std::string_view name) {
  for (const Puzzle& p : all())
    if (p.name == name) return &p;
  return nullptr;
}

}  // namespace testgen::puzzles
