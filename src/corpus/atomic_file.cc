#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "testgen/corpus.h"

namespace testgen {
namespace fs = std::filesystem;
namespace {

// A temporary beside `path`: a dot file, so that readers listing the
// directory skip it, and repair knows it for what it is.
fs::path temp_beside(const fs::path& path) {
  static std::atomic<uint64_t> counter{0};
  return path.parent_path() / fmt::format(".{}.tmp.{}.{}", path.filename().string(), getpid(), ++counter);
}

// Writes all of `data` to `fd`; false with errno set on failure.
bool write_all(int fd, const char* data, size_t size) {
  size_t done = 0;
  while (done < size) {
    const ssize_t n = ::write(fd, data + done, size - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      if (n == 0) errno = ENOSPC;
      return false;
    }
    done += static_cast<size_t>(n);
  }
  return true;
}

// Closes `fd`, renames `temp` to `path`; on any failure removes `temp` and throws.
void finish(int fd, bool written, const fs::path& temp, const fs::path& path) {
  const int write_errno = errno;
  const bool closed = ::close(fd) == 0;
  if (!written || !closed || ::rename(temp.c_str(), path.c_str()) != 0) {
    const int err = !written ? write_errno : errno;
    ::unlink(temp.c_str());
    throw CorpusWriteError(fmt::format("{}: cannot write: {}", path.string(), std::strerror(err)));
  }
}

int create_temp(const fs::path& temp) {
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) throw CorpusWriteError(fmt::format("{}: cannot create: {}", temp.string(), std::strerror(errno)));
  return fd;
}

}  // namespace

void write_file_atomic(const fs::path& path, std::string_view contents) {
  const fs::path temp = temp_beside(path);
  const int fd = create_temp(temp);
  finish(fd, write_all(fd, contents.data(), contents.size()), temp, path);
}

bool copy_file_atomic(const fs::path& from, const fs::path& to, uint64_t max_bytes) {
  const int in = ::open(from.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (in < 0) throw CorpusError(fmt::format("{}: cannot read: {}", from.string(), std::strerror(errno)));
  const fs::path temp = temp_beside(to);
  int out = -1;
  try {
    out = create_temp(temp);
  } catch (...) {
    ::close(in);
    throw;
  }
  char buffer[1 << 16];
  uint64_t copied = 0;
  bool ok = true, cut = false;
  while (ok) {
    const ssize_t n = ::read(in, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    size_t take = static_cast<size_t>(n);
    if (max_bytes > 0 && copied + take > max_bytes) {
      take = static_cast<size_t>(max_bytes - copied);
      cut = true;
    }
    ok = write_all(out, buffer, take);
    copied += take;
    if (cut) break;
  }
  ::close(in);
  finish(out, ok, temp, to);
  return cut;
}

std::string read_file(const fs::path& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec))
    throw CorpusError(fmt::format("{}: is a directory, expected a file", path.string()));
  std::ifstream in(path, std::ios::binary);
  if (!in) throw CorpusError(fmt::format("{}: cannot read: {}", path.string(), std::strerror(errno)));
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace testgen
