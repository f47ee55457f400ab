#include "expectations.h"

#include <fmt/format.h>
#include <fnmatch.h>

#include <algorithm>

#include <toml++/toml.h>

namespace testgen::hunt {
namespace {

std::string where(const std::filesystem::path& file, const toml::source_region& at) {
  return fmt::format("{}:{}:{}", file.string(), at.begin.line, at.begin.column);
}

Expectation entry(const std::filesystem::path& file, const toml::table& table, Expectation::Status status) {
  Expectation e;
  e.status = status;
  e.origin = fmt::format("{}:{}", file.string(), table.source().begin.line);
  for (const auto& [key, value] : table) {
    std::string* field = key == "pair"        ? &e.pair
                         : key == "arch"      ? &e.arch
                         : key == "signature" ? &e.signature
                         : key == "note"      ? &e.note
                                              : nullptr;
    if (!field)
      throw ExpectationsError(fmt::format("{}: unknown key '{}' (keys: pair, arch, signature, note)",
                                          where(file, value.source()), key.str()));
    const auto text = value.value<std::string>();
    if (!text) throw ExpectationsError(fmt::format("{}: '{}' must be a string", where(file, value.source()), key.str()));
    *field = *text;
  }
  return e;
}

bool glob(const std::string& pattern, const std::string& text) {
  return ::fnmatch(pattern.c_str(), text.c_str(), 0) == 0;
}

}  // namespace

bool Expectation::matches(const std::string& key) const {
  // PAIR|ARCH|REST: a pair spec holds no '|'.
  const size_t first = key.find('|');
  const size_t second = first == std::string::npos ? first : key.find('|', first + 1);
  if (second == std::string::npos) return false;
  return glob(pair, key.substr(0, first)) && glob(arch, key.substr(first + 1, second - first - 1)) &&
         glob(signature, key.substr(second + 1));
}

Expectations Expectations::load(const std::filesystem::path& file) {
  toml::table doc;
  try {
    doc = toml::parse_file(file.string());
  } catch (const toml::parse_error& e) {
    throw ExpectationsError(fmt::format("{}: {}", where(file, e.source()), e.description()));
  }
  Expectations out;
  for (const auto& [name, node] : doc) {
    const bool expected = name == "expected";
    if (!expected && name != "skip")
      throw ExpectationsError(
          fmt::format("{}: unknown table '{}' (use [[expected]] or [[skip]])", where(file, node.source()), name.str()));
    const toml::array* list = node.as_array();
    if (!list || !list->is_array_of_tables())
      throw ExpectationsError(
          fmt::format("{}: '{}' must be an array of tables: [[{}]]", where(file, node.source()), name.str(), name.str()));
    for (const toml::node& item : *list)
      out.entries_.push_back(entry(file, *item.as_table(),
                                   expected ? Expectation::Status::kExpected : Expectation::Status::kSkip));
  }
  // TOML tables are unordered; the file's order decides which entry wins.
  std::stable_sort(out.entries_.begin(), out.entries_.end(), [](const Expectation& a, const Expectation& b) {
    auto line = [](const Expectation& e) { return std::stoul(e.origin.substr(e.origin.rfind(':') + 1)); };
    return line(a) < line(b);
  });
  return out;
}

const Expectation* Expectations::match(const std::string& key) const {
  for (const Expectation& e : entries_)
    if (e.matches(key)) return &e;
  return nullptr;
}

}  // namespace testgen::hunt
