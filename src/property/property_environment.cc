#include "property_environment.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <cstdlib>

#include "testgen/errors.h"
#include "testgen/shard.h"

namespace testgen::property {
namespace {

std::optional<std::string> env(const char* name) {
  const char* value = std::getenv(name);
  if (!value) return std::nullopt;
  return std::string(value);
}

uint64_t unsigned_from(const char* variable, const std::string& text) {
  uint64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty())
    throw UsageError(fmt::format("{}={}: expected a whole number", variable, text));
  return value;
}

double duration_from(const char* variable, const std::string& text) {
  const std::optional<double> seconds = parse_duration(text);
  if (!seconds) throw UsageError(fmt::format("{}={}: expected a duration such as 60s, 5m or 1h", variable, text));
  return *seconds;
}

}  // namespace

std::optional<double> parse_duration(std::string_view text) {
  if (text.empty()) return std::nullopt;
  double unit = 1;
  switch (text.back()) {
    case 's': unit = 1; text.remove_suffix(1); break;
    case 'm': unit = 60; text.remove_suffix(1); break;
    case 'h': unit = 3600; text.remove_suffix(1); break;
    default: break;
  }
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty() || !std::isfinite(value) || value < 0)
    return std::nullopt;
  return value * unit;
}

PropertyOptions with_environment(PropertyOptions options) {
  if (!options.read_environment) return options;
  if (auto v = env("TESTGEN_TESTS")) options.tests = unsigned_from("TESTGEN_TESTS", *v);
  if (auto v = env("TESTGEN_SEED")) options.seed = unsigned_from("TESTGEN_SEED", *v);
  if (auto v = env("TESTGEN_FUZZ_FOR")) options.fuzz_seconds = duration_from("TESTGEN_FUZZ_FOR", *v);
  if (auto v = env("TESTGEN_FUZZ_RUNS")) options.fuzz_runs = unsigned_from("TESTGEN_FUZZ_RUNS", *v);
  if (auto v = env("TESTGEN_SHRINK_SECONDS")) options.shrink_seconds = duration_from("TESTGEN_SHRINK_SECONDS", *v);
  if (auto shard = Shard::from_environment()) options.shard = *shard;
  if (auto v = env("TESTGEN_DB")) {
    if (*v == "off" || v->empty()) {
      options.use_database = false;
    } else {
      options.database = *v;
      options.use_database = true;
    }
  }
  return options;
}

std::optional<std::string> replay_request(const std::string& property_name) {
  const std::optional<std::string> v = env("TESTGEN_REPLAY");
  if (!v) return std::nullopt;
  // The code never holds ':', a name may: split at the last one.
  const size_t colon = v->rfind(':');
  if (colon == std::string::npos)
    throw UsageError(fmt::format("TESTGEN_REPLAY={}: expected NAME:CODE, as a failure report prints it", *v));
  if (v->substr(0, colon) != property_name) return std::nullopt;
  return v->substr(colon + 1);
}

}  // namespace testgen::property
