// Opening a corpus (its lock, its repair) and reading it; writing cases is
// case_writes.cc.
#include "testgen/corpus.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <stdio.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <nlohmann/json.hpp>

#include "case_format.h"
#include "metadata.h"
#include "testgen/site.h"

namespace testgen {
namespace fs = std::filesystem;
using nlohmann::json;
using case_format::status_dir;

namespace {

// Global coverage is a summary (cases hold the truth), so it is rewritten at most this often.
constexpr double kCoverageWriteInterval = 1.0;
constexpr bool kRejected[] = {false, true};  // accepted/ then rejected/

double now_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

}  // namespace

// The corpus lock: ROOT/.lock, held with flock by the one process that
// writes the corpus. Corpora opened twice in one process share it.
struct Corpus::Lock {
  int fd = -1;
  pid_t owner = ::getpid();  // a forked child does not inherit the right to write
  ~Lock() {
    if (fd >= 0) ::close(fd);
  }
  static std::shared_ptr<Lock> take(const fs::path& root) {
    static std::mutex mutex;
    static std::map<fs::path, std::weak_ptr<Lock>> held;
    std::lock_guard guard(mutex);
    std::error_code ec;
    const fs::path key = fs::weakly_canonical(root, ec);
    if (auto mine = held[key].lock(); mine && mine->owner == ::getpid()) return mine;
    auto lock = std::make_shared<Lock>();
    const fs::path file = CorpusLayout{root}.lock_file();
    lock->fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (lock->fd < 0) throw CorpusWriteError(fmt::format("{}: cannot create: {}", file.string(), std::strerror(errno)));
    if (::flock(lock->fd, LOCK_EX | LOCK_NB) != 0) {
      char owner[32] = {};
      (void)!::pread(lock->fd, owner, sizeof owner - 1, 0);
      std::string pid(owner);
      pid.erase(pid.find_last_not_of(" \n") + 1);
      throw BusyError(fmt::format("{}: the corpus is in use by another testgen process{}; wait for it to finish, "
                                  "or use another --corpus-root",
                                  root.string(), pid.empty() ? "" : " (pid " + pid + ")"));
    }
    const std::string pid = fmt::format("{}\n", ::getpid());
    if (::ftruncate(lock->fd, 0) == 0) (void)!::pwrite(lock->fd, pid.data(), pid.size(), 0);
    held[key] = lock;
    return lock;
  }
};

Corpus::Corpus(fs::path root, std::string front, std::vector<KeptFile> kept)
    : root_(std::move(root)), front_(std::move(front)), kept_(std::move(kept)) {
  warn_ = [](const std::string& message) { fmt::print(stderr, "testgen: warning: {}\n", message); };
  std::error_code ec;
  if (fs::exists(root_, ec) && !fs::is_directory(root_, ec))
    throw CorpusError(fmt::format("{}: is a file, expected a corpus directory", root_.string()));
  const CorpusLayout paths = layout();
  for (const fs::path& sub : {paths.seeds(), paths.cases(false), paths.cases(true), paths.metadata(), paths.work()}) {
    fs::create_directories(sub, ec);
    if (ec) throw CorpusWriteError(fmt::format("{}: cannot create: {}", sub.string(), ec.message()));
  }
  lock_ = Lock::take(root_);
  repair();
}

Corpus::~Corpus() = default;

void Corpus::repair() {
  // _work: scratch a live process owns stays; the rest a killed run left
  // (with the lock held, no other process is assembling cases). A case
  // moved aside during a swap whose new version never arrived goes back.
  std::vector<fs::path> work;
  for (const auto& entry : fs::directory_iterator(layout().work())) work.push_back(entry.path());
  for (const fs::path& entry : work) {
    const std::string name = entry.filename().string();
    if (ScratchDir::owned(entry)) continue;
    for (bool rejected : kRejected) {
      const std::string prefix = fmt::format("aside-{}-", status_dir(rejected));
      if (name.starts_with(prefix) && !fs::exists(layout().cases(rejected) / name.substr(prefix.size())))
        fs::rename(entry, layout().cases(rejected) / name.substr(prefix.size()));
    }
    std::error_code ignored;
    fs::remove_all(entry, ignored);
  }
  for (bool rejected : kRejected) {
    std::vector<fs::path> dirs;
    for (const auto& entry : fs::directory_iterator(layout().cases(rejected))) dirs.push_back(entry.path());
    for (const fs::path& dir : dirs) {
      const std::string id = dir.filename().string();
      try {
        if (!fs::is_directory(fs::symlink_status(dir))) throw CorpusError(fmt::format("{}: not a case directory", dir.string()));
        const CaseInfo info = read_case(dir);
        if (info.id != id || info.rejected != rejected)
          throw CorpusError(fmt::format("{}: the case says {}/{}, but it sits in {}/{}", (dir / "case.json").string(),
                                        status_dir(info.rejected), info.id, status_dir(rejected), id));
        if (!fs::is_regular_file(dir / "tree.json")) throw CorpusError(fmt::format("{}: missing", (dir / "tree.json").string()));
        if (!fs::exists(layout().case_metadata(id))) write_metadata(id, dir);
      } catch (const CorpusWriteError&) {
        throw;
      } catch (const CorpusError& e) {
        quarantine(dir, e.what());
      }
    }
  }
  // Stray temporaries from an interrupted atomic write.
  for (const auto& entry : fs::directory_iterator(layout().metadata()))
    if (entry.path().filename().string().starts_with(".")) fs::remove(entry.path());
}

void Corpus::quarantine(const fs::path& dir, const std::string& why) {
  const std::string status = dir.parent_path().filename().string();
  const std::string id = dir.filename().string();
  fs::create_directories(layout().quarantine());
  fs::path to = layout().quarantine() / fmt::format("{}-{}", status, id);
  for (int n = 2; fs::exists(fs::symlink_status(to)); ++n) to = layout().quarantine() / fmt::format("{}-{}.{}", status, id, n);
  fs::rename(dir, to);
  std::error_code ignored;
  fs::remove(layout().case_metadata(id), ignored);
  quarantined_.push_back(to.string());
  if (warn_) warn_(fmt::format("{}; the case is moved to {}", why, to.string()));
}

void Corpus::write_metadata(const std::string& id, const fs::path& dir) {
  const json c = case_format::parse_file(dir / "case.json");
  json meta;
  try {
    meta = metadata::of_case(root_, dir, c, json::parse(campaign_json_));
  } catch (const json::exception& e) {
    throw CorpusError(fmt::format("{}: {}", (dir / "case.json").string(), e.what()));
  }
  write_file_atomic(layout().case_metadata(id),
                    meta.dump(2, ' ', false, json::error_handler_t::replace) + "\n");
}

void Corpus::set_campaign_options(std::string json_object) { campaign_json_ = std::move(json_object); }

CaseInfo Corpus::read_case(const fs::path& dir) {
  const fs::path file = dir / "case.json";
  CaseInfo info = case_format::read(case_format::parse_file(file), file);
  info.dir = dir;
  info.root = dir.parent_path().parent_path();
  return info;
}

ChoiceTree Corpus::read_tree(const fs::path& dir) {
  const fs::path file = dir / "tree.json";
  return ChoiceTree::from_json(read_file(file), file.string());
}

std::vector<StoredCase> Corpus::load() {
  std::vector<StoredCase> out;
  for (bool rejected : kRejected) {
    std::vector<fs::path> dirs;
    for (const auto& entry : fs::directory_iterator(layout().cases(rejected))) dirs.push_back(entry.path());
    std::sort(dirs.begin(), dirs.end());  // directory order is not stable; runs must be
    for (const fs::path& dir : dirs) {
      try {
        const json c = case_format::parse_file(dir / "case.json");
        const CaseInfo info = case_format::read(c, dir / "case.json");
        StoredCase sc{.id = info.id, .target = info.target, .rejected = info.rejected, .tree = read_tree(dir),
                      .features = case_format::features(c, dir / "case.json"), .signature = info.signature};
        if (auto it = c.find("observed"); it != c.end() && it->is_array())
          for (const json& name : *it)
            if (name.is_string()) names_.emplace(feature_of(name.get<std::string>()), name.get<std::string>());
        out.push_back(std::move(sc));
      } catch (const CorpusWriteError&) {
        throw;
      } catch (const InputError& e) {  // a damaged case: set aside, not the end of the campaign
        quarantine(dir, e.what());
      }
    }
  }
  return out;
}

std::vector<CaseInfo> Corpus::cases() const {
  std::vector<CaseInfo> out;
  for (bool rejected : kRejected) {
    std::vector<fs::path> dirs;
    for (const auto& entry : fs::directory_iterator(layout().cases(rejected))) dirs.push_back(entry.path());
    std::sort(dirs.begin(), dirs.end());
    for (const fs::path& dir : dirs) {
      try {
        out.push_back(read_case(dir));
      } catch (const InputError&) {
        continue;  // quarantined at the next open
      }
    }
  }
  return out;
}

std::set<std::string> Corpus::observed_names() const {
  std::set<std::string> out;
  const fs::path file = layout().global_coverage();
  if (!fs::exists(file)) return out;
  const json doc = json::parse(read_file(file), nullptr, false);
  if (!doc.is_object() || !doc.contains("observed") || !doc["observed"].is_array()) {
    if (warn_) warn_(fmt::format("{}: not a coverage summary ({{\"version\":1,\"observed\":[...]}}); ignored", file.string()));
    return out;
  }
  for (const json& item : doc["observed"])
    if (item.is_string()) out.insert(item.get<std::string>());
  return out;
}

void Corpus::save_coverage(const GlobalCoverage& coverage, bool final) {
  const double now = now_seconds();
  if (!final && now - last_coverage_write_ < kCoverageWriteInterval) return;
  last_coverage_write_ = now;
  // Named features (coverpoints) by name, sorted; the rest by hash.
  std::vector<std::string> named, unnamed;
  for (Feature f : coverage.sorted()) {
    auto it = names_.find(f);
    if (it != names_.end()) named.push_back(it->second);
    else unnamed.push_back(fmt::format("{:016x}", f));
  }
  write_coverage_file(std::move(named), std::move(unnamed));
}

void Corpus::write_coverage_file(std::vector<std::string> named, std::vector<std::string> unnamed) {
  std::sort(named.begin(), named.end());
  json doc = {{"version", 1}, {"observed", named}};
  for (std::string& u : unnamed) doc["observed"].push_back(std::move(u));
  write_file_atomic(layout().global_coverage(), doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n");
}

void Corpus::note_progress(const std::string& target, const Progress& progress, bool final) {
  // A line a second at first, then sparser as the run grows long (an
  // interval of 1/200 of the time so far): a week-long campaign keeps a
  // log of thousands of lines, not millions.
  const double now = now_seconds();
  auto [last, first] = last_progress_.try_emplace(target, now);
  if (!first && !final && now - last->second < std::max(1.0, progress.seconds / 200)) return;
  last->second = now;
  const double wall =
      std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
  const json line = {{"time", std::round(wall * 1000) / 1000}, {"pid", ::getpid()}, {"target", target},
                     {"seconds", std::round(progress.seconds * 1000) / 1000}, {"runs", progress.runs},
                     {"kept", progress.kept}, {"findings", progress.findings}, {"features", progress.features},
                     {"final", final}};
  const std::string text = line.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
  // One append of a whole line: readers skip a line a crash cut short. The
  // log only draws plots, so a full disk costs a point, not the run.
  const int fd = ::open(layout().progress_log().c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return;
  (void)!::write(fd, text.data(), text.size());
  ::close(fd);
}

size_t Corpus::case_count() const {
  size_t n = 0;
  for (bool rejected : kRejected)
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(layout().cases(rejected))) ++n;
  return n;
}

}  // namespace testgen
