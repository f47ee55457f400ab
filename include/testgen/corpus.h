#pragma once
/// \file
/// The corpus on disk, one layout for every front (leanguard-testgen's):
///
///     ROOT/seeds/                 seed inputs copied in by seed-index
///     ROOT/accepted/<id>/         cases that showed new coverage
///     ROOT/rejected/<id>/         findings
///     ROOT/metadata/seeds_index.json
///     ROOT/metadata/global_coverage.json   {"version":1,"observed":[...]}
///     ROOT/metadata/<id>.json     per-case record
///     ROOT/_work/                 scratch: one directory per process and purpose
///     ROOT/quarantine/            cases that could not be read, moved aside
///     ROOT/.lock                  held by the one process writing the corpus
///
/// A case directory holds `case.json` (front, target and its TargetSpec,
/// verdict, signature, features, ...; docs/corpus-format.md) and `tree.json`
/// (the choice tree that replays it); a reduced finding also holds
/// `original_tree.json` (as found). Case ids are the first 16 hex digits of
/// a hash of the front, the target, the canonical forced tree (as found) and,
/// for findings, the signature: a rerun with the same seed gives the same ids.
///
/// Only this layer spells the layout out; fronts say which files they keep
/// (KeptFile) and the metadata names them.
///
/// Crash safety: a case is assembled in `_work/` and renamed into place in
/// one step; a case that changes (a finding reduced after it was saved as
/// found, a minimised case) is assembled beside it and swapped in with one
/// atomic exchange; every other file is written to a temporary name and
/// renamed. Opening a corpus removes scratch that no live process owns,
/// quarantines cases it cannot read and rewrites metadata a killed run did
/// not get to write, so a corpus is always consistent.

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "testgen/engine.h"
#include "testgen/errors.h"

namespace testgen {

/// A corpus file that cannot be read or has the wrong shape; the message
/// names the file and, where it can, the field.
class CorpusError : public InputError {
 public:
  using InputError::InputError;
};

/// Writing failed (a full disk, no permission): the corpus is as it was
/// before the write began.
class CorpusWriteError : public StorageError {
 public:
  using StorageError::StorageError;
};

/// Writes `contents` to `path` through a temporary file in the same
/// directory and a rename, so readers see the old file or the new one.
void write_file_atomic(const std::filesystem::path& path, std::string_view contents);
/// Copies at most `max_bytes` of `from` to `to` (atomically, as above);
/// returns true if the copy was cut short. Never reads the file whole.
bool copy_file_atomic(const std::filesystem::path& from, const std::filesystem::path& to, uint64_t max_bytes);
/// Reads a whole regular file; the error names the file (and says so when
/// it is a directory).
std::string read_file(const std::filesystem::path& path);

/// The paths of a corpus: the one place the layout is spelled out.
struct CorpusLayout {
  std::filesystem::path root;
  std::filesystem::path seeds() const { return root / "seeds"; }
  std::filesystem::path cases(bool rejected) const { return root / (rejected ? "rejected" : "accepted"); }
  std::filesystem::path case_dir(const std::string& id, bool rejected) const { return cases(rejected) / id; }
  std::filesystem::path metadata() const { return root / "metadata"; }
  std::filesystem::path case_metadata(const std::string& id) const { return metadata() / (id + ".json"); }
  std::filesystem::path seeds_index() const { return metadata() / "seeds_index.json"; }
  std::filesystem::path global_coverage() const { return metadata() / "global_coverage.json"; }
  /// One JSON object per line, appended as runs go (a report's plots).
  std::filesystem::path progress_log() const { return metadata() / "progress.jsonl"; }
  std::filesystem::path work() const { return root / "_work"; }
  std::filesystem::path quarantine() const { return root / "quarantine"; }
  std::filesystem::path lock_file() const { return root / ".lock"; }
};

/// A file (or files) a front keeps in its case directories, which the
/// case's metadata names: under "paths" (kPath), as a list of its own
/// (kList: "traces"), or with its JSON content (kEmbeddedJson: a scenario's
/// "mutations"). `pattern` is a path inside the case, or a glob (fnmatch).
struct KeptFile {
  enum class As { kPath, kList, kEmbeddedJson };
  std::string key;
  std::string pattern;
  As as = As::kPath;
};

/// What a case directory says about itself (case.json), checked field by field.
struct CaseInfo {
  std::string id;
  std::string front;
  std::string target;  ///< the target's identity (Target::name())
  /// What rebuilds the target; nullopt in cases written before version 2.
  std::optional<TargetSpec> spec;
  bool rejected = false;
  /// False for a finding saved as found whose reduction has not finished.
  bool reduced = true;
  std::string signature;
  std::string detail;
  std::string value;
  int size = 0;
  std::map<std::string, std::string> labels;
  std::filesystem::path dir;   ///< the case directory, normalised
  std::filesystem::path root;  ///< the corpus it sits in
};

/// A case directory given on a command line: DIR (a trailing slash is
/// fine) must be ROOT/accepted/ID or ROOT/rejected/ID; with `corpus_root`,
/// a bare case ID is looked up there too. Throws CorpusError saying what
/// was expected.
CaseInfo locate_case(const std::filesystem::path& dir_or_id, const std::filesystem::path& corpus_root = {});

/// A scratch directory owned by this process: `parent/<purpose>-<pid>-<n>`,
/// with a lock held on a file inside it while it lives, so that a corpus
/// opened by another process leaves it alone; removed when destroyed.
/// Creating one also removes the scratch directories in `parent` that no
/// live process owns (left by a process that was killed).
class ScratchDir {
 public:
  ScratchDir(const std::filesystem::path& parent, std::string_view purpose);
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  /// True if `dir` is a scratch directory whose owner is still running.
  static bool owned(const std::filesystem::path& dir);

