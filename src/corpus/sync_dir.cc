#include "sync_dir.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "testgen/corpus.h"
#include "testgen/site.h"

namespace testgen {
namespace fs = std::filesystem;
using nlohmann::json;

// Saves through to the corpus (if any) and publishes accepted cases.
class SyncDir::Store : public CaseStore {
 public:
  Store(SyncDir& sync, CaseStore* inner, std::string target)
      : sync_(sync), inner_(inner), target_(std::move(target)) {}
  std::string save(const CaseRecord& record) override {
    std::string id = inner_ ? inner_->save(record) : "";
    if (!record.rejected) sync_.publish(target_, record);
    return id;
  }
  void replace(const std::string& id, const CaseRecord& reduced) override {
    if (inner_) inner_->replace(id, reduced);
  }
  std::vector<StoredCase> load() override { return inner_ ? inner_->load() : std::vector<StoredCase>{}; }
  void save_coverage(const GlobalCoverage& coverage, bool final) override {
    if (inner_) inner_->save_coverage(coverage, final);
  }
  void note_progress(const std::string& target, const Progress& progress, bool final) override {
    if (inner_) inner_->note_progress(target, progress, final);
  }

 private:
  SyncDir& sync_;
  CaseStore* inner_;
  std::string target_;
};

SyncDir::SyncDir(fs::path dir, std::string peer, double every_seconds)
    : dir_(std::move(dir)), peer_(std::move(peer)), every_(every_seconds) {
  std::error_code ec;
  fs::create_directories(dir_, ec);
  if (ec || !fs::is_directory(dir_))
    throw CorpusWriteError(fmt::format("{}: cannot create the sync directory: {}", dir_.string(),
                                       ec ? ec.message() : "not a directory"));
}

SyncDir::~SyncDir() = default;

std::string SyncDir::default_peer(uint64_t shard_index, bool sharded) {
  if (sharded) return fmt::format("shard-{}", shard_index);
  char host[256] = {};
  if (::gethostname(host, sizeof host - 1) != 0 || host[0] == '\0') std::snprintf(host, sizeof host, "host");
  return fmt::format("{}-{}", host, ::getpid());
}

fs::path SyncDir::target_dir(const std::string& target) const {
  return dir_ / fmt::format("{:016x}", hash_bytes(target));
}

CaseStore* SyncDir::wrap(CaseStore* inner, const std::string& target) {
  std::lock_guard lock(mutex_);
  stores_.push_back(std::make_unique<Store>(*this, inner, target));
  return stores_.back().get();
}

void SyncDir::attach(EngineOptions& options, const std::string& target) {
  options.store = wrap(options.store, target);
  options.import_inputs = [this, target] { return take(target); };
}

void SyncDir::publish(const std::string& target, const CaseRecord& record) {
  const std::string canonical = record.tree.canonical();
  const std::string name = fmt::format("{:016x}.json", hash_bytes(canonical));
  std::lock_guard lock(mutex_);
  // An input taken from a peer and kept here is theirs already.
  if (!seen_.insert(target + "/" + name).second) return;
  const fs::path mine = target_dir(target) / peer_;
  std::error_code ec;
  fs::create_directories(mine, ec);
  const json doc = {{"target", target}, {"size", record.size}, {"tree", json::parse(record.tree.to_json())}};
  try {
    write_file_atomic(mine / name, doc.dump() + "\n");
    ++published_;
  } catch (const CorpusWriteError&) {
    // A full or vanished shared directory costs the exchange, not the run.
  }
}

std::vector<ChoiceTree> SyncDir::take(const std::string& target) {
  std::lock_guard lock(mutex_);
  const auto now = std::chrono::steady_clock::now();
  auto [last, first_time] = last_scan_.try_emplace(target, now);
  if (!first_time && std::chrono::duration<double>(now - last->second).count() < every_) return {};
  last->second = now;
  std::vector<fs::path> files;
  std::error_code ec;
  const fs::path dir = target_dir(target);
  for (fs::directory_iterator peer(dir, ec), end; !ec && peer != end; peer.increment(ec)) {
    if (peer->path().filename() == peer_ || !peer->is_directory()) continue;
    std::error_code inner;
    for (fs::directory_iterator f(peer->path(), inner), fend; !inner && f != fend; f.increment(inner)) {
      const std::string name = f->path().filename().string();
      if (name.starts_with(".") || !name.ends_with(".json") || seen_.contains(target + "/" + name)) continue;
      files.push_back(f->path());
    }
  }
  std::sort(files.begin(), files.end());  // the same listing, the same order
  std::vector<ChoiceTree> out;
  for (const fs::path& file : files) {
    seen_.insert(target + "/" + file.filename().string());
    try {
      const json doc = json::parse(read_file(file));
      if (doc.value("target", "") != target) continue;  // a hash collision, or a stray file
      out.push_back(ChoiceTree::from_json(doc.at("tree").dump(), file.string()));
      ++imported_;
    } catch (const std::exception&) {
      continue;  // a damaged file: a peer's loss, not ours
    }
  }
  return out;
}

size_t SyncDir::published() const {
  std::lock_guard lock(mutex_);
  return published_;
}

size_t SyncDir::imported() const {
  std::lock_guard lock(mutex_);
  return imported_;
}

}  // namespace testgen
