#include "testgen/corpus.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <stdio.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <nlohmann/json.hpp>

#include "case_format.h"
#include "metadata.h"
#include "testgen/site.h"

namespace testgen {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// Global coverage is a summary (cases hold the truth), so it is rewritten at most this often.
constexpr double kCoverageWriteInterval = 1.0;
constexpr bool kRejected[] = {false, true};  // accepted/ then rejected/

double now_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

json features_json(const FeatureSet& features) {
  json out = json::array();
  for (Feature f : features) out.push_back(fmt::format("{:016x}", f));
  return out;
}

std::string status_dir(bool rejected) { return rejected ? "rejected" : "accepted"; }

// Artifacts name files inside the case directory and nothing else.
fs::path artifact_path(const fs::path& case_dir, const std::string& path) {
  const fs::path rel(path);
  const bool inside = !path.empty() && rel.is_relative() &&
                      std::none_of(rel.begin(), rel.end(), [](const fs::path& part) { return part == ".."; });
  if (!inside) throw CorpusError(fmt::format("artifact '{}' is not a relative path inside the case", path));
  return case_dir / rel;
}

// Writes one artifact; true if a copied file was cut at its size limit.
bool write_artifact(const fs::path& case_dir, const Artifact& a) {
  const fs::path path = artifact_path(case_dir, a.path);
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (ec) throw CorpusWriteError(fmt::format("{}: cannot create: {}", path.parent_path().string(), ec.message()));
  bool cut = false;
  if (!a.source.empty()) cut = copy_file_atomic(a.source, path, a.max_bytes);
  else write_file_atomic(path, a.contents);
  if (a.executable)
    fs::permissions(path, fs::perms::owner_exec | fs::perms::group_exec | fs::perms::others_exec,
                    fs::perm_options::add, ec);
  return cut;
}

// Copies a case directory (regular files and directories; links are left out).
void copy_case(const fs::path& from, const fs::path& to) {
  std::error_code ec;
  fs::create_directories(to, ec);
  for (fs::recursive_directory_iterator it(from, ec), end; !ec && it != end; it.increment(ec)) {
    const fs::path target = to / fs::relative(it->path(), from);
    if (it->is_symlink()) continue;
    if (it->is_directory()) fs::create_directories(target);
    else if (it->is_regular_file()) copy_file_atomic(it->path(), target, 0);
  }
  if (ec) throw CorpusError(fmt::format("{}: cannot read: {}", from.string(), ec.message()));
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

std::string Corpus::case_id(std::string_view front, std::string_view target, const ChoiceTree& tree,
                            std::string_view signature) {
  std::string content = fmt::format("{}\n{}\n{}", front, target, tree.canonical());
  if (!signature.empty()) content += fmt::format("\n{}", signature);
  return fmt::format("{:016x}", hash_bytes(content));
}

json Corpus::case_json(const std::string& id, const CaseRecord& record) const {
  json c = {{"format", case_format::kFormat},
            {"version", case_format::kVersion},
            {"id", id},
            {"front", front_},
            {"target", record.target},
            {"status", status_dir(record.rejected)},
            {"reduced", record.reduced},
            {"verdict", verdict_name(record.result.verdict)},
            {"signature", record.result.signature},
            {"detail", record.result.detail},
            {"value", record.value_text},
            {"size", record.size},
            {"run_index", record.run_index},
            {"new_features", record.new_features},
            {"parent", record.parent ? json(*record.parent) : json(nullptr)},
            {"mutations", record.mutations},
            {"features", features_json(record.result.features)}};
  if (!record.spec.front.empty()) c["target_spec"] = case_format::spec_json(record.spec);
  if (!kept_.empty()) c["kept_files"] = metadata::kept_files_json(kept_);
  if (!record.stability.empty()) c["stability"] = record.stability;
  if (!record.result.labels.empty()) c["labels"] = record.result.labels;
  if (!record.result.feature_names.empty()) c["observed"] = record.result.feature_names;
  if (!record.shrink_log.empty()) {
    json log = json::array();
    for (const auto& p : record.shrink_log)
      log.push_back({{"pass", p.pass}, {"attempts", p.attempts}, {"successes", p.successes}});
    c["shrink"] = std::move(log);
  }
  return c;
}

namespace {

// Fills a fresh directory `temp` (in _work) with `fill`; whatever fails
// removes it again (a failed filesystem call is a CorpusWriteError).
void build_in(const fs::path& temp, const std::function<void()>& fill) {
  try {
    fill();
  } catch (const fs::filesystem_error& e) {
    std::error_code ec;
    fs::remove_all(temp, ec);
    throw CorpusWriteError(fmt::format("{}: cannot write: {}", temp.string(), e.code().message()));
  } catch (...) {
    std::error_code ec;
    fs::remove_all(temp, ec);
    throw;
  }
}

}  // namespace

// A case directory built in _work/, ready to be moved into place.
fs::path Corpus::assemble(const std::string& id, const CaseRecord& record, const json& c) {
  const fs::path temp = work_dir() / fmt::format("case-{}-{}-{}", id, getpid(), ++temp_counter_);
  build_in(temp, [&] {
    fs::create_directories(temp);
    json doc = c;
    json cut = json::array();
    for (const Artifact& a : record.result.artifacts)
      if (write_artifact(temp, a)) cut.push_back(a.path);
    if (!cut.empty()) doc["truncated_files"] = cut;
    write_file_atomic(temp / "tree.json", record.tree.to_json(2) + "\n");
    if (record.original) write_file_atomic(temp / "original_tree.json", record.original->to_json(2) + "\n");
    // case.json last: a directory with one is whole.
    write_file_atomic(temp / "case.json", doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n");
  });
  return temp;
}

void Corpus::swap_in(const fs::path& assembled, const fs::path& final_dir) {
  // One atomic exchange where the filesystem has it; otherwise the old
  // case is moved aside first (repair moves it back if we die between).
  if (::renameat2(AT_FDCWD, assembled.c_str(), AT_FDCWD, final_dir.c_str(), RENAME_EXCHANGE) != 0) {
    const int err = errno;
    if (err != EINVAL && err != ENOSYS && err != EOPNOTSUPP) {
      std::error_code ignored;
      fs::remove_all(assembled, ignored);
      throw CorpusWriteError(fmt::format("{}: cannot replace: {}", final_dir.string(), std::strerror(err)));
    }
    const fs::path aside =
        work_dir() / fmt::format("aside-{}-{}", final_dir.parent_path().filename().string(), final_dir.filename().string());
    fs::rename(final_dir, aside);
    fs::rename(assembled, final_dir);
    std::error_code ignored;
    fs::remove_all(aside, ignored);
    return;
  }
  std::error_code ignored;
  fs::remove_all(assembled, ignored);  // now the old case
}

std::string Corpus::save(const CaseRecord& record) {
  // A finding's id covers its signature too: one input failing two ways
  // (another runner, another compiler) is two findings, not one kept twice.
  const std::string id = case_id(front_, record.target, record.original.value_or(record.tree),
                                 record.rejected ? record.result.signature : "");
  const fs::path final_dir = case_dir(id, record.rejected);
  if (fs::exists(final_dir)) return id;  // same content, already kept
  const fs::path temp = assemble(id, record, case_json(id, record));
  std::error_code ec;
  fs::rename(temp, final_dir, ec);
  if (ec) {
    fs::remove_all(temp, ec);
    if (!fs::exists(final_dir))
      throw CorpusWriteError(fmt::format("{}: cannot move case into place: {}", final_dir.string(), ec.message()));
  }
  for (const std::string& name : record.result.feature_names) names_.emplace(feature_of(name), name);
  write_metadata(id, final_dir);
  return id;
}

void Corpus::replace(const std::string& id, const CaseRecord& reduced) {
  const fs::path final_dir = case_dir(id, reduced.rejected);
  if (!fs::exists(final_dir)) {
    save(reduced);
    return;
  }
  swap_in(assemble(id, reduced, case_json(id, reduced)), final_dir);
  write_metadata(id, final_dir);
}

void Corpus::edit_case(const fs::path& dir, const CaseEdit& edit) {
  const CaseInfo info = read_case(dir);
  const fs::path final_dir = case_dir(info.id, info.rejected);
  const fs::path temp = work_dir() / fmt::format("edit-{}-{}-{}", info.id, getpid(), ++temp_counter_);
  build_in(temp, [&] {
    copy_case(final_dir, temp);
    for (const std::string& r : edit.remove) fs::remove_all(artifact_path(temp, r));
    for (const Artifact& a : edit.write) write_artifact(temp, a);
    if (edit.update) {
      json c = case_format::parse_file(temp / "case.json");
      edit.update(c);
      write_file_atomic(temp / "case.json", c.dump(2, ' ', false, json::error_handler_t::replace) + "\n");
    }
  });
  swap_in(temp, final_dir);
  write_metadata(info.id, final_dir);
}

void Corpus::rewrite_case(const fs::path& dir, const CaseRecord& smaller) {
  CaseEdit edit;
  if (!fs::exists(dir / "original_tree.json")) edit.write.push_back({"original_tree.json", read_file(dir / "tree.json")});
  edit.write.insert(edit.write.end(), smaller.result.artifacts.begin(), smaller.result.artifacts.end());
  edit.write.push_back({"tree.json", smaller.tree.to_json(2) + "\n"});
  edit.update = [&](json& c) {
    c["signature"] = smaller.result.signature;
    c["detail"] = smaller.result.detail;
    c["value"] = smaller.value_text;
    c["reduced"] = true;
    c["features"] = features_json(smaller.result.features);
    json log = c.value("shrink", json::array());
    for (const auto& p : smaller.shrink_log)
      log.push_back({{"pass", p.pass}, {"attempts", p.attempts}, {"successes", p.successes}, {"by", "minimize"}});
    c["shrink"] = std::move(log);
  };
  edit_case(dir, edit);
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
  std::sort(named.begin(), named.end());
  json doc = {{"version", 1}, {"observed", named}};
  for (std::string& u : unnamed) doc["observed"].push_back(std::move(u));
  write_file_atomic(layout().global_coverage(),
                    doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n");
}

size_t Corpus::case_count() const {
  size_t n = 0;
  for (bool rejected : kRejected)
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(layout().cases(rejected))) ++n;
  return n;
}

}  // namespace testgen