 private:
  std::filesystem::path path_;
  int lock_fd_ = -1;
};

class Corpus : public CaseStore {
 public:
  /// Opens (creating) the corpus at `root` for `front`, takes its lock
  /// (BusyError naming the process that holds it) and repairs what a killed
  /// run may have left. `kept` names the files the front keeps in a case.
  Corpus(std::filesystem::path root, std::string front, std::vector<KeptFile> kept = {});
  ~Corpus() override;

  std::string save(const CaseRecord& record) override;
  void replace(const std::string& id, const CaseRecord& reduced) override;
  std::vector<StoredCase> load() override;
  void save_coverage(const GlobalCoverage& coverage, bool final) override;
  /// Appends a line to metadata/progress.jsonl (at most one a second per
  /// target, and the final one): wall time, pid, target and the counts.
  void note_progress(const std::string& target, const Progress& progress, bool final) override;

  /// Extra JSON object (as text) recorded under "campaign" in every metadata file.
  void set_campaign_options(std::string json_object);
  /// Where warnings go (a quarantined case); stderr by default.
  void set_warning_sink(std::function<void(const std::string&)> sink) { warn_ = std::move(sink); }

  const std::filesystem::path& root() const { return root_; }
  CorpusLayout layout() const { return {root_}; }
  std::filesystem::path case_dir(const std::string& id, bool rejected) const { return layout().case_dir(id, rejected); }
  /// Where this corpus's scratch directories go (ScratchDir).
  std::filesystem::path work_dir() const { return layout().work(); }
  /// Number of cases on disk.
  size_t case_count() const;
  /// Every readable case, accepted then rejected, each sorted by id.
  std::vector<CaseInfo> cases() const;
  /// The names in global_coverage.json (coverpoints met by earlier runs).
  std::set<std::string> observed_names() const;
  /// Cases moved to quarantine/ since this corpus was opened.
  const std::vector<std::string>& quarantined() const { return quarantined_; }

  static std::string case_id(std::string_view front, std::string_view target, const ChoiceTree& tree,
                             std::string_view signature = "");

