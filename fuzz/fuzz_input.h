#pragma once
// What the fuzz targets share: the input as text, and as a file (the
// readers under test take paths, as the command line gives them).

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

namespace testgen::fuzzing {

inline std::string_view text_of(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

/// A directory of this process's own, made once, removed at exit.
inline const std::filesystem::path& scratch() {
  static const std::filesystem::path dir = [] {
    auto d = std::filesystem::temp_directory_path() / ("testgen-fuzz-" + std::to_string(::getpid()));
    std::filesystem::create_directories(d);
    std::atexit([] { std::error_code ignored; std::filesystem::remove_all(scratch(), ignored); });
    return d;
  }();
  return dir;
}

/// Writes the input to `name` inside scratch() and returns its path.
inline std::filesystem::path as_file(std::string_view name, const uint8_t* data, size_t size) {
  const std::filesystem::path file = scratch() / name;
  std::filesystem::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary | std::ios::trunc).write(reinterpret_cast<const char*>(data),
                                                               static_cast<std::streamsize>(size));
  return file;
}

}  // namespace testgen::fuzzing
