#include "check_target.h"

#include <fmt/format.h>


namespace testgen::bash {
namespace {

std::string shell_quote(const std::string& s) {
  if (!s.empty() && s.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-+./=:,@%") ==
                        std::string::npos)
    return s;
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string shown(const std::string& text) {
  std::string s = printable(text.size() > 200 ? text.substr(0, 200) + "..." : text);
  std::string out;
  for (char c : s) out += c == '\n' ? std::string("\\n") : std::string(1, c);
  return "\"" + out + "\"";
}

}  // namespace

std::string shell_call(const std::string& function, const std::vector<std::string>& args) {
  std::string out = function;
  for (const std::string& a : args) out += " " + shell_quote(a);
  return out;
}

CheckTarget::CheckTarget(std::string script, std::string function, const InputModel& model, BashSide& bash, RustSide& rust,
                         std::string script_text)
    : script_(std::move(script)),
      function_(std::move(function)),
      script_text_(std::move(script_text)),
      args_(argument_generator(model)),
      input_(stdin_generator(model)),
      reads_stdin_(model.reads_stdin),
      bash_(bash),
      rust_(rust) {}

TargetSpec CheckTarget::spec() const { return {"bash", 1, {{"script", script_}, {"function", function_}}}; }

RunResult CheckTarget::run(const Cursor& input) { return run_batch(std::span<const Cursor>(&input, 1)).at(0); }

std::string CheckTarget::describe(const Cursor& input) {
  std::string call = shell_call(function_, args_(input.child(0)));
  if (!reads_stdin_) return call;
  std::string text = input_(input.child(1));
  std::string shown;
  for (char c : text) shown += c == '\n' ? std::string("\\n") : c == '\'' ? std::string("'\\''") : std::string(1, c);
  return call + " <<< $'" + shown + "'";
}

std::vector<RunResult> CheckTarget::run_batch(std::span<const Cursor> inputs) {
  std::vector<CallInput> calls;
  for (const Cursor& c : inputs) calls.push_back({args_(c.child(0)), reads_stdin_ ? input_(c.child(1)) : std::string()});
  std::vector<PairedCall> paired = run_both(bash_, rust_, function_, calls);
  std::vector<RunResult> results(inputs.size());
  for (size_t i = 0; i < inputs.size(); ++i) {
    RunResult& r = results[i];
    const BashCall& b = paired[i].bash;
    for (uint32_t line : b.lines) {
      r.features.add(fmt::format("line {}", line));
      r.feature_names.push_back(fmt::format("line {}", line));
    }
    r.features.add(fmt::format("status {}", b.status));
    r.feature_names.push_back(fmt::format("status {}", b.status));
    if (!b.conclusive) {
      r.verdict = Verdict::kDiscard;
      r.detail = "bash did not finish: " + b.why;
      ++inconclusive_;
      last_inconclusive_ = b.why;
      continue;
    }
    ++compared_;
    distinct_.insert(shell_call(function_, calls[i].args) + "\n" + calls[i].input);
    lines_.insert(b.lines.begin(), b.lines.end());
    const RustCall& c = paired[i].rust;
    if (paired[i].agree()) keep_sample(calls[i], b);
    std::string expected = fmt::format("bash: status {}, stdout {}", b.status, shown(b.out));
    if (c.outcome != RustCall::Outcome::kAnswered) {
      r.verdict = Verdict::kFail;
      r.signature = c.outcome == RustCall::Outcome::kCrashed ? "rust crashed" : "rust did not finish";
      r.detail = fmt::format("{}; rust: {}", expected, c.why);
    } else if (c.status != b.status || c.out != b.out || c.files != b.files) {
      r.verdict = Verdict::kFail;
      r.signature = c.out != b.out ? "stdout differs" : c.status != b.status ? "status differs" : "files differ";
      r.detail = fmt::format("{}; rust: status {}, stdout {}", expected, c.status, shown(c.out));
      if (c.files != b.files) r.detail += fmt::format("; files: bash {} rust {}", shown(b.files), shown(c.files));
    }
    if (r.verdict == Verdict::kFail && !script_text_.empty())
      r.artifacts.push_back(Artifact{.path = "script.sh", .contents = script_text_});
    r.labels["bash_status"] = std::to_string(b.status);
    r.labels["bash_stdout"] = printable(b.out.substr(0, 2000));
    r.labels["rust_status"] = std::to_string(c.status);
    r.labels["rust_stdout"] = printable(c.out.substr(0, 2000));
  }
  return results;
}

void CheckTarget::keep_sample(const CallInput& call, const BashCall& bash) {
  // The first input for each set of lines bash ran, and a bounded pool of the rest.
  std::string key;
  for (uint32_t line : bash.lines) key += std::to_string(line) + ",";
  key += "status " + std::to_string(bash.status);
  bool new_path = paths_.insert(key).second;
  if (!new_path && samples_.size() >= kMaxSamples) return;
  samples_.push_back({call, bash, new_path});
}

}  // namespace testgen::bash
