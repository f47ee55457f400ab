#include "testgen/site.h"

#include <fmt/format.h>

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace testgen {

uint64_t hash_bytes(std::string_view bytes, uint64_t seed) {
  return XXH64(bytes.data(), bytes.size(), seed);
}

Site Site::at(std::string_view kind, std::source_location where, uint64_t salt) {
  std::string_view file = where.file_name();
  if (auto slash = file.rfind('/'); slash != std::string_view::npos) file.remove_prefix(slash + 1);
  std::string label = fmt::format("{}@{}:{}", kind, file, where.line());
  std::string key = fmt::format("{}:{}", label, where.column());
  return Site{hash_bytes(key, salt), std::move(label)};
}

Site Site::named(std::string_view kind, std::string_view name, uint64_t salt) {
  std::string label = fmt::format("{}@{}", kind, name);
  return Site{hash_bytes(label, salt), std::move(label)};
}

}  // namespace testgen
