#include "testgen/corpus.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <nlohmann/json.hpp>

#include "testgen/site.h"

namespace testgen {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr const char* kCaseFormat = "testgen-case";
constexpr int kCaseVersion = 1;
// Global coverage is a summary (cases hold the truth), so it is rewritten at most this often.
constexpr double kCoverageWriteInterval = 1.0;

double now_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

json features_json(const FeatureSet& features) {
  json out = json::array();
  for (Feature f : features) out.push_back(fmt::format("{:016x}", f));
  return out;
}

json parse_json(const fs::path& path) {
  const std::string text = read_file(path);
  try {
    return json::parse(text);
  } catch (const json::parse_error& e) {
    throw CorpusError(fmt::format("{}: not valid JSON at byte {}", path.string(), e.byte));
  }
}

std::string status_dir(bool rejected) { return rejected ? "rejected" : "accepted"; }

}  // namespace

Corpus::Corpus(fs::path root, std::string front) : root_(std::move(root)), front_(std::move(front)) {
  std::error_code ec;
  for (const char* sub : {"seeds", "accepted", "rejected", "metadata", "_work"}) {
    fs::create_directories(root_ / sub, ec);
    if (ec) throw CorpusError(fmt::format("{}: cannot create: {}", (root_ / sub).string(), ec.message()));
  }
  repair();
}

void Corpus::repair() {
  // Whatever is in _work/ belongs to a run that did not finish writing it.
  for (const auto& entry : fs::directory_iterator(root_ / "_work")) fs::remove_all(entry.path());
  for (const char* status : {"accepted", "rejected"}) {
    for (const auto& entry : fs::directory_iterator(root_ / status)) {
      const std::string id = entry.path().filename().string();
      if (!fs::exists(root_ / "metadata" / (id + ".json"))) write_metadata(id, entry.path());
    }
  }
  // Stray temporaries from an interrupted atomic write.
  for (const auto& entry : fs::directory_iterator(root_ / "metadata"))
    if (entry.path().filename().string().starts_with(".")) fs::remove(entry.path());
}

std::string Corpus::case_id(std::string_view front, std::string_view target, const ChoiceTree& tree,
                            std::string_view signature) {
  std::string content = fmt::format("{}\n{}\n{}", front, target, tree.canonical());
  if (!signature.empty()) content += fmt::format("\n{}", signature);
  return fmt::format("{:016x}", hash_bytes(content));
}

namespace {

// Artifacts name files inside the case directory and nothing else.
void write_artifact(const fs::path& case_dir, const Artifact& a) {
  const fs::path rel(a.path);
  const bool inside = !a.path.empty() && rel.is_relative() &&
                      std::none_of(rel.begin(), rel.end(), [](const fs::path& part) { return part == ".."; });
  if (!inside) throw CorpusError(fmt::format("artifact '{}' is not a relative path inside the case", a.path));
  const fs::path path = case_dir / rel;
  fs::create_directories(path.parent_path());
  write_file_atomic(path, a.contents);
  if (a.executable)
    fs::permissions(path, fs::perms::owner_exec | fs::perms::group_exec | fs::perms::others_exec,
                    fs::perm_options::add);
}

}  // namespace

