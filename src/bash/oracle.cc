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

const PairedCall& Oracle::ask_patiently(const CallInput& input, std::chrono::milliseconds timeout) {
  auto it = answers_.find(input);
  if (it != answers_.end() && it->second.bash.conclusive) return it->second;
  PairedCall p;
  p.bash = bash_.call(function_, input.args, input.input, timeout);
  ++bash_calls_;
  if (p.bash.conclusive) p.rust = rust_.call({{input.input, function_, input.args}}).at(0);
  return answers_[input] = std::move(p);
}

void Oracle::remember(const CallInput& input, const BashCall& bash) {
  PairedCall& p = answers_[input];
  p.bash = bash;
  p.rust = {.outcome = RustCall::Outcome::kAnswered, .status = bash.status, .out = bash.out, .files = bash.files};
}

}  // namespace testgen::bash
