#include "testgen/gen.h"

#include <cstdint>
#include <limits>

namespace testgen::gen {

detail::FilterTally*& detail::active_filter_tally() {
  thread_local FilterTally* tally = nullptr;
  return tally;
}

Gen<bool> flip(Where where) {
  Site site = where.site("flip");
  return Gen<bool>(site, [site](const Cursor& at) { return at.decide(site, ChoiceKind::kBool, 0, 1) != 0; });
}

Gen<int64_t> integer(int64_t n, Where where) {
  if (n <= 0) throw GenerationError("integer(n): n must be positive");
  return choose(0, n - 1, where);
}

Gen<int64_t> choose(int64_t lo, int64_t hi, Where where) {
  if (lo > hi) throw GenerationError("choose(lo, hi): lo must not exceed hi");
  Site site = where.site("choose", static_cast<uint64_t>(lo) * 31 + static_cast<uint64_t>(hi));
  return Gen<int64_t>(site, [site, lo, hi](const Cursor& at) {
    return at.decide(site, ChoiceKind::kInteger, lo, hi);
  });
}

Gen<uint64_t> bits64(Where where) {
  Site site = where.site("bits64");
  return Gen<uint64_t>(site, [site](const Cursor& at) {
    return static_cast<uint64_t>(at.decide(site, ChoiceKind::kInteger,
                                           std::numeric_limits<int64_t>::min(),
                                           std::numeric_limits<int64_t>::max()));
  });
}

Gen<bool> iszero(Where where) {
  return Gen<bool>(where.site("iszero"), [](const Cursor& at) { return at.size() <= 0; });
}

}  // namespace testgen::gen
