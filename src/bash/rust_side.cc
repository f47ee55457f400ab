#include "rust_side.h"

#include <fmt/format.h>

#include <sstream>

#include "testgen/errors.h"
#include "testgen/interrupt.h"

#include <csignal>
#include "testgen/source.h"

namespace testgen::bash {
namespace fs = std::filesystem;
namespace {

std::string hex_field(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out = "x";
  for (unsigned char c : bytes) {
    out += kDigits[c >> 4];
    out += kDigits[c & 15];
  }
  return out;
}

bool unhex_field(std::string_view field, std::string& out) {
  out.clear();
  if (field.empty() || field[0] != 'x' || field.size() % 2 != 1) return false;
  auto digit = [](char c) { return c <= '9' ? c - '0' : c - 'a' + 10; };
  for (size_t i = 1; i < field.size(); i += 2) out += static_cast<char>(digit(field[i]) * 16 + digit(field[i + 1]));
  return true;
}

}  // namespace

fs::path build_harness(const fs::path& crate_dir) {
  SubprocessRunner runner;
  ProcessResult r = runner.run({.argv = {"cargo", "build", "--offline", "--quiet", "--bin", "harness"},
                                .set_env = {{"CARGO_TERM_COLOR", "never"}},
                                .cwd = crate_dir,
                                .timeout = std::chrono::minutes(10)});
  if (r.interrupted) throw Interrupted(interrupt_signal() ? interrupt_signal() : SIGINT);
  if (r.spawn_failed) throw GenerationError("cannot run cargo (is the Rust toolchain installed?): " + r.spawn_error);
  if (!r.ok())
    throw GenerationError(fmt::format("the generated crate in {} does not build ({}):\n{}", crate_dir.string(), r.describe(),
                                      printable(r.err.substr(0, 4000))));
  return std::filesystem::absolute(crate_dir) / "target" / "debug" / "harness";
}

RustSide::RustSide(fs::path harness, fs::path scratch, std::vector<std::string> env,
                   std::chrono::milliseconds per_call_timeout)
    : harness_(std::move(harness)), scratch_(std::move(scratch)), per_call_(per_call_timeout), env_(std::move(env)) {}

std::vector<RustCall> RustSide::call(const std::vector<RustRequest>& requests) {
  std::vector<RustCall> answers;
  size_t next = 0;
  while (next < requests.size()) {
    std::string input;
    for (size_t i = next; i < requests.size(); ++i) {
      input += hex_field(requests[i].input) + " " + hex_field(requests[i].function);
      for (const std::string& a : requests[i].args) input += " " + hex_field(a);
      input += "\n";
    }
    size_t pending = requests.size() - next;
    std::vector<std::string> env = env_;
    env.push_back("TESTGEN_HARNESS_DIR=" + scratch_.string());
    ProcessSpec spec{.argv = {harness_.string()},
                     .env = env,
                     .cwd = scratch_,
                     .stdin_data = input,
                     .timeout = per_call_ + std::chrono::milliseconds(200) * static_cast<long>(pending),
                     .limits = {.cpu_seconds = 0, .memory_bytes = uint64_t{4} << 30, .file_size_bytes = uint64_t{16} << 20}};
    ++processes_;
    ProcessResult r = runner_.run(spec);
    if (r.interrupted) throw Interrupted(interrupt_signal() ? interrupt_signal() : SIGINT);
    if (r.spawn_failed) throw GenerationError("cannot run the harness: " + r.spawn_error);
    std::istringstream lines(r.out);
    std::string line;
    size_t got = 0;
    while (got < pending && std::getline(lines, line)) {
      if (lines.eof() && !r.ok()) break;  // a line cut short by the crash
      RustCall c;
      std::istringstream fields(line);
      std::string status, out, files;
      fields >> status >> out >> files;
      if (!unhex_field(out, c.out) || !unhex_field(files, c.files) || status.empty()) {
        c.outcome = RustCall::Outcome::kCrashed;
        c.why = "the harness answered '" + printable(line.substr(0, 80)) + "'";
      } else {
        c.status = static_cast<int>(std::strtol(status.c_str(), nullptr, 10));
      }
      answers.push_back(std::move(c));
      ++got;
    }
    next += got;
    if (next == requests.size()) break;
    // The call after the last answer crashed or hung the harness: say so, go on after it.
    RustCall failed;
    failed.outcome = r.timed_out ? RustCall::Outcome::kTimedOut : RustCall::Outcome::kCrashed;
    failed.why = r.timed_out ? "the Rust translation did not finish" : "the harness " + r.describe() + ": " +
                                                                           printable(r.err.substr(0, 300));
    answers.push_back(std::move(failed));
    ++next;
  }
  return answers;
}

}  // namespace testgen::bash
