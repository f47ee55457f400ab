#include "toolchain.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <sstream>

namespace testgen::abi {
namespace {

std::vector<std::string> split_words(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> out;
  for (std::string word; in >> word;) out.push_back(word);
  return out;
}

bool on_path(const std::string& program) {
  if (program.find('/') != std::string::npos) return access(program.c_str(), X_OK) == 0;
  const char* path = std::getenv("PATH");
  std::istringstream dirs(path ? path : "");
  for (std::string dir; std::getline(dirs, dir, ':');)
    if (!dir.empty() && access((std::filesystem::path(dir) / program).c_str(), X_OK) == 0) return true;
  return false;
}

std::string base_name(const Compiler& c) { return std::filesystem::path(c.program()).filename().string(); }
bool is_tcc(const Compiler& c) { return base_name(c).starts_with("tcc"); }
bool is_pcc(const Compiler& c) { return base_name(c).starts_with("pcc"); }

std::string quote(const std::vector<std::string>& argv) {
  std::string out;
  for (const std::string& a : argv) {
    const bool plain = !a.empty() && a.find_first_of(" \t'\"\\$`*?;&|<>()") == std::string::npos;
    out += (out.empty() ? "" : " ") + (plain ? a : "'" + a + "'");
  }
  return out;
}

// pcc knows -std=c11 but not -std=gnu11 (its default dialect is GNU-ish anyway).
std::vector<std::string> dialect_flags(const Compiler& c, const std::string& dialect) {
  if (is_pcc(c) && dialect != "c11") return {};
  return {"-std=" + dialect};
}

}  // namespace

Compiler parse_compiler(const std::string& spec) {
  std::vector<std::string> argv = split_words(spec);
  if (argv.empty()) throw ToolchainError(fmt::format("'{}' names no compiler", spec));
  std::string normal;
  for (const std::string& w : argv) normal += (normal.empty() ? "" : " ") + w;
  return Compiler{normal, std::move(argv)};
}

CompilerPair parse_pair(const std::string& spec) {
  const size_t colon = spec.find(':');
  if (colon == std::string::npos || spec.find(':', colon + 1) != std::string::npos)
    throw ToolchainError(fmt::format("'{}' is not CALLER:CALLEE (e.g. gcc:clang -O2)", spec));
  return CompilerPair{parse_compiler(spec.substr(0, colon)), parse_compiler(spec.substr(colon + 1))};
}

std::vector<std::string> installed(const std::vector<std::string>& names) {
  std::vector<std::string> out;
  for (const std::string& n : names)
    if (on_path(n)) out.push_back(n);
  return out;
}

std::vector<CompilerPair> all_pairs(const std::vector<Compiler>& compilers) {
  std::vector<CompilerPair> out;
  for (const Compiler& a : compilers)
    for (const Compiler& b : compilers)
      if (a.spec != b.spec) out.push_back({a, b});
  for (const Compiler& a : compilers) out.push_back({a, a});
  return out;
}

bool supports(const Compiler& compiler, const std::vector<std::string>& needs) {
  const bool small = is_tcc(compiler) || is_pcc(compiler);
  return std::none_of(needs.begin(), needs.end(), [&](const std::string& need) {
    return small && (need == "int128" || need == "complex");
  });
}

const std::vector<Arch>& known_arches() {
  static const std::vector<Arch> arches = {
      {"x86_64", "", ""},
      {"aarch64", "aarch64-linux-gnu", "qemu-aarch64"},
      {"riscv64", "riscv64-linux-gnu", "qemu-riscv64"},
      {"i686", "i686-linux-gnu", "qemu-i386"},
      {"ppc64le", "powerpc64le-linux-gnu", "qemu-ppc64le"},
      {"s390x", "s390x-linux-gnu", "qemu-s390x"},
      {"armhf", "arm-linux-gnueabihf", "qemu-arm"},
  };
  return arches;
}

Arch arch_named(const std::string& name) {
  std::vector<std::string> names;
  for (const Arch& a : known_arches()) {
    if (a.name == name) return a;
    names.push_back(a.name);
  }
  throw ToolchainError(fmt::format("unknown architecture '{}' (known: {})", name, fmt::join(names, ", ")));
}

std::string missing_tools(const Arch& arch) {
  if (arch.host()) return "";
  std::vector<std::string> missing;
  for (const std::string& tool : {arch.triple + "-gcc", arch.qemu})
    if (!on_path(tool)) missing.push_back(tool);
  return fmt::format("{}", fmt::join(missing, ", "));
}

Compiler for_arch(const Compiler& compiler, const Arch& arch) {
  if (arch.host()) return compiler;
  Compiler out = compiler;
  const std::string name = base_name(compiler);
  if (name == "gcc" || name.starts_with("gcc-")) {
    out.argv[0] = arch.triple + "-" + name;
  } else if (name == "clang" || name.starts_with("clang-")) {
    out.argv.insert(out.argv.begin() + 1, "--target=" + arch.triple);
  } else {
    throw ToolchainError(fmt::format("{} has no {} form here (gcc and clang do)", name, arch.name));
  }
  return out;
}

std::optional<Mismatch> parse_mismatch(const std::string& line) {
  // QUEST-MISMATCH case=3 seed=812 function=f field=arg3.b expected=0a0b received=0a0c
  std::vector<std::string> words = split_words(line);
  if (words.size() != 7 || words[0] != "QUEST-MISMATCH") return std::nullopt;
  const char* keys[] = {"case=", "seed=", "function=", "field=", "expected=", "received="};
  std::string values[6];
  for (size_t i = 0; i < 6; ++i) {
    if (!words[i + 1].starts_with(keys[i])) return std::nullopt;
    values[i] = words[i + 1].substr(std::string_view(keys[i]).size());
  }
  Mismatch m;
  char* end = nullptr;
  m.case_index = static_cast<unsigned>(std::strtoul(values[0].c_str(), &end, 10));
  if (*end) return std::nullopt;
  m.seed = std::strtoull(values[1].c_str(), &end, 10);
  if (*end) return std::nullopt;
  m.function = values[2];
  m.field = values[3];
  m.expected = values[4];
  m.received = values[5];
  return m;
}

std::string kind_name(BuildOutcome::Kind kind) {
  switch (kind) {
    case BuildOutcome::Kind::kPassed: return "passed";
    case BuildOutcome::Kind::kMismatch: return "mismatch";
    case BuildOutcome::Kind::kCallerCompileError: return "caller-compile-error";
    case BuildOutcome::Kind::kCalleeCompileError: return "callee-compile-error";
    case BuildOutcome::Kind::kLinkError: return "link-error";
    case BuildOutcome::Kind::kCrash: return "crash";
    case BuildOutcome::Kind::kTimeout: return "timeout";
  }
  return "?";
}

BuildOutcome build_and_run(ProcessRunner& runner, const std::filesystem::path& dir, const std::string& name,
                           const CompilerPair& pair, const BuildOptions& options) {
  BuildOutcome outcome;
  auto step = [&](std::vector<std::string> argv, std::chrono::milliseconds timeout) {
    outcome.commands.push_back(quote(argv));
    return runner.run(ProcessSpec{.argv = std::move(argv), .cwd = dir, .timeout = timeout});
  };
  auto compile = [&](const Compiler& generic, const std::string& source, const std::string& object) {
    const Compiler c = for_arch(generic, options.arch);
    std::vector<std::string> argv = c.argv;
    for (std::string& f : dialect_flags(c, options.dialect)) argv.push_back(std::move(f));
    argv.insert(argv.end(), {"-c", source, "-o", object});
    return step(std::move(argv), options.compile_timeout);
  };
  const ProcessResult main_object = compile(pair.caller, name + "-main.c", name + "-main.o");
  if (!main_object.ok()) {
    outcome.kind = BuildOutcome::Kind::kCallerCompileError;
    outcome.detail = main_object.describe() + ": " + main_object.err;
    return outcome;
  }
  const ProcessResult callee_object = compile(pair.callee, name + "-callee.c", name + "-callee.o");
  if (!callee_object.ok()) {
    outcome.kind = BuildOutcome::Kind::kCalleeCompileError;
    outcome.detail = callee_object.describe() + ": " + callee_object.err;
    return outcome;
  }
  // gcc links; tcc's objects need its helper library (varargs, long double).
  // A foreign program is linked statically so qemu-user needs no sysroot.
  const Arch& arch = options.arch;
  std::vector<std::string> link{arch.host() ? "gcc" : arch.triple + "-gcc", name + "-main.o", name + "-callee.o",
                                "-o", name, "-z", "noexecstack"};
  if (!arch.host()) link.push_back("-static");
  const std::filesystem::path libtcc1 = "/usr/lib/x86_64-linux-gnu/tcc/libtcc1.a";
  if ((is_tcc(pair.caller) || is_tcc(pair.callee)) && std::filesystem::exists(libtcc1)) link.push_back(libtcc1);
  const ProcessResult linked = step(link, options.compile_timeout);
  if (!linked.ok()) {
    outcome.kind = BuildOutcome::Kind::kLinkError;
    outcome.detail = linked.describe() + ": " + linked.err;
    return outcome;
  }
  std::vector<std::string> run{"./" + name};
  if (!arch.qemu.empty()) run.insert(run.begin(), arch.qemu);
  const ProcessResult ran = step(std::move(run), options.run_timeout);
  std::istringstream lines(ran.out);
  for (std::string line; std::getline(lines, line);)
    if (auto m = parse_mismatch(line)) outcome.mismatches.push_back(std::move(*m));
  if (ran.timed_out) {
    outcome.kind = BuildOutcome::Kind::kTimeout;
  } else if (ran.signal) {
    outcome.kind = BuildOutcome::Kind::kCrash;
    const std::string_view marker = "QUEST-CRASH-AT ";
    if (const size_t at = ran.err.rfind(marker); at != std::string::npos) {
      const size_t from = at + marker.size();
      outcome.crash_stage = ran.err.substr(from, ran.err.find('\n', from) - from);
    }
    const std::string_view case_marker = "QUEST-CRASH-CASE ";
    if (const size_t at = ran.err.rfind(case_marker); at != std::string::npos)
      outcome.crash_case = static_cast<unsigned>(std::strtoul(ran.err.c_str() + at + case_marker.size(), nullptr, 10));
  } else if (!outcome.mismatches.empty() || !ran.ok()) {
    outcome.kind = BuildOutcome::Kind::kMismatch;
  }
  outcome.detail = ran.describe();
  if (!outcome.crash_stage.empty()) outcome.detail += " at " + outcome.crash_stage;
  return outcome;
}

}  // namespace testgen::abi
