// Scratch directories that know their owner: a lock on a file inside is
// held while the owner lives (the kernel drops it when the process dies,
// however it dies), so anyone can tell live scratch from leftovers.
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>

#include "testgen/corpus.h"

namespace testgen {
namespace fs = std::filesystem;
namespace {

// A name no other tool uses: scratch may sit in the shared temporary
// directory, and the sweep must never touch anything that is not ours.
constexpr const char* kOwnerFile = ".testgen-scratch-owner";

// Removes the entries of `parent` that look like scratch (they hold an
// owner file) and whose owner is gone.
void sweep(const fs::path& parent) {
  std::error_code ec;
  for (fs::directory_iterator it(parent, ec), end; !ec && it != end; it.increment(ec)) {
    const fs::path dir = it->path();
    std::error_code ignored;
    if (fs::is_directory(dir, ignored) && !fs::is_symlink(dir, ignored) && fs::exists(dir / kOwnerFile, ignored) &&
        !ScratchDir::owned(dir))
      fs::remove_all(dir, ignored);
  }
}

}  // namespace

bool ScratchDir::owned(const fs::path& dir) {
  const int fd = ::open((dir / kOwnerFile).c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  const bool held = ::flock(fd, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK;
  ::close(fd);
  return held;
}

ScratchDir::ScratchDir(const fs::path& parent, std::string_view purpose) {
  static std::atomic<uint64_t> counter{0};
  std::error_code ec;
  fs::create_directories(parent, ec);
  if (ec) throw CorpusWriteError(fmt::format("{}: cannot create: {}", parent.string(), ec.message()));
  sweep(parent);
  path_ = parent / fmt::format("{}-{}-{}", purpose, ::getpid(), ++counter);
  fs::remove_all(path_, ec);
  fs::create_directory(path_, ec);
  if (ec) throw CorpusWriteError(fmt::format("{}: cannot create: {}", path_.string(), ec.message()));
  lock_fd_ = ::open((path_ / kOwnerFile).c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
  if (lock_fd_ < 0 || ::flock(lock_fd_, LOCK_EX | LOCK_NB) != 0) {
    const std::string why = std::strerror(errno);
    if (lock_fd_ >= 0) ::close(lock_fd_);
    fs::remove_all(path_, ec);
    throw CorpusWriteError(fmt::format("{}: cannot create: {}", (path_ / kOwnerFile).string(), why));
  }
}

ScratchDir::~ScratchDir() {
  std::error_code ignored;
  fs::remove_all(path_, ignored);
  if (lock_fd_ >= 0) ::close(lock_fd_);
}

}  // namespace testgen
