#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "testgen/corpus.h"

namespace testgen {

void write_file_atomic(const std::filesystem::path& path, std::string_view contents) {
  static uint64_t counter = 0;
  const std::filesystem::path temp =
      path.parent_path() / fmt::format(".{}.tmp.{}.{}", path.filename().string(), getpid(), ++counter);
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) throw CorpusWriteError(fmt::format("{}: cannot create: {}", temp.string(), std::strerror(errno)));
  size_t done = 0;
  while (done < contents.size()) {
    const ssize_t n = ::write(fd, contents.data() + done, contents.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int err = errno;
      ::close(fd);
      ::unlink(temp.c_str());
      throw CorpusWriteError(fmt::format("{}: write failed: {}", path.string(), std::strerror(err)));
    }
    done += static_cast<size_t>(n);
  }
  if (::close(fd) != 0 || ::rename(temp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    ::unlink(temp.c_str());
    throw CorpusWriteError(fmt::format("{}: cannot write: {}", path.string(), std::strerror(err)));
  }
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw CorpusError(fmt::format("{}: cannot read: {}", path.string(), std::strerror(errno)));
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace testgen
