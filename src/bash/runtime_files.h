#pragma once
// The shell runtime copied into every generated crate (src/shell/), embedded
// from src/bash/runtime/*.rs at build time.

#include <span>
#include <string_view>

namespace testgen::bash {

struct RuntimeFile {
  std::string_view name;  ///< e.g. "mod.rs"
  std::string_view text;
};

std::span<const RuntimeFile> runtime_files();

}  // namespace testgen::bash
