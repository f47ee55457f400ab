#include "runner_discovery.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>
#include <sstream>

namespace testgen::scenario {
namespace fs = std::filesystem;
namespace {

fs::path own_directory() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path(".") : exe.parent_path();
}

bool executable(const fs::path& p) { return ::access(p.c_str(), X_OK) == 0 && fs::is_regular_file(p); }

std::optional<fs::path> on_path(const std::string& program) {
  const char* path = std::getenv("PATH");
  std::istringstream dirs(path ? path : "");
  for (std::string dir; std::getline(dirs, dir, ':');)
    if (!dir.empty() && executable(fs::path(dir) / program)) return fs::path(dir) / program;
  return std::nullopt;
}

}  // namespace

Runner find_runner(const FrontOptions& g) {
  if (!g.runner.empty() && !g.runner_cmd.empty()) throw RunnerError("give --runner or --runner-cmd, not both");
  if (!g.runner_cmd.empty()) return command_runner(g.runner_cmd, g.checker_dir, g.allow_nondeterministic);
  const std::string lean_checkers = g.checker_dir.empty() ? "lean/.lake/build/bin" : g.checker_dir;
  if (!g.runner.empty()) {
    if (!executable(g.runner)) throw RunnerError(fmt::format("runner '{}' is not an executable file", g.runner));
    return leanguard_runner(g.runner, lean_checkers, g.allow_nondeterministic);
  }
  if (executable(own_directory() / "leanguard-run"))
    return leanguard_runner(own_directory() / "leanguard-run", lean_checkers, g.allow_nondeterministic);
  if (auto found = on_path("leanguard-run")) return leanguard_runner(*found, lean_checkers, g.allow_nondeterministic);
  const fs::path bundled = own_directory() / "raftlog-run";
  if (!executable(bundled))
    throw RunnerError("no runner: give --runner or --runner-cmd (no leanguard-run on PATH, no bundled raftlog-run "
                      "beside testgen)");
  Runner r = leanguard_runner(bundled,
                              g.checker_dir.empty() ? own_directory() / "raftlog-checkers" : fs::path(g.checker_dir),
                              g.allow_nondeterministic);
  r.description = fmt::format("bundled simulator: {}", bundled.string());
  return r;
}

}  // namespace testgen::scenario
