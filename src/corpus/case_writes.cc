// Writing cases: a new case is assembled in _work and renamed into place;
// a case that changes is assembled beside it and swapped in whole.
#include <fcntl.h>
#include <fmt/format.h>
#include <stdio.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <nlohmann/json.hpp>

#include "case_format.h"
#include "metadata.h"
#include "testgen/corpus.h"
#include "testgen/site.h"

namespace testgen {
namespace fs = std::filesystem;
using nlohmann::json;
using case_format::status_dir;

namespace {

// Seconds since the epoch, to the millisecond: when a case was saved.
double wall_clock_seconds() {
  const double now = std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
  return std::round(now * 1000) / 1000;
}

json features_json(const FeatureSet& features) {
  json out = json::array();
  for (Feature f : features) out.push_back(fmt::format("{:016x}", f));
  return out;
}

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
  json c = case_json(id, record);
  c["saved_at"] = wall_clock_seconds();
  const fs::path temp = assemble(id, record, c);
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
  json c = case_json(id, reduced);
  // When it was first saved (found) stays: a report says when it was found.
  const json old = json::parse(read_file(final_dir / "case.json"), nullptr, false);
  c["saved_at"] = old.is_object() && old.contains("saved_at") ? old["saved_at"] : json(wall_clock_seconds());
  swap_in(assemble(id, reduced, c), final_dir);
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

bool Corpus::adopt_case(const fs::path& from, const json& campaign) {
  const CaseInfo info = read_case(from);
  const fs::path final_dir = case_dir(info.id, info.rejected);
  if (fs::exists(fs::symlink_status(final_dir))) return false;
  const fs::path temp = work_dir() / fmt::format("adopt-{}-{}-{}", info.id, getpid(), ++temp_counter_);
  build_in(temp, [&] { copy_case(from, temp); });
  std::error_code ec;
  fs::rename(temp, final_dir, ec);
  if (ec) {
    fs::remove_all(temp, ec);
    throw CorpusWriteError(fmt::format("{}: cannot move into place: {}", final_dir.string(), ec.message()));
  }
  const json c = case_format::parse_file(final_dir / "case.json");
  write_file_atomic(layout().case_metadata(info.id),
                    metadata::of_case(root_, final_dir, c, campaign.is_null() ? json::parse(campaign_json_) : campaign)
                            .dump(2, ' ', false, json::error_handler_t::replace) +
                        "\n");
  return true;
}

void Corpus::remove_case(const std::string& id, bool rejected) {
  const fs::path dir = case_dir(id, rejected);
  if (!fs::exists(fs::symlink_status(dir))) return;
  // Out of sight in one rename, then deleted: a crash leaves it whole or
  // gone (repair clears _work); its metadata goes last.
  const fs::path gone = work_dir() / fmt::format("removed-{}-{}-{}", id, getpid(), ++temp_counter_);
  std::error_code ec;
  fs::rename(dir, gone, ec);
  if (ec) throw CorpusWriteError(fmt::format("{}: cannot remove: {}", dir.string(), ec.message()));
  fs::remove_all(gone, ec);
  fs::remove(layout().case_metadata(id), ec);
}

void Corpus::save_observed(const std::set<std::string>& observed) {
  // Feature hashes are 16 hex digits; everything else is a coverpoint name.
  std::vector<std::string> named, unnamed;
  for (const std::string& o : observed)
    (o.size() == 16 && o.find_first_not_of("0123456789abcdef") == std::string::npos ? unnamed : named).push_back(o);
  write_coverage_file(std::move(named), std::move(unnamed));
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

}  // namespace testgen
