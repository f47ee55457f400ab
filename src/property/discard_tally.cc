#include "discard_tally.h"

#include <fmt/format.h>

#include <algorithm>

namespace testgen::property {

void DiscardTally::count(const std::string& filter, bool accepted) {
  Filter& f = filters_[filter];
  (accepted ? f.accepted : f.rejected) += 1;
}

void DiscardTally::discarded(const std::string& why) { ++discards_[why]; }

std::vector<std::string> DiscardTally::warnings(uint64_t runs, double threshold) const {
  std::vector<std::pair<double, std::string>> found;
  uint64_t total = 0;
  for (const auto& [why, n] : discards_) total += n;
  if (runs > 0 && static_cast<double>(total) > threshold * static_cast<double>(runs)) {
    for (const auto& [why, n] : discards_) {
      const double share = static_cast<double>(n) / static_cast<double>(runs);
      found.emplace_back(share, fmt::format("{:.0f}% of {} inputs were discarded by {}: the property was "
                                            "checked on {} inputs; generate inputs that meet the condition "
                                            "instead of discarding them",
                                            100 * share, runs, why, runs - total));
    }
  }
  for (const auto& [name, f] : filters_) {
    const uint64_t tried = f.accepted + f.rejected;
    const double share = tried ? static_cast<double>(f.rejected) / static_cast<double>(tried) : 0;
    if (tried >= 10 && share > threshold)
      found.emplace_back(share, fmt::format("filter '{}' rejected {:.0f}% of the {} values it saw; each "
                                            "accepted value cost {:.1f} draws",
                                            name, 100 * share, tried,
                                            f.accepted ? static_cast<double>(tried) / static_cast<double>(f.accepted)
                                                       : static_cast<double>(tried)));
  }
  std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<std::string> out;
  for (auto& [share, text] : found) out.push_back(std::move(text));
  return out;
}

TallyScope::TallyScope(DiscardTally* tally) : previous_(gen::detail::active_filter_tally()) {
  gen::detail::active_filter_tally() = tally;
}

TallyScope::~TallyScope() { gen::detail::active_filter_tally() = previous_; }

}  // namespace testgen::property
