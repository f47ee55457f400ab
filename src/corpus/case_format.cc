#include "case_format.h"

#include <fmt/format.h>

#include <cstdlib>

namespace testgen::case_format {
namespace fs = std::filesystem;
using nlohmann::json;
namespace {

[[noreturn]] void bad(const fs::path& file, std::string_view field, std::string_view what) {
  throw CorpusError(fmt::format("{}: field '{}' {}", file.string(), field, what));
}

const json& need(const json& object, const char* key, const fs::path& file) {
  auto it = object.find(key);
  if (it == object.end()) bad(file, key, "is missing");
  return *it;
}

std::string string_field(const json& object, const char* key, const fs::path& file, bool required) {
  auto it = object.find(key);
  if (it == object.end() || (!required && it->is_null())) {
    if (required) bad(file, key, "is missing");
    return "";
  }
  if (!it->is_string()) bad(file, key, "must be a string");
  return it->get<std::string>();
}

TargetSpec read_spec(const json& j, const fs::path& file) {
  if (!j.is_object()) bad(file, "target_spec", "must be an object");
  TargetSpec spec;
  spec.front = string_field(j, "front", file, true);
  const json& version = need(j, "version", file);
  if (!version.is_number_integer() || version.get<int64_t>() < 1 || version.get<int64_t>() > 1000)
    bad(file, "target_spec.version", "must be an integer in 1..1000");
  spec.version = version.get<int>();
  const json& params = need(j, "params", file);
  if (!params.is_object()) bad(file, "target_spec.params", "must be an object");
  for (const auto& [key, value] : params.items()) {
    if (!value.is_string()) bad(file, "target_spec.params." + key, "must be a string");
    spec.params[key] = value.get<std::string>();
  }
  return spec;
}

}  // namespace

json spec_json(const TargetSpec& spec) {
  return {{"front", spec.front}, {"version", spec.version}, {"params", spec.params}};
}

json parse_file(const fs::path& file) {
  const std::string text = read_file(file);
  try {
    return json::parse(text);
  } catch (const json::parse_error& e) {
    throw CorpusError(fmt::format("{}: not valid JSON at byte {}", file.string(), e.byte));
  } catch (const json::exception& e) {  // a number too large for any type
    throw CorpusError(fmt::format("{}: not valid JSON: {}", file.string(), e.what()));
  }
}

CaseInfo read(const json& c, const fs::path& file) {
  if (!c.is_object()) throw CorpusError(fmt::format("{}: not a testgen case (a JSON object expected)", file.string()));
  if (c.value("format", json()) != kFormat)
    throw CorpusError(fmt::format("{}: not a testgen case (\"format\" must be \"{}\")", file.string(), kFormat));
  const json& version = need(c, "version", file);
  if (!version.is_number_integer() || version.get<int64_t>() < 1 || version.get<int64_t>() > kVersion)
    throw CorpusError(fmt::format("{}: unsupported case version {} (this testgen reads 1 to {})", file.string(),
                                  version.dump(), kVersion));
  CaseInfo info;
  info.id = string_field(c, "id", file, true);
  info.front = string_field(c, "front", file, true);
  info.target = string_field(c, "target", file, true);
  const std::string status = string_field(c, "status", file, true);
  if (status != "accepted" && status != "rejected") bad(file, "status", "must be \"accepted\" or \"rejected\"");
  info.rejected = status == "rejected";
  info.signature = string_field(c, "signature", file, false);
  info.detail = string_field(c, "detail", file, false);
  info.value = string_field(c, "value", file, false);
  if (auto it = c.find("size"); it != c.end()) {
    if (!it->is_number_integer() || it->get<int64_t>() < 0 || it->get<int64_t>() > 1'000'000)
      bad(file, "size", "must be an integer in 0..1000000");
    info.size = it->get<int>();
  }
  if (auto it = c.find("reduced"); it != c.end()) {
    if (!it->is_boolean()) bad(file, "reduced", "must be true or false");
    info.reduced = it->get<bool>();
  }
  if (auto it = c.find("labels"); it != c.end() && !it->is_null()) {
    if (!it->is_object()) bad(file, "labels", "must be an object");
    for (const auto& [key, value] : it->items()) {
      if (!value.is_string()) bad(file, "labels." + key, "must be a string");
      info.labels[key] = value.get<std::string>();
    }
  }
  if (auto it = c.find("target_spec"); it != c.end() && !it->is_null()) info.spec = read_spec(*it, file);
  return info;
}

FeatureSet features(const json& c, const fs::path& file) {
  FeatureSet out;
  auto it = c.find("features");
  if (it == c.end()) return out;
  if (!it->is_array()) bad(file, "features", "must be a list of hex strings");
  for (const json& f : *it) {
    if (!f.is_string() || f.get<std::string>().empty() || f.get<std::string>().size() > 16)
      bad(file, "features", "must be a list of hex strings");
    const std::string text = f.get<std::string>();
    char* end = nullptr;
    const uint64_t value = std::strtoull(text.c_str(), &end, 16);
    if (*end != '\0') bad(file, "features", fmt::format("holds '{}', not a hex number", text));
    out.add(value);
  }
  return out;
}

}  // namespace testgen::case_format
