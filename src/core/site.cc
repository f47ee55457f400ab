#include "testgen/site.h"

#include <fmt/format.h>

#include <unordered_map>

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace testgen {

uint64_t hash_bytes(std::string_view bytes, uint64_t seed) {
  return XXH64(bytes.data(), bytes.size(), seed);
}

namespace {

Site compute_site(std::string_view kind, std::source_location where, uint64_t salt) {
  std::string_view file = where.file_name();
  if (auto slash = file.rfind('/'); slash != std::string_view::npos) file.remove_prefix(slash + 1);
  std::string label = fmt::format("{}@{}:{}", kind, file, where.line());
  std::string key = fmt::format("{}:{}", label, where.column());
  return Site{hash_bytes(key, salt), std::move(label)};
}

struct LocationKey {
  const char* file;  // source_location's strings are static: their address is their identity
  const char* kind;
  size_t kind_size;
  uint_least32_t line, column;
  uint64_t salt;
  bool operator==(const LocationKey&) const = default;
};

struct LocationHash {
  size_t operator()(const LocationKey& k) const {
    uint64_t h = reinterpret_cast<uintptr_t>(k.file) * 0x9e3779b97f4a7c15ULL;
    h ^= reinterpret_cast<uintptr_t>(k.kind) + k.kind_size + (uint64_t{k.line} << 32) + k.column + k.salt * 31;
    return static_cast<size_t>(h ^ (h >> 29));
  }
};

}  // namespace

Site Site::at(std::string_view kind, std::source_location where, uint64_t salt) {
  // Generators built inside bind and recursion are made again on every
  // draw: formatting and hashing their site each time was a tenth of a
  // property test's time. Per thread, so no lock.
  thread_local std::unordered_map<LocationKey, Site, LocationHash> cache;
  const LocationKey key{where.file_name(), kind.data(), kind.size(), where.line(), where.column(), salt};
  if (auto it = cache.find(key); it != cache.end()) return it->second;
  Site site = compute_site(kind, where, salt);
  if (cache.size() < 100000) cache.emplace(key, site);
  return site;
}

Site Site::named(std::string_view kind, std::string_view name, uint64_t salt) {
  std::string label = fmt::format("{}@{}", kind, name);
  return Site{hash_bytes(label, salt), std::move(label)};
}

}  // namespace testgen
