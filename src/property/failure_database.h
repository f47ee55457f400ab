#pragma once
// The failure database: every failure a property check finds is kept, and
// replayed first on the next run (as Hypothesis's example database does), so
// a failure found once, in fuzzing mode or by luck, is not lost when the
// next run draws other inputs. An entry that passes is stale and dropped.
//
// Layout: DB/<property name, made filename-safe>/<hash of the code>.json,
// each {"format": "testgen-failure", "version": 1, "property", "signature",
// "counterexample", "code"}; `code` is the replay code (replay_code.h).
// Entries are written to a temporary name and renamed.

#include <filesystem>
#include <string>
#include <vector>

namespace testgen::property {

struct FailureEntry {
  std::filesystem::path file;
  std::string code;
  std::string signature;
  std::string counterexample;
};

class FailureDatabase {
 public:
  FailureDatabase(std::filesystem::path root, const std::string& property_name);

  const std::filesystem::path& directory() const { return directory_; }
  /// The entries, sorted by file name (a stable replay order). Unreadable
  /// files are skipped and named in `problems`.
  std::vector<FailureEntry> load(std::vector<std::string>& problems) const;
  /// Saves a failure (replacing an entry with the same code); returns its file.
  std::filesystem::path save(const std::string& code, const std::string& signature,
                             const std::string& counterexample) const;
  /// Drops an entry that passes now.
  void drop(const FailureEntry& entry) const;

 private:
  std::string property_;
  std::filesystem::path directory_;
};

/// `name` with every character outside [A-Za-z0-9._-] replaced by '_'.
std::string filename_safe(const std::string& name);

}  // namespace testgen::property