std::string Corpus::save(const CaseRecord& record) {
  // A finding's id covers its signature too: one input failing two ways
  // (another runner, another compiler) is two findings, not one kept twice.
  const std::string id = case_id(front_, record.target, record.tree, record.rejected ? record.result.signature : "");
  const fs::path final_dir = root_ / status_dir(record.rejected) / id;
  if (fs::exists(final_dir)) return id;  // same content, already kept

  json c = {{"format", kCaseFormat},
            {"version", kCaseVersion},
            {"id", id},
            {"front", front_},
            {"target", record.target},
            {"status", status_dir(record.rejected)},
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
  if (!record.stability.empty()) c["stability"] = record.stability;
  if (!record.result.labels.empty()) c["labels"] = record.result.labels;
  if (!record.result.feature_names.empty()) {
    c["observed"] = record.result.feature_names;
    for (const std::string& name : record.result.feature_names) names_.emplace(feature_of(name), name);
  }
  if (!record.shrink_log.empty()) {
    json log = json::array();
    for (const auto& p : record.shrink_log)
      log.push_back({{"pass", p.pass}, {"attempts", p.attempts}, {"successes", p.successes}});
    c["shrink"] = std::move(log);
  }

  const fs::path temp = root_ / "_work" / fmt::format("{}.{}.{}", id, getpid(), ++temp_counter_);
  try {
    fs::create_directories(temp);
    write_file_atomic(temp / "case.json", c.dump(2) + "\n");
    write_file_atomic(temp / "tree.json", record.tree.to_json(2) + "\n");
    if (record.original) write_file_atomic(temp / "original_tree.json", record.original->to_json(2) + "\n");
    for (const Artifact& a : record.result.artifacts) write_artifact(temp, a);
    std::error_code ec;
    fs::rename(temp, final_dir, ec);
    if (ec && !fs::exists(final_dir))
      throw CorpusError(fmt::format("{}: cannot move case into place: {}", final_dir.string(), ec.message()));
    fs::remove_all(temp, ec);
  } catch (...) {
    std::error_code ec;
    fs::remove_all(temp, ec);
    throw;
  }
  write_metadata(id, final_dir);
  return id;
}

void Corpus::write_metadata(const std::string& id, const fs::path& dir) {
  const json c = parse_json(dir / "case.json");
  const bool rejected = c.value("status", "") == "rejected";
  json paths = {{"case_dir", fs::relative(dir, root_).string()},
                {"case", fs::relative(dir / "case.json", root_).string()},
                {"tree", fs::relative(dir / "tree.json", root_).string()}};
  // The files a front may keep beside them (scenario campaigns: leanguard's set).
  for (const char* file : {"config.toml", "run_summary.json", "mutations.json", "report.txt", "logs"})
    if (fs::exists(dir / file)) paths[fs::path(file).stem().string()] = fs::relative(dir / file, root_).string();
  json traces = json::array();
  if (fs::is_directory(dir / "logs"))
    for (const auto& e : fs::directory_iterator(dir / "logs"))
      if (e.path().filename().string().ends_with("_events.csv")) traces.push_back(fs::relative(e.path(), root_).string());
  std::sort(traces.begin(), traces.end());
  const bool named = c.contains("observed");
  json mutations = c.value("mutations", json::array());
  if (fs::exists(dir / "mutations.json")) {
    json own = json::parse(read_file(dir / "mutations.json"), nullptr, false);
    if (!own.is_discarded()) mutations = std::move(own);
  }
  json meta = {{"case_id", id},
               {"front", c.value("front", front_)},
               {"target", c.value("target", "")},
               {"status", rejected ? "rejected" : "accepted"},
               {"parent", c.contains("parent") ? c["parent"] : json(nullptr)},
               {"paths", paths},
               {"parent_seed", c.contains("labels") ? c["labels"].value("seed", json(nullptr)) : json(nullptr)},
               // A front's own record of how the input differs from its seed
               // (mutations.json) where it keeps one; the engine's moves otherwise.
               {"mutations", mutations},
               {"engine_mutations", c.value("mutations", json::array())},
               {"signature", c.value("signature", "")},
               {"traces", traces},
               {"coverage_mode", named ? "coverpoints" : "features"},
               {"stability", c.value("stability", "unchecked")},
               {"observed", named ? c["observed"] : c.value("features", json::array())},
               {"new_features", c.value("new_features", 0)},
               {"novelty", c.value("new_features", 0) > 0 ? "new" : "redundant"},
               {"campaign", json::parse(campaign_json_)}};
  write_file_atomic(root_ / "metadata" / (id + ".json"), meta.dump(2) + "\n");
}

void Corpus::set_campaign_options(std::string json_object) { campaign_json_ = std::move(json_object); }

void Corpus::rewrite_case(const fs::path& dir, const CaseRecord& smaller) {
  json c = parse_json(dir / "case.json");
  if (!fs::exists(dir / "original_tree.json"))
    write_file_atomic(dir / "original_tree.json", read_file(dir / "tree.json"));
  for (const Artifact& a : smaller.result.artifacts) write_artifact(dir, a);
  write_file_atomic(dir / "tree.json", smaller.tree.to_json(2) + "\n");
  c["signature"] = smaller.result.signature;
  c["detail"] = smaller.result.detail;
  c["value"] = smaller.value_text;
  c["features"] = features_json(smaller.result.features);
  json log = c.value("shrink", json::array());
  for (const auto& p : smaller.shrink_log)
    log.push_back({{"pass", p.pass}, {"attempts", p.attempts}, {"successes", p.successes}, {"by", "minimize"}});
  c["shrink"] = std::move(log);
  write_file_atomic(dir / "case.json", c.dump(2) + "\n");
}

CaseInfo Corpus::read_case(const fs::path& dir) {
  const fs::path file = dir / "case.json";
  const json c = parse_json(file);
  if (!c.is_object() || c.value("format", "") != kCaseFormat)
    throw CorpusError(fmt::format("{}: not a testgen case (\"format\" must be \"{}\")", file.string(), kCaseFormat));
  if (c.value("version", 0) != kCaseVersion)
    throw CorpusError(fmt::format("{}: unsupported case version (this testgen reads {})", file.string(), kCaseVersion));
  CaseInfo info;
  try {
    info.id = c.at("id").get<std::string>();
    info.front = c.at("front").get<std::string>();
    info.target = c.at("target").get<std::string>();
    info.rejected = c.at("status").get<std::string>() == "rejected";
    info.signature = c.value("signature", "");
    info.detail = c.value("detail", "");
    info.value = c.value("value", "");
    info.size = c.value("size", 0);
  } catch (const json::exception& e) {
    throw CorpusError(fmt::format("{}: {}", file.string(), e.what()));
  }
  info.dir = dir;
  return info;
}

ChoiceTree Corpus::read_tree(const fs::path& dir) {
  const fs::path file = dir / "tree.json";
  try {
    return ChoiceTree::from_json(read_file(file), file.string());
  } catch (const TreeFormatError& e) {
    throw CorpusError(e.what());
  }
}

std::vector<StoredCase> Corpus::load() {
  std::vector<StoredCase> out;
  for (const char* status : {"accepted", "rejected"}) {
    std::vector<fs::path> dirs;
    for (const auto& entry : fs::directory_iterator(root_ / status)) dirs.push_back(entry.path());
    std::sort(dirs.begin(), dirs.end());  // directory order is not stable; runs must be
    for (const fs::path& dir : dirs) {
      const json c = parse_json(dir / "case.json");
      StoredCase sc;
      sc.id = dir.filename().string();
      sc.rejected = std::string(status) == "rejected";
      sc.signature = c.value("signature", "");
      sc.target = c.value("target", "");
      for (const auto& name : c.value("observed", json::array()))
        if (name.is_string()) names_.emplace(feature_of(name.get<std::string>()), name.get<std::string>());
      for (const auto& f : c.value("features", json::array()))
        sc.features.add(std::stoull(f.get<std::string>(), nullptr, 16));
      sc.tree = read_tree(dir);
      out.push_back(std::move(sc));
    }
  }
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
  write_file_atomic(root_ / "metadata" / "global_coverage.json", doc.dump(2) + "\n");
}

size_t Corpus::case_count() const {
  size_t n = 0;
  for (const char* status : {"accepted", "rejected"})
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(root_ / status)) ++n;
  return n;
}

}  // namespace testgen