  /// Replaces the case in `dir` by a smaller one that fails the same way
  /// (testgen minimize): artifacts, tree.json and case.json (signature,
  /// detail, value, features, shrink log) are rewritten, the id and
  /// everything else stay; the tree as it was is kept as
  /// original_tree.json unless the case has one. Atomic, as edit_case.
  void rewrite_case(const std::filesystem::path& dir, const CaseRecord& smaller);

  /// A change to one case directory: `remove` (relative paths) goes first,
  /// then `write`, then `update` edits case.json. The new directory is
  /// assembled in _work and swapped in atomically: a crash leaves the old
  /// case or the new one. The case's metadata is rewritten after.
  struct CaseEdit {
    std::vector<std::string> remove;
    std::vector<Artifact> write;
    std::function<void(nlohmann::json&)> update;
  };
  void edit_case(const std::filesystem::path& dir, const CaseEdit& edit);

  /// Copies the case directory `from` (of another corpus) into this one
  /// under its own id: assembled in _work and renamed into place, then its
  /// metadata written (with `campaign`, or this corpus's options when
  /// null). False, and nothing written, when a case with that id is here.
  bool adopt_case(const std::filesystem::path& from, const nlohmann::json& campaign);
  /// Removes a case and its metadata; a crash leaves it whole or gone.
  void remove_case(const std::string& id, bool rejected);
  /// Writes global_coverage.json listing `observed` (coverpoint names and
  /// feature hashes, as save_coverage writes them).
  void save_observed(const std::set<std::string>& observed);

  /// Reads and checks a case directory's case.json.
  static CaseInfo read_case(const std::filesystem::path& dir);
  /// Reads a case directory's tree.json.
  static ChoiceTree read_tree(const std::filesystem::path& dir);

 private:
  void repair();
  void quarantine(const std::filesystem::path& dir, const std::string& why);
  void write_metadata(const std::string& id, const std::filesystem::path& dir);
  nlohmann::json case_json(const std::string& id, const CaseRecord& record) const;
  std::filesystem::path assemble(const std::string& id, const CaseRecord& record, const nlohmann::json& c);
  void swap_in(const std::filesystem::path& assembled, const std::filesystem::path& final_dir);
  /// global_coverage.json: coverpoint names, sorted, then feature hashes.
  void write_coverage_file(std::vector<std::string> named, std::vector<std::string> unnamed);

  struct Lock;
  std::filesystem::path root_;
  std::string front_;
  std::vector<KeptFile> kept_;
  std::shared_ptr<Lock> lock_;
  std::unordered_map<std::string, double> last_progress_;  // per target, steady seconds
  std::unordered_map<Feature, std::string> names_;  // features that have names (coverpoints)
  std::string campaign_json_ = "{}";
  double last_coverage_write_ = -1e9;
  uint64_t temp_counter_ = 0;
  std::vector<std::string> quarantined_;
  std::function<void(const std::string&)> warn_;
};

/// One target's view of a corpus, safe to share between threads: saves go
/// to the corpus one at a time, load() resumes only the cases that target
/// kept (a tree means something only to the generator that drew it), and
/// the global coverage file holds the union over every view.
class CorpusView : public CaseStore {
 public:
  /// Views of one corpus share `mutex` and the coverage union (Shared).
  struct Shared {
    explicit Shared(Corpus& c) : corpus(c) {}
    Corpus& corpus;
    std::mutex mutex;
    GlobalCoverage coverage;
  };
  CorpusView(std::shared_ptr<Shared> shared, std::string target)
      : shared_(std::move(shared)), target_(std::move(target)) {}
  CorpusView(Corpus& corpus, std::string target)
      : CorpusView(std::make_shared<Shared>(corpus), std::move(target)) {}

  std::string save(const CaseRecord& record) override;
  void replace(const std::string& id, const CaseRecord& reduced) override;
  std::vector<StoredCase> load() override;
  void save_coverage(const GlobalCoverage& coverage, bool final) override;
  void note_progress(const std::string& target, const Progress& progress, bool final) override;

 private:
  std::shared_ptr<Shared> shared_;
  std::string target_;
};

}  // namespace testgen
