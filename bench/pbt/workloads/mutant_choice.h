// Which planted bug a workload runs with: 0 for none, else 1 + its index in
// the workload's list of mutant names. Shared so that every workload reads
// and rejects names the same way.
#pragma once

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

namespace pbt {

inline int mutant_index(const std::vector<std::string>& names, const std::string& name, const std::string& workload) {
  if (name.empty() || name == "none") return 0;
  const auto it = std::find(names.begin(), names.end(), name);
  if (it == names.end()) throw std::invalid_argument(workload + ": no mutant named " + name);
  return 1 + static_cast<int>(it - names.begin());
}

}  // namespace pbt
