#pragma once
// Counts why inputs were thrown away: each assume() call site, and each
// filter's accepted and rejected values. A property that discards most of
// what it generates tests far less than its run count says; the warning
// names the site or filter so the user knows which generator to fix (the
// request users of every property-testing library make).

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "testgen/gen.h"

namespace testgen::property {

class DiscardTally : public gen::detail::FilterTally {
 public:
  void count(const std::string& filter, bool accepted) override;
  /// An input discarded by `why` ("assume at x.cc:3", "filter 'even' (...)").
  void discarded(const std::string& why);

  /// Warnings for a check of `runs` inputs: every discard reason and every
  /// filter whose share exceeds `threshold` (0..1), worst first.
  std::vector<std::string> warnings(uint64_t runs, double threshold) const;

 private:
  struct Filter {
    uint64_t accepted = 0;
    uint64_t rejected = 0;
  };
  std::map<std::string, uint64_t> discards_;
  std::map<std::string, Filter> filters_;
};

/// Installs a tally (or none) as this thread's filter tally for its lifetime.
class TallyScope {
 public:
  explicit TallyScope(DiscardTally* tally);
  ~TallyScope();
  TallyScope(const TallyScope&) = delete;
  TallyScope& operator=(const TallyScope&) = delete;

 private:
  gen::detail::FilterTally* previous_;
};

}  // namespace testgen::property
