#pragma once
// Writes a translation as a Cargo crate (the layout of the spec's 6.1):
// Cargo.toml, src/lib.rs, src/<function>.rs, src/shell/ (the runtime),
// src/bin/harness.rs (for the differential check), README.md. The crate is
// assembled beside DIR and renamed into place, so DIR is never half-written.

#include <filesystem>
#include <string>

#include "translate.h"

namespace testgen::bash {

struct CrateOptions {
  std::string name;  ///< the package name (from the script's file name)
  /// Run rustfmt over the sources when it is installed.
  bool format = true;
  /// Generated tests and their configuration (test_writer.h), if any.
  const struct CrateTests* tests = nullptr;
};

/// The crate name for a script path: its stem, as a Rust identifier.
std::string crate_name_for(const std::filesystem::path& script);

/// Writes the crate to `dir` (replacing a crate testgen wrote there before;
/// refusing any other non-empty directory). Throws StorageError / UsageError.
void write_crate(const Translation& t, const std::filesystem::path& dir, const CrateOptions& options);

/// Held while one testgen run writes, builds and tests the crate in DIR (a
/// lock file beside it, removed at the end): a second run on the same DIR
/// stops at once with BusyError instead of building into the first one's.
class CrateLock {
 public:
  explicit CrateLock(const std::filesystem::path& dir);
  ~CrateLock();
  CrateLock(const CrateLock&) = delete;
  CrateLock& operator=(const CrateLock&) = delete;

 private:
  std::filesystem::path file_;
  int fd_ = -1;
};

}  // namespace testgen::bash
