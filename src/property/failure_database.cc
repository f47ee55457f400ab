#include "failure_database.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "testgen/corpus.h"
#include "testgen/coverage.h"

namespace testgen::property {
namespace fs = std::filesystem;
using json = nlohmann::json;

std::string filename_safe(const std::string& name) {
  std::string out = name;
  for (char& c : out) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                    c == '_' || c == '-';
    if (!ok) c = '_';
  }
  if (out.empty() || out == "." || out == "..") out = "_" + out;
  return out;
}

FailureDatabase::FailureDatabase(fs::path root, const std::string& property_name)
    : property_(property_name), directory_(std::move(root) / filename_safe(property_name)) {}

std::vector<FailureEntry> FailureDatabase::load(std::vector<std::string>& problems) const {
  std::vector<FailureEntry> out;
  std::error_code ec;
  if (!fs::is_directory(directory_, ec)) return out;
  for (const fs::directory_entry& e : fs::directory_iterator(directory_, ec)) {
    const fs::path& file = e.path();
    // Temporaries of a writer (".name.tmp.pid.n") are not entries.
    if (file.extension() != ".json" || file.filename().string().starts_with(".")) continue;
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    try {
      const json j = json::parse(text.str());
      if (j.value("format", "") != "testgen-failure") throw std::runtime_error("not a testgen failure");
      out.push_back(FailureEntry{file, j.at("code").get<std::string>(), j.value("signature", ""),
                                 j.value("counterexample", "")});
    } catch (const std::exception& err) {
      problems.push_back(fmt::format("{}: unreadable failure entry, ignored: {}", file.string(), err.what()));
    }
  }
  std::sort(out.begin(), out.end(), [](const FailureEntry& a, const FailureEntry& b) { return a.file < b.file; });
  return out;
}

fs::path FailureDatabase::save(const std::string& code, const std::string& signature,
                               const std::string& counterexample) const {
  std::error_code ec;
  fs::create_directories(directory_, ec);
  if (ec) throw StorageError(fmt::format("{}: cannot create the failure database: {}", directory_.string(), ec.message()));
  const fs::path file = directory_ / fmt::format("{:016x}.json", feature_of(code));
  const json j = {{"format", "testgen-failure"}, {"version", 1},          {"property", property_},
                  {"signature", signature},      {"counterexample", counterexample}, {"code", code}};
  write_file_atomic(file, j.dump(2) + "\n");
  return file;
}

void FailureDatabase::drop(const FailureEntry& entry) const {
  std::error_code ec;
  fs::remove(entry.file, ec);
  // The property's directory goes too once it is empty (and only then).
  fs::remove(directory_, ec);
}

}  // namespace testgen::property
