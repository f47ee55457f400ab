#include "bash_side.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "testgen/errors.h"
#include "testgen/interrupt.h"

#include <csignal>

namespace testgen::bash {
namespace fs = std::filesystem;
namespace {

// PS4 must be set inside the shell: as root bash ignores it from the environment.
constexpr const char* kCallScript =
    "PS4='+${BASH_SOURCE}:${LINENO}: '\n"
    ". \"$1\" >/dev/null 2>&1 </dev/null\n"
    "__testgen_f=$2\n"
    "shift 2\n"
    // The definitions may stop loading early (a syntax error under bash's default options).
    "declare -F -- \"$__testgen_f\" >/dev/null || { echo 'testgen: not defined' >&2; exit 213; }\n"
    "BASH_XTRACEFD=9\n"
    "set -x\n"
    "\"$__testgen_f\" \"$@\"\n";

void listing(const fs::path& dir, const std::string& prefix, std::vector<std::string>& out) {
  std::error_code ec;
  std::vector<fs::directory_entry> entries;
  for (const fs::directory_entry& e : fs::directory_iterator(dir, ec)) entries.push_back(e);
  std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.path().filename() < b.path().filename(); });
  for (const fs::directory_entry& e : entries) {
    std::string name = prefix + e.path().filename().string();
    if (e.is_directory(ec) && !e.is_symlink(ec)) listing(e.path(), name + "/", out);
    else out.push_back(fmt::format("{} {}", name, e.is_regular_file(ec) ? e.file_size(ec) : 0));
  }
}

}  // namespace

std::string file_listing(const fs::path& dir) {
  std::vector<std::string> lines;
  listing(dir, "", lines);
  std::string out;
  for (const std::string& l : lines) out += l + "\n";
  return out;
}

std::string definitions_only(const Script& script) {
  std::string text = script.source;
  for (auto [start, end] : script.main_ranges)
    for (uint32_t i = start; i < end && i < text.size(); ++i)
      if (text[i] != '\n') text[i] = ' ';
  return text;
}

BashSide::BashSide(const Script& script, fs::path scratch, BashOptions options)
    : scratch_(std::move(scratch)), driver_(scratch_ / "definitions.sh"), options_(std::move(options)) {
  // A scrubbed environment, the same for bash and for the Rust harness.
  env_ = {"PATH=/usr/local/bin:/usr/bin:/bin", "LC_ALL=C.UTF-8", "HOME=/nonexistent", "TERM=dumb"};
  std::ofstream out(driver_, std::ios::binary);
  out << definitions_only(script);
  if (!out.flush()) throw StorageError(fmt::format("cannot write {}", driver_.string()));
}

BashCall BashSide::call(const std::string& function, const std::vector<std::string>& args, const std::string& input,
                        std::chrono::milliseconds timeout) {
  uint64_t n = ++calls_;
  fs::path dir = scratch_ / fmt::format("bash-{}", n);
  fs::path trace = scratch_ / fmt::format("trace-{}", n);
  std::error_code ec;
  fs::remove_all(dir, ec);
  fs::create_directories(dir);
  ProcessSpec spec;
  // fd 9 carries the trace, kept apart from what the function prints.
  spec.argv = {options_.bash, "--noprofile", "--norc", "-c",
               std::string("exec 9>\"$0\"\n") + kCallScript, trace.string(), driver_.string(), function};
  spec.argv.insert(spec.argv.end(), args.begin(), args.end());
  spec.env = env_;
  spec.stdin_data = input;
  spec.cwd = dir;
  spec.timeout = timeout.count() > 0 ? timeout : options_.timeout;
  spec.limits = {.cpu_seconds = 30, .memory_bytes = options_.memory_bytes, .file_size_bytes = options_.file_size_bytes};
  spec.max_output = size_t{4} << 20;
  SubprocessRunner runner;
  ProcessResult r = runner.run(spec);
  BashCall call;
  if (r.spawn_failed) throw InputError(fmt::format("cannot run {}: {}", options_.bash, r.spawn_error));
  if (r.interrupted) throw Interrupted(interrupt_signal() ? interrupt_signal() : SIGINT);
  call.conclusive = r.exit_code.has_value() && !r.timed_out && !r.output_truncated;
  if (!call.conclusive) call.why = r.output_truncated ? "printed more than 4 MiB" : r.describe();
  call.status = r.exit_code.value_or(-1);
  if (call.status == 213 && r.err.find("testgen: not defined") != std::string::npos) {
    call.conclusive = false;
    call.undefined = true;
    call.why = "bash does not define it: the script's definitions stop loading before it (under bash's default options)";
  }
  call.out = std::move(r.out);
  call.files = file_listing(dir);
  // Trace lines: "+...+./definitions.sh:LINE: command".
  std::ifstream in(trace, std::ios::binary);
  std::string line, source_tag = driver_.string() + ":";
  while (std::getline(in, line)) {
    size_t at = line.find_first_not_of('+');
    if (at == 0 || at == std::string::npos || line.compare(at, source_tag.size(), source_tag) != 0) continue;
    size_t number = at + source_tag.size();
    uint32_t line_number = 0;
    while (number < line.size() && std::isdigit(static_cast<unsigned char>(line[number])))
      line_number = line_number * 10 + static_cast<uint32_t>(line[number++] - '0');
    if (line_number > 0) {
      call.lines.insert(line_number);
      ++call.steps;
    }
  }
  fs::remove_all(dir, ec);
  fs::remove(trace, ec);
  return call;
}

}  // namespace testgen::bash
