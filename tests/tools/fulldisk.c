// A full disk, for tests: LD_PRELOAD this and every write(2) to a file
// whose path contains $FULLDISK_MATCH (and not $FULLDISK_SKIP) fails with
// ENOSPC once $FULLDISK_AFTER bytes have been written to such files.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>

static size_t written;

static int full(int fd, size_t n) {
  const char* match = getenv("FULLDISK_MATCH");
  const char* skip = getenv("FULLDISK_SKIP");
  const char* after = getenv("FULLDISK_AFTER");
  if (!match || !after) return 0;
  char link[64], path[4096];
  snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
  const ssize_t len = readlink(link, path, sizeof path - 1);
  if (len <= 0) return 0;
  path[len] = 0;
  if (!strstr(path, match) || (skip && *skip && strstr(path, skip))) return 0;
  if (written + n > strtoull(after, NULL, 10)) return 1;
  written += n;
  return 0;
}

ssize_t write(int fd, const void* buf, size_t n) {
  static ssize_t (*real)(int, const void*, size_t);
  if (!real) real = (ssize_t(*)(int, const void*, size_t))dlsym(RTLD_NEXT, "write");
  if (full(fd, n)) {
    errno = ENOSPC;
    return -1;
  }
  return real(fd, buf, n);
}

ssize_t writev(int fd, const struct iovec* iov, int count) {
  static ssize_t (*real)(int, const struct iovec*, int);
  if (!real) real = (ssize_t(*)(int, const struct iovec*, int))dlsym(RTLD_NEXT, "writev");
  size_t n = 0;
  for (int i = 0; i < count; ++i) n += iov[i].iov_len;
  if (full(fd, n)) {
    errno = ENOSPC;
    return -1;
  }
  return real(fd, iov, count);
}
