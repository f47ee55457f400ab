#include "oracle.h"

#include <set>

namespace testgen::bash {

std::vector<const PairedCall*> Oracle::ask(const std::vector<CallInput>& inputs) {
  std::vector<CallInput> fresh;
  std::set<CallInput> seen;
  for (const CallInput& in : inputs)
    if (!answers_.count(in) && seen.insert(in).second) fresh.push_back(in);
  if (!fresh.empty()) {
    std::vector<PairedCall> got = run_both(bash_, rust_, function_, fresh);
    bash_calls_ += fresh.size();
    for (size_t i = 0; i < fresh.size(); ++i) answers_[fresh[i]] = std::move(got[i]);
  }
  std::vector<const PairedCall*> out;
  for (const CallInput& in : inputs) out.push_back(&answers_.at(in));
  return out;
}

void Oracle::remember(const CallInput& input, const BashCall& bash) {
  PairedCall& p = answers_[input];
  p.bash = bash;
  p.rust = {.outcome = RustCall::Outcome::kAnswered, .status = bash.status, .out = bash.out, .files = bash.files};
}

}  // namespace testgen::bash
