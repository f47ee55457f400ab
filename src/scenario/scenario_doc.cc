#include "scenario_doc.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace testgen::scenario {
namespace {

bool bare_key(std::string_view key) {
  return !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
  });
}

void walk(const toml::node& node, const std::string& path, std::vector<Leaf>& out) {
  if (const toml::table* t = node.as_table()) {
    if (!path.empty() && path.back() == ']') out.push_back({path, LeafKind::kTable});
    for (const auto& [key, child] : *t)
      if (bare_key(key.str())) walk(child, path.empty() ? std::string(key.str()) : path + "." + std::string(key.str()), out);
    return;
  }
  if (const toml::array* a = node.as_array()) {
    out.push_back({path, LeafKind::kArray});
    for (size_t i = 0; i < a->size(); ++i) walk(*a->get(i), fmt::format("{}[{}]", path, i), out);
    return;
  }
  if (node.is_integer()) out.push_back({path, LeafKind::kInteger});
  else if (node.is_floating_point()) out.push_back({path, LeafKind::kFloat});
  else if (node.is_boolean()) out.push_back({path, LeafKind::kBoolean});
  else if (node.is_string()) out.push_back({path, LeafKind::kString});
  // dates and times are left alone
}

}  // namespace

toml::table parse_scenario(std::string_view text, std::string_view name) {
  try {
    return toml::parse(text, name);
  } catch (const toml::parse_error& e) {
    throw ScenarioError(fmt::format("{}:{}:{}: {}", name, e.source().begin.line, e.source().begin.column,
                                    e.description()));
  }
}

toml::table load_scenario(const std::filesystem::path& file) {
  std::error_code ec;
  if (std::filesystem::is_directory(file, ec))
    throw ScenarioError(fmt::format("{}: is a directory, expected a TOML file", file.string()));
  std::ifstream in(file);
  if (!in) throw ScenarioError(fmt::format("{}: cannot read: {}", file.string(), std::strerror(errno)));
  std::ostringstream text;
  text << in.rdbuf();
  return parse_scenario(text.str(), file.string());
}

std::string canonical_toml(const toml::table& doc) {
  // toml::table keeps its keys sorted, so printing is already canonical.
  std::ostringstream out;
  out << toml::toml_formatter(doc, toml::format_flags::none) << "\n";
  return out.str();
}

std::vector<Leaf> leaves(const toml::table& doc) {
  std::vector<Leaf> out;
  walk(doc, "", out);
  return out;
}

toml::node* node_at(toml::table& doc, const std::string& path) { return doc.at_path(path).node(); }
const toml::node* node_at(const toml::table& doc, const std::string& path) { return doc.at_path(path).node(); }

std::string value_text(const toml::node& node) {
  // Tables and arrays inline ({ a = 1 }, [1, 2]), so that every value is one
  // line that TOML reads back (parse_value_text).
  if (const auto* t = node.as_table()) {
    std::string out = "{ ";
    bool first = true;
    for (const auto& [key, value] : *t) {
      std::ostringstream k;
      k << toml::toml_formatter(toml::table{{key.str(), 0}}, toml::format_flags::none);
      const std::string line = k.str();
      out += (first ? "" : ", ") + line.substr(0, line.find(" = ")) + " = " + value_text(value);
      first = false;
    }
    return out + (first ? "}" : " }");
  }
  if (const auto* a = node.as_array()) {
    std::string out = "[";
    for (size_t i = 0; i < a->size(); ++i) out += (i ? ", " : "") + value_text(*a->get(i));
    return out + "]";
  }
  std::ostringstream out;
  out << toml::toml_formatter(toml::table{{"v", node}}, toml::format_flags::none);
  const std::string line = out.str();
  return line.substr(line.find('=') + 2);
}

namespace {
// Tables read from one line are inline; set in a document they should print
// like the tables around them ([[faults]] rather than faults = [{...}]).
void not_inline(toml::node& node) {
  if (toml::table* t = node.as_table()) {
    t->is_inline(false);
    for (auto& [key, child] : *t) not_inline(child);
  } else if (toml::array* a = node.as_array()) {
    for (toml::node& e : *a) not_inline(e);
  }
}
}  // namespace

bool set_value_text(toml::table& doc, const std::string& path, const std::string& text) {
  toml::table parsed;
  try {
    parsed = toml::parse("v = " + text);
  } catch (const toml::parse_error&) {
    return false;
  }
  toml::node* value = parsed.get("v");
  if (!value) return false;
  not_inline(*value);
  // The parent of the place, then the key or index under it.
  const size_t dot = path.rfind('.'), bracket = path.rfind('[');
  if (bracket != std::string::npos && (dot == std::string::npos || bracket > dot)) {
    toml::node* parent = node_at(doc, path.substr(0, bracket));
    toml::array* array = parent ? parent->as_array() : nullptr;
    const size_t index = std::strtoull(path.c_str() + bracket + 1, nullptr, 10);
    if (!array || index >= array->size()) return false;
    array->replace(array->cbegin() + static_cast<std::ptrdiff_t>(index), *value);
    return true;
  }
  toml::table* parent = dot == std::string::npos ? &doc : (node_at(doc, path.substr(0, dot)) ? node_at(doc, path.substr(0, dot))->as_table() : nullptr);
  if (!parent) return false;
  parent->insert_or_assign(dot == std::string::npos ? path : path.substr(dot + 1), *value);
  return true;
}

}  // namespace testgen::scenario
