#pragma once
/// \file
/// The corpus on disk, one layout for every front (leanguard-testgen's):
///
///     ROOT/seeds/                 seed inputs copied in by seed-index
///     ROOT/accepted/<id>/         cases that showed new coverage
///     ROOT/rejected/<id>/         findings (shrunk)
///     ROOT/metadata/seeds_index.json
///     ROOT/metadata/global_coverage.json   {"version":1,"observed":[...]}
///     ROOT/metadata/<id>.json     per-case record
///     ROOT/_work/                 scratch, cleaned on open
///
/// A case directory holds `case.json` (front, target, verdict, signature,
/// features, ...) and `tree.json` (the choice tree that replays it); a
/// finding also holds `original_tree.json` (as found, before shrinking).
/// Case ids are the first 16 hex digits of a hash of the front, the target
/// and the canonical forced tree, so a rerun with the same seed gives the
/// same ids.
///
/// Crash safety: a case is assembled in `_work/` and renamed into place in
/// one step; every other file is written to a temporary name and renamed.
/// Opening a corpus deletes `_work/` and rewrites any metadata a killed run
/// did not get to write, so a corpus is always consistent.

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>

#include "testgen/engine.h"

namespace testgen {

class CorpusError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Writing failed (a full disk, no permission): the corpus is as it was
/// before the write began.
class CorpusWriteError : public CorpusError {
 public:
  using CorpusError::CorpusError;
};

/// Writes `contents` to `path` through a temporary file in the same
/// directory and a rename, so readers see the old file or the new one.
void write_file_atomic(const std::filesystem::path& path, std::string_view contents);
/// Reads a whole file; the error names the file.
std::string read_file(const std::filesystem::path& path);

/// What a case directory says about itself (case.json).
struct CaseInfo {
  std::string id;
  std::string front;
  std::string target;
  bool rejected = false;
  std::string signature;
  std::string detail;
  std::string value;
  int size = 0;
  std::filesystem::path dir;
};

class Corpus : public CaseStore {
 public:
  /// Opens (creating) the corpus at `root` for `front`, and repairs what a
  /// killed run may have left.
  Corpus(std::filesystem::path root, std::string front);

  std::string save(const CaseRecord& record) override;
  std::vector<StoredCase> load() override;
  void save_coverage(const GlobalCoverage& coverage, bool final) override;

  /// Extra JSON object (as text) recorded under "campaign" in every metadata file.
  void set_campaign_options(std::string json_object);

  const std::filesystem::path& root() const { return root_; }
  /// Number of cases on disk.
  size_t case_count() const;

  static std::string case_id(std::string_view front, std::string_view target, const ChoiceTree& tree,
                             std::string_view signature = "");
  /// Replaces the case in `dir` by a smaller one that fails the same way
  /// (testgen minimize): artifacts, tree.json, then case.json (signature,
  /// detail, value, features, shrink log) are rewritten, each atomically;
  /// the id and everything else stay. The tree as it was is kept as
  /// original_tree.json unless the case already has one.
  static void rewrite_case(const std::filesystem::path& dir, const CaseRecord& smaller);
  /// Reads a case directory's case.json.
  static CaseInfo read_case(const std::filesystem::path& dir);
  /// Reads a case directory's tree.json.
  static ChoiceTree read_tree(const std::filesystem::path& dir);

 private:
  void repair();
  void write_metadata(const std::string& id, const std::filesystem::path& dir);

  std::filesystem::path root_;
  std::string front_;
  std::unordered_map<Feature, std::string> names_;  // features that have names (coverpoints)
  std::string campaign_json_ = "{}";
  double last_coverage_write_ = -1e9;
  uint64_t temp_counter_ = 0;
};

}  // namespace testgen
