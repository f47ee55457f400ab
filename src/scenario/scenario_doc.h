#pragma once
// Scenario configs as the campaign front sees them: a TOML document whose
// values are addressed by paths ("flows[2].rate", "switch.ecn.threshold"),
// listed, read and replaced by path, and written back in one canonical form
// (sorted keys, so equal documents are equal text and hash alike).

#include "testgen/errors.h"
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include <toml++/toml.h>

namespace testgen::scenario {

class ScenarioError : public InputError {
 public:
  using InputError::InputError;
};

/// Parses a scenario file; errors are "FILE:LINE:COLUMN: what".
toml::table load_scenario(const std::filesystem::path& file);
/// Parses TOML text (`name` is used in errors).
toml::table parse_scenario(std::string_view text, std::string_view name);
/// The canonical text of a document: keys sorted, one layout.
std::string canonical_toml(const toml::table& doc);

enum class LeafKind { kInteger, kFloat, kBoolean, kString, kArray, kTable };

/// A place a mutation can act on.
struct Leaf {
  std::string path;
  LeafKind kind;
};

/// Every integer, float, boolean and string value, every array and every
/// table inside an array, in path order. Keys that are not bare TOML keys
/// (letters, digits, '_' and '-') are left out: paths could not name them.
std::vector<Leaf> leaves(const toml::table& doc);

/// The node at `path`, or null.
toml::node* node_at(toml::table& doc, const std::string& path);
const toml::node* node_at(const toml::table& doc, const std::string& path);

/// A value as it appears in a mutation record, on one line that TOML reads
/// back: 3, 2.5, true, "text", [1, 2], { at_ms = 0, kind = "crash" }.
std::string value_text(const toml::node& node);

/// Sets the place `path` (which must exist, or be a new key of an existing
/// table) to the value written `text`; false if either is not usable.
bool set_value_text(toml::table& doc, const std::string& path, const std::string& text);

}  // namespace testgen::scenario
