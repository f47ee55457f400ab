#include "metadata.h"

#include <fnmatch.h>

#include <algorithm>

namespace testgen::metadata {
namespace fs = std::filesystem;
using nlohmann::json;
namespace {

const char* as_name(KeptFile::As as) {
  switch (as) {
    case KeptFile::As::kPath: return "path";
    case KeptFile::As::kList: return "list";
    case KeptFile::As::kEmbeddedJson: return "json";
  }
  return "path";
}

// Paths inside `dir` (relative, sorted) that match `pattern`; links are not followed.
std::vector<std::string> matches(const fs::path& dir, const std::string& pattern) {
  std::vector<std::string> out;
  if (pattern.find_first_of("*?[") == std::string::npos) {
    std::error_code ec;
    if (fs::exists(fs::symlink_status(dir / pattern, ec))) out.push_back(pattern);
    return out;
  }
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
       !ec && it != end; it.increment(ec)) {
    const std::string rel = fs::relative(it->path(), dir).generic_string();
    if (::fnmatch(pattern.c_str(), rel.c_str(), FNM_PATHNAME) == 0) out.push_back(rel);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

json kept_files_json(const std::vector<KeptFile>& kept) {
  json out = json::array();
  for (const KeptFile& k : kept) out.push_back({{"key", k.key}, {"pattern", k.pattern}, {"as", as_name(k.as)}});
  return out;
}

json of_case(const fs::path& root, const fs::path& dir, const json& c, const json& campaign) {
  const std::string id = dir.filename().string();
  const bool rejected = c.value("status", "") == "rejected";
  const auto rel = [&](const fs::path& p) { return fs::relative(p, root).generic_string(); };
  json paths = {{"case_dir", rel(dir)}, {"case", rel(dir / "case.json")}, {"tree", rel(dir / "tree.json")}};
  json meta = json::object();
  // A front's own record of how the input differs from its seed, where it
  // keeps one (embedded below); the engine's moves otherwise.
  json mutations = c.value("mutations", json::array());
  for (const json& k : c.value("kept_files", json::array())) {
    if (!k.is_object() || !k.value("key", json()).is_string() || !k.value("pattern", json()).is_string()) continue;
    const std::string key = k["key"], pattern = k["pattern"], as = k.value("as", "path");
    const std::vector<std::string> found = matches(dir, pattern);
    if (as == "list") {
      json list = json::array();
      for (const std::string& f : found) list.push_back(rel(dir / f));
      meta[key] = list;
    } else if (as == "json" && !found.empty()) {
      std::error_code ec;
      if (!fs::is_regular_file(dir / found.front(), ec)) continue;
      json own = json::parse(read_file(dir / found.front()), nullptr, false);
      if (!own.is_discarded()) (key == "mutations" ? mutations : meta[key]) = std::move(own);
    } else if (as == "path" && !found.empty()) {
      paths[key] = rel(dir / found.front());
    }
  }
  const bool named = c.contains("observed");
  // Compared as JSON, never converted: a damaged file may hold any number.
  const json new_features = c.value("new_features", json(0));
  const json labels = c.value("labels", json::object());
  json out = {{"case_id", id},
              {"front", c.value("front", "")},
              {"target", c.value("target", "")},
              {"status", rejected ? "rejected" : "accepted"},
              {"reduced", c.value("reduced", true)},
              {"parent", c.contains("parent") ? c["parent"] : json(nullptr)},
              {"paths", paths},
              {"parent_seed", labels.is_object() ? labels.value("seed", json(nullptr)) : json(nullptr)},
              {"mutations", mutations},
              {"engine_mutations", c.value("mutations", json::array())},
              {"signature", c.value("signature", "")},
              {"coverage_mode", named ? "coverpoints" : "features"},
              {"stability", c.value("stability", "unchecked")},
              {"observed", named ? c["observed"] : c.value("features", json::array())},
              {"new_features", new_features},
              {"novelty", new_features.is_number() && new_features > 0 ? "new" : "redundant"},
              {"campaign", campaign}};
  for (auto& [key, value] : meta.items())
    if (!out.contains(key)) out[key] = value;
  return out;
}

}  // namespace testgen::metadata
