#include "options.h"

#include <fmt/format.h>

#include <charconv>

namespace testgen::quest {
namespace {

constexpr const char* kKnown =
    "-test -list -n -s -1 -2 -o -try -e -lua -i -seed -pattern -checks -unsafe -h -help -man -version, x=y, FILE.lua";

template <class T>
T parse_number(const std::string& option, const std::string& text, T min) {
  T value{};
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end || text.empty())
    throw UsageError(fmt::format("option {} needs a whole number, got '{}'", option, text));
  if (value < min) throw UsageError(fmt::format("option {} must be at least {}, got {}", option, min, value));
  return value;
}

// quest's seeds may be negative; ours are 64-bit: accept both spellings.
uint64_t parse_seed(const std::string& text) {
  if (!text.empty() && text[0] == '-') {
    int64_t v = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec == std::errc() && ptr == text.data() + text.size()) return static_cast<uint64_t>(v);
  } else {
    uint64_t v = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec == std::errc() && ptr == text.data() + text.size() && !text.empty()) return v;
  }
  throw UsageError(fmt::format("option -seed needs a 64-bit integer, got '{}'", text));
}

}  // namespace

Options parse_options(const std::vector<std::string>& args) {
  Options o;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    const size_t position = i + 1;
    // A leading "--" is accepted too: "--help" is what people type.
    std::string name = arg.starts_with("--") ? arg.substr(1) : arg;
    auto value = [&]() -> const std::string& {
      if (i + 1 >= args.size()) throw UsageError(fmt::format("option {} needs a value", arg));
      return args[++i];
    };
    if (!arg.starts_with("-") || arg == "-") {
      if (arg.find('=') != std::string::npos)
        o.lua.push_back({LuaStep::Kind::kChunk, arg, fmt::format("command line argument {}", position)});
      else
        o.lua.push_back({LuaStep::Kind::kFile, arg, arg});
    } else if (name == "-test") {
      o.suite = value();
    } else if (name == "-list") {
      o.list = true;
    } else if (name == "-n") {
      o.cases = parse_number<int64_t>(arg, value(), 0);
    } else if (name == "-s") {
      o.size = parse_number<int>(arg, value(), 0);
    } else if (name == "-1") {
      o.two_files = false;
    } else if (name == "-2") {
      o.two_files = true;
    } else if (name == "-o") {
      o.output = value();
      if (o.output.empty()) throw UsageError("option -o needs a non-empty name");
    } else if (name == "-try") {
      o.try_generator = value();
    } else if (name == "-e") {
      const std::string& chunk = value();
      o.lua.push_back({LuaStep::Kind::kChunk, chunk, fmt::format("command line argument {}", position + 1)});
    } else if (name == "-lua") {
      o.dump_lua = true;
    } else if (name == "-i") {
      o.interactive = true;
    } else if (name == "-seed") {
      o.seed = parse_seed(value());
    } else if (name == "-checks") {
      o.checks = value();
      if (o.checks != "table" && o.checks != "statements")
        throw UsageError(fmt::format("option -checks needs table or statements, got '{}'", o.checks));
    } else if (name == "-pattern") {
      o.values = abi::ValueMode::kPattern;
    } else if (name == "-h" || name == "-help") {
      o.help = true;
    } else if (name == "-unsafe" || name == "--allow-unsafe-lua") {
      o.unsafe_lua = true;
    } else if (name == "-man") {
      o.manual = true;
    } else if (name == "-version") {
      o.version = true;
    } else {
      throw UsageError(fmt::format("unknown option '{}' (options: {})", arg, kKnown));
    }
  }
  return o;
}

std::string quote_command_line(const std::string& program, const std::vector<std::string>& args) {
  std::string out = program;
  for (const std::string& a : args) {
    const bool plain = !a.empty() && a.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                                         "0123456789-_./=:,+") == std::string::npos;
    if (plain) {
      out += " " + a;
      continue;
    }
    // Quoted, with C-like escapes for what could end the comment it goes
    // into or break its line: a backslash (a backslash-newline splices
    // lines before comments are seen), control characters, "*/".
    std::string quoted = "'";
    for (const char c : a) {
      const auto u = static_cast<unsigned char>(c);
      if (c == '\\') quoted += "\\\\";
      else if (c == '\n') quoted += "\\n";
      else if (c == '\t') quoted += "\\t";
      else if (u < 0x20 || u == 0x7f) quoted += fmt::format("\\x{:02x}", u);
      else quoted += c;
    }
    quoted += "'";
    for (size_t p = quoted.find("*/"); p != std::string::npos; p = quoted.find("*/", p + 2)) quoted.replace(p, 2, "* /");
    out += " " + quoted;
  }
  return out;
}

}  // namespace testgen::quest
