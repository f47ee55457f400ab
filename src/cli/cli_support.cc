#include "cli_support.h"

#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>

#include "exit_codes.h"

namespace testgen::cli {

int usage_error(std::string_view command, std::string_view message) {
  fmt::print(stderr, "testgen {}: error: {}\n", command, message);
  return kExitUsage;
}

int run_action(const Args& args, std::string_view command, std::string_view action, std::string_view usage,
               int (*handler)(const Args&)) {
  if (!args.empty() && args[0] == action) return handler(Args(args.begin() + 1, args.end()));
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    fmt::print("usage: testgen {} {} {}   (testgen {} {} --help for the options)\n", command, action, usage, command,
               action);
    return args.empty() ? kExitUsage : kExitOk;
  }
  return usage_error(command, fmt::format("unknown action '{}' (actions: {})", args[0], action));
}

int fail(int code, std::string_view message) {
  fmt::print(stderr, "testgen: error: {}\n", message);
  return code;
}

namespace {
std::string known_options(CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::Option* o : app.get_options()) {
    if (!o->get_lnames().empty()) names.push_back("--" + o->get_lnames().front());
  }
  return fmt::format("{}", fmt::join(names, ", "));
}
}  // namespace

std::optional<int> parse(CLI::App& app, std::string_view command, const Args& args) {
  std::vector<const char*> argv{"testgen"};
  for (const std::string& a : args) argv.push_back(a.c_str());
  try {
    app.parse(static_cast<int>(argv.size()), argv.data());
  } catch (const CLI::CallForHelp&) {
    fmt::print("{}", app.help());
    return kExitOk;
  } catch (const CLI::ParseError& e) {
    std::string message = e.what();
    if (dynamic_cast<const CLI::ExtrasError*>(&e))
      message += fmt::format(" (options: {})", known_options(app));
    return usage_error(command, fmt::format("{}; see 'testgen help {}'", message, command));
  }
  return std::nullopt;
}

std::function<void(double, const std::string&)> progress_line(bool quiet) {
  if (quiet) return {};
  const bool tty = ::isatty(STDERR_FILENO);
  auto last = std::make_shared<double>(0.0);  // nothing for runs shorter than one interval
  return [tty, last](double seconds, const std::string& line) {
    const double interval = tty ? 0.2 : 5.0;
    if (seconds - *last < interval) return;
    *last = seconds;
    if (tty) fmt::print(stderr, "\r\033[K{}", line);
    else fmt::print(stderr, "{}\n", line);
    std::fflush(stderr);
  };
}

void print_json(const nlohmann::json& j) {
  fmt::print("{}\n", j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
  std::fflush(stdout);
}

void end_progress_line(bool quiet) {
  if (!quiet && ::isatty(STDERR_FILENO)) fmt::print(stderr, "\r\033[K");
}

std::function<void(const Progress&)> progress_printer(std::string label, bool quiet) {
  auto print = progress_line(quiet);
  if (!print) return {};
  return [label, print](const Progress& p) {
    const double rate = p.seconds > 0 ? static_cast<double>(p.runs) / p.seconds : 0;
    print(p.seconds, fmt::format("{}: {} runs ({:.0f}/s), {} kept, {} features, {} findings, {:.1f} s", label, p.runs,
                                 rate, p.kept, p.features, p.findings, p.seconds));
  };
}

}  // namespace testgen::cli
