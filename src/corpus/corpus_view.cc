#include <fmt/format.h>

#include "testgen/corpus.h"

namespace testgen {
namespace fs = std::filesystem;

std::string CorpusView::save(const CaseRecord& record) {
  std::lock_guard lock(shared_->mutex);
  return shared_->corpus.save(record);
}

void CorpusView::replace(const std::string& id, const CaseRecord& reduced) {
  std::lock_guard lock(shared_->mutex);
  shared_->corpus.replace(id, reduced);
}

std::vector<StoredCase> CorpusView::load() {
  std::lock_guard lock(shared_->mutex);
  std::vector<StoredCase> mine;
  for (StoredCase& c : shared_->corpus.load())
    if (c.target == target_) mine.push_back(std::move(c));
  return mine;
}

void CorpusView::save_coverage(const GlobalCoverage& coverage, bool final) {
  std::lock_guard lock(shared_->mutex);
  FeatureSet all;
  for (Feature f : coverage.sorted()) all.add(f);
  shared_->coverage.merge(all);
  shared_->corpus.save_coverage(shared_->coverage, final);
}

void CorpusView::note_progress(const std::string& target, const Progress& progress, bool final) {
  std::lock_guard lock(shared_->mutex);
  shared_->corpus.note_progress(target, progress, final);
}

CaseInfo locate_case(const fs::path& dir_or_id, const fs::path& corpus_root) {
  fs::path dir = dir_or_id;
  std::error_code ec;
  if (!fs::exists(dir, ec) && !corpus_root.empty() && dir_or_id.has_filename() && !dir_or_id.has_parent_path()) {
    for (const char* status : {"rejected", "accepted"})
      if (fs::is_directory(corpus_root / status / dir_or_id, ec)) dir = corpus_root / status / dir_or_id;
  }
  if (!fs::exists(dir, ec))
    throw CorpusError(fmt::format("{}: no such case directory{}", dir_or_id.string(),
                                  corpus_root.empty() ? "" : fmt::format(" (nor a case id in {})", corpus_root.string())));
  if (!fs::is_directory(dir, ec))
    throw CorpusError(fmt::format("{}: is a file, expected a case directory (CORPUS/accepted/ID or CORPUS/rejected/ID)",
                                  dir_or_id.string()));
  // "corpus/rejected/ID/" and "./corpus/rejected/ID" name the same case:
  // normalised, so that nothing is ever created inside a case directory.
  dir = fs::absolute(dir).lexically_normal();
  if (!dir.has_filename()) dir = dir.parent_path();
  const std::string status = dir.parent_path().filename().string();
  if (status != "accepted" && status != "rejected")
    throw CorpusError(fmt::format("{}: not a case directory (CORPUS/accepted/ID or CORPUS/rejected/ID)", dir_or_id.string()));
  CaseInfo info = Corpus::read_case(dir);
  if ((status == "rejected") != info.rejected || info.id != dir.filename().string())
    throw CorpusError(fmt::format("{}: case.json says {}/{}, the directory is {}/{}", (dir / "case.json").string(),
                                  info.rejected ? "rejected" : "accepted", info.id, status, dir.filename().string()));
  return info;
}

}  // namespace testgen
