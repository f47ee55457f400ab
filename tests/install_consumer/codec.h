// A run-length codec, the "library under test" of the consumer's property
// tests. It has a planted bug that random inputs practically never reach.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace codec {

/// Starts an escaped run in an encoded stream: kMarker, value, count.
inline constexpr int64_t kMarker = -1234567;
/// Longer runs are corrupt: decoding stops there.
inline constexpr int64_t kLongestRun = int64_t{1} << 20;

/// Runs of two or more, and the value kMarker itself, are written as
/// (kMarker, value, count); any other value stands for itself.
std::vector<int64_t> encode(const std::vector<int64_t>& values);
std::vector<int64_t> decode(const std::vector<int64_t>& stream);

}  // namespace codec
