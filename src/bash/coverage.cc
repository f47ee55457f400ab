#include "coverage.h"

#include <fmt/format.h>

#include <fstream>
#include <regex>
#include <sstream>

#include "cargo_runs.h"
#include "testgen/errors.h"
#include "testgen/source.h"
#include "testgen/process.h"

namespace testgen::bash {
namespace fs = std::filesystem;
namespace {

double since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::string hex(const std::string& bytes) {
  std::string out = "x";
  for (unsigned char c : bytes) out += fmt::format("{:02x}", c);
  return out;
}

}  // namespace

fs::path llvm_tool(const std::string& name) {
  fs::path p = fs::path("/usr/lib/llvm-22/bin") / name;
  if (!fs::exists(p))
    throw UsageError(fmt::format("{} is missing: coverage of Rust 1.95's profiles needs Debian's llvm-22 package "
                                 "(make deps installs it)",
                                 p.string()));
  return p;
}

std::pair<size_t, size_t> line_counts(const LineHits& hits, const std::string& file) {
  auto it = hits.find(file);
  if (it == hits.end()) return {0, 0};
  size_t covered = 0;
  for (auto [line, n] : it->second) covered += n > 0;
  return {covered, it->second.size()};
}

CoverageMeter::CoverageMeter(fs::path crate)
    : crate_(fs::weakly_canonical(fs::absolute(std::move(crate)))), target_(crate_ / "target" / "coverage"), profiles_(target_ / "profiles") {}

LineHits CoverageMeter::report(const std::vector<fs::path>& objects, const fs::path& profraw_dir) {
  std::vector<std::string> argv = {llvm_tool("llvm-profdata").string(), "merge", "-sparse"};
  for (const fs::directory_entry& e : fs::directory_iterator(profraw_dir))
    if (e.path().extension() == ".profraw") argv.push_back(e.path().string());
  fs::path merged = profraw_dir / "merged.profdata";
  argv.insert(argv.end(), {"-o", merged.string()});
  SubprocessRunner runner;
  ProcessResult r = runner.run({.argv = argv, .timeout = std::chrono::seconds(300)});
  if (!r.ok()) throw GenerationError("llvm-profdata merge failed: " + r.err.substr(0, 1000));
  std::vector<std::string> cov = {llvm_tool("llvm-cov").string(), "export", "-format=lcov",
                                  "-instr-profile=" + merged.string()};
  for (size_t i = 0; i < objects.size(); ++i) {
    if (i) cov.push_back("-object");
    cov.push_back(objects[i].string());
  }
  r = runner.run({.argv = cov, .timeout = std::chrono::seconds(300)});
  if (!r.ok()) throw GenerationError("llvm-cov export failed: " + r.err.substr(0, 1000));
  // lcov: "SF:/abs/path" then "DA:line,count" lines.
  LineHits hits;
  std::istringstream in(r.out);
  std::string line, file;
  std::string prefix = crate_.string() + "/";
  while (std::getline(in, line)) {
    if (line.rfind("SF:", 0) == 0) {
      file = line.substr(3);
      file = file.rfind(prefix, 0) == 0 ? file.substr(prefix.size()) : "";
    } else if (line.rfind("DA:", 0) == 0 && !file.empty()) {
      size_t comma = line.find(',');
      uint32_t number = static_cast<uint32_t>(std::stoul(line.substr(3, comma - 3)));
      uint64_t count = std::stoull(line.substr(comma + 1));
      hits[file][number] += count;
    }
  }
  return hits;
}

LineHits CoverageMeter::measure_tests() {
  std::error_code ec;
  fs::path raw = profiles_ / "tests";
  fs::remove_all(raw, ec);
  fs::create_directories(raw);
  auto start = std::chrono::steady_clock::now();
  ProcessResult r = run_cargo(crate_, {.args = {"test", "--offline", "--tests", "--no-fail-fast"},
                                       .env = {{"RUSTFLAGS", "-C instrument-coverage"},
                                               {"CARGO_TARGET_DIR", target_.string()},
                                               {"LLVM_PROFILE_FILE", (raw / "%p-%m.profraw").string()}},
                                       .memory_bytes = kTestMemory});
  cargo_seconds_ += since(start);
  if (!r.ok()) throw GenerationError("the tests fail when built for coverage: " + (r.out + r.err).substr(0, 2000));
  // "Running tests/x.rs (target/coverage/debug/deps/x-0123abcd)": the test binaries.
  std::vector<fs::path> objects;
  static const std::regex kRunning(R"(Running [^(]*\(([^)]+)\))");
  std::string text = r.out + r.err;
  for (std::sregex_iterator it(text.begin(), text.end(), kRunning), end; it != end; ++it) {
    fs::path p = (*it)[1].str();
    objects.push_back(p.is_absolute() ? p : crate_ / p);
  }
  if (objects.empty()) throw GenerationError("cargo test ran no test binary to measure coverage with");
  return report(objects, raw);
}

LineHits CoverageMeter::measure_call(const std::string& function, const CallInput& call,
                                     const std::vector<std::string>& env) {
  if (harness_.empty()) {
    auto start = std::chrono::steady_clock::now();
    ProcessResult r = run_cargo(crate_, {.args = {"build", "--offline", "--bin", "harness"},
                                         .env = {{"RUSTFLAGS", "-C instrument-coverage"},
                                                 {"CARGO_TARGET_DIR", target_.string()}}});
    cargo_seconds_ += since(start);
    if (!r.ok()) throw GenerationError("the instrumented harness does not build: " + r.err.substr(0, 2000));
    harness_ = target_ / "debug" / "harness";
  }
  fs::path raw = profiles_ / fmt::format("call-{}", ++calls_);
  std::error_code ec;
  fs::remove_all(raw, ec);
  fs::create_directories(raw);
  std::string request = hex(call.input) + " " + hex(function);
  for (const std::string& a : call.args) request += " " + hex(a);
  ProcessSpec spec;
  spec.argv = {harness_.string()};
  spec.env = env;
  spec.env->push_back("LLVM_PROFILE_FILE=" + (raw / "%p-%m.profraw").string());
  spec.env->push_back("TESTGEN_HARNESS_DIR=" + raw.string());
  spec.stdin_data = request + "\n";
  spec.timeout = std::chrono::seconds(30);
  SubprocessRunner runner;
  ProcessResult r = runner.run(spec);
  LineHits hits;
  if (r.ok()) hits = report({harness_}, raw);
  fs::remove_all(raw, ec);
  return hits;
}

}  // namespace testgen::bash
