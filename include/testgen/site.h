#pragma once
/// \file
/// Sites: the stable identity of a generator.
///
/// Every generator has a site. The adaptive model keys its weights by site, so
/// what is learnt at one `oneof` applies wherever that `oneof` runs (list
/// element 3 and element 4 alike). A site built from a source location uses
/// the file's base name, line and column, so it stays the same across build
/// directories and checkouts.

#include <cstdint>
#include <source_location>
#include <string>
#include <string_view>

namespace testgen {

struct Site {
  uint64_t id = 0;
  /// Human-readable: "oneof@puzzles.cc:42".
  std::string label;

  /// The site of a generator of `kind` created at `where`; `salt`
  /// distinguishes generators made at one place with different parameters.
  static Site at(std::string_view kind, std::source_location where, uint64_t salt = 0);
  /// A site named explicitly (for generators built by scripts, where the
  /// script's chunk and line take the place of a C++ source location).
  static Site named(std::string_view kind, std::string_view name, uint64_t salt = 0);
};

/// 64-bit hash used for sites, case ids and features (XXH64, seed 0).
uint64_t hash_bytes(std::string_view bytes, uint64_t seed = 0);

}  // namespace testgen
