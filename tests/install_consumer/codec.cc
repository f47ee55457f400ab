#include "codec.h"

namespace codec {

std::vector<int64_t> encode(const std::vector<int64_t>& values) {
  std::vector<int64_t> out;
  for (std::size_t i = 0; i < values.size();) {
    std::size_t n = 1;
    while (i + n < values.size() && values[i + n] == values[i]) ++n;
    // The planted bug: a single kMarker should be escaped too (n >= 2 || values[i] == kMarker).
    if (n >= 2) {
      out.insert(out.end(), {kMarker, values[i], static_cast<int64_t>(n)});
    } else {
      out.push_back(values[i]);
    }
    i += n;
  }
  return out;
}

std::vector<int64_t> decode(const std::vector<int64_t>& stream) {
  std::vector<int64_t> out;
  for (std::size_t i = 0; i < stream.size(); ++i) {
    if (stream[i] != kMarker) {
      out.push_back(stream[i]);
    } else if (i + 2 < stream.size() && stream[i + 2] >= 0 && stream[i + 2] <= kLongestRun) {
      out.insert(out.end(), static_cast<std::size_t>(stream[i + 2]), stream[i + 1]);
      i += 2;
    } else {
      break;  // a truncated or corrupt run
    }
  }
  return out;
}

}  // namespace codec
