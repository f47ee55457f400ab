#include <fcntl.h>
#include <fmt/format.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "testgen/interrupt.h"
#include "testgen/process.h"

extern char** environ;

namespace testgen {
namespace {

using Clock = std::chrono::steady_clock;
// How often we look whether the child has exited while its pipes stay open.
constexpr int kPollMillis = 20;
// After the child exits, how long a descendant that left its group may hold our pipes.
constexpr auto kDrainGrace = std::chrono::seconds(1);

struct Pipe {
  int read = -1, write = -1;
  void open_pipe() {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error(fmt::format("pipe: {}", std::strerror(errno)));
    read = fds[0];
    write = fds[1];
  }
  static void close_fd(int& fd) {
    if (fd >= 0) ::close(fd);
    fd = -1;
  }
  ~Pipe() {
    close_fd(read);
    close_fd(write);
  }
};

void set_limit(int resource, uint64_t value) {
  if (value == 0) return;
  rlimit lim{static_cast<rlim_t>(value), static_cast<rlim_t>(value)};
  ::setrlimit(resource, &lim);
}

// Only async-signal-safe calls from here on: we are in the forked child.
[[noreturn]] void exec_child(const ProcessSpec& spec, char** argv, char** envp, Pipe& in, Pipe& out,
                             Pipe& err, Pipe& status, pid_t parent) {
  ::setpgid(0, 0);
  // Killed with us, however we die (the parent thread's exit counts: the
  // threads that start children outlive them).
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::getppid() != parent) ::_exit(127);  // we died before prctl took effect
  ::dup2(in.read, 0);
  ::dup2(out.write, 1);
  ::dup2(err.write, 2);
  struct sigaction dfl{};
  dfl.sa_handler = SIG_DFL;
  for (int s : {SIGPIPE, SIGINT, SIGTERM}) ::sigaction(s, &dfl, nullptr);
  if (!spec.cwd.empty() && ::chdir(spec.cwd.c_str()) != 0) {
    int e = errno;
    (void)!::write(status.write, &e, sizeof e);
    ::_exit(127);
  }
  set_limit(RLIMIT_CPU, spec.limits.cpu_seconds);
  set_limit(RLIMIT_AS, spec.limits.memory_bytes);
  set_limit(RLIMIT_FSIZE, spec.limits.file_size_bytes);
  ::execvpe(argv[0], argv, envp);
  int e = errno;
  (void)!::write(status.write, &e, sizeof e);
  ::_exit(127);
}

std::vector<std::string> build_env(const ProcessSpec& spec) {
  std::vector<std::string> env;
  if (spec.env) {
    env = *spec.env;
  } else {
    for (char** e = environ; *e; ++e) env.emplace_back(*e);
  }
  for (const auto& [name, value] : spec.set_env) {
    const std::string prefix = name + "=";
    std::erase_if(env, [&](const std::string& s) { return s.starts_with(prefix); });
    env.push_back(prefix + value);
  }
  return env;
}

std::vector<char*> pointers(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (auto& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

void ignore_sigpipe_once() {
  static const bool done = [] {
    struct sigaction ign{};
    ign.sa_handler = SIG_IGN;
    ::sigaction(SIGPIPE, &ign, nullptr);
    return true;
  }();
  (void)done;
}

}  // namespace

std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    // The length of a well-formed sequence starting here, 0 if none.
    size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 && c >= 0xc2 ? 2 : (c >> 4) == 0xe ? 3 : (c >> 3) == 0x1e && c <= 0xf4 ? 4 : 0;
    for (size_t k = 1; k < n; ++k)
      if (i + k >= text.size() || (static_cast<unsigned char>(text[i + k]) & 0xc0) != 0x80) n = 0;
    if (n == 3) {  // no overlong forms, no surrogates
      const auto d = static_cast<unsigned char>(text[i + 1]);
      if ((c == 0xe0 && d < 0xa0) || (c == 0xed && d >= 0xa0)) n = 0;
    } else if (n == 4) {
      const auto d = static_cast<unsigned char>(text[i + 1]);
      if ((c == 0xf0 && d < 0x90) || (c == 0xf4 && d >= 0x90)) n = 0;
    }
    if (n == 0) {
      out += fmt::format("\\x{:02x}", c);
      ++i;
    } else {
      out.append(text.substr(i, n));
      i += n;
    }
  }
  return out;
}

std::string ProcessResult::describe() const {
  if (spawn_failed) return "could not start: " + spawn_error;
  if (interrupted) return "killed: testgen was interrupted";
  if (timed_out) return fmt::format("timed out after {:.1f} s", seconds);
  if (signal) {
    const char* name = sigabbrev_np(*signal);
    return name ? fmt::format("killed by SIG{}", name) : fmt::format("killed by signal {}", *signal);
  }
  if (exit_code) return fmt::format("exit {}", *exit_code);
  return "unknown";
}

ProcessResult SubprocessRunner::run(const ProcessSpec& spec) {
  if (spec.argv.empty()) throw std::invalid_argument("ProcessSpec: empty argv");
  ignore_sigpipe_once();
  ProcessResult result;
  std::vector<std::string> argv_strings = spec.argv;
  std::vector<std::string> env_strings = build_env(spec);
  std::vector<char*> argv = pointers(argv_strings);
  std::vector<char*> envp = pointers(env_strings);

  Pipe in, out, err, status;
  in.open_pipe();
  out.open_pipe();
  err.open_pipe();
  status.open_pipe();
  const auto start = Clock::now();
  const pid_t parent = ::getpid();
  const pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error(fmt::format("fork: {}", std::strerror(errno)));
  if (pid == 0) exec_child(spec, argv.data(), envp.data(), in, out, err, status, parent);
  ::setpgid(pid, pid);  // also here, so the group exists before we might kill it
  Pipe::close_fd(in.read);
  Pipe::close_fd(out.write);
  Pipe::close_fd(err.write);
  Pipe::close_fd(status.write);

  int exec_errno = 0;
  if (::read(status.read, &exec_errno, sizeof exec_errno) == sizeof exec_errno) {
    ::waitpid(pid, nullptr, 0);
    result.spawn_failed = true;
    result.spawn_error = fmt::format("{}: {}", spec.argv[0], std::strerror(exec_errno));
    return result;
  }

  ::fcntl(in.write, F_SETFL, O_NONBLOCK);
  size_t stdin_done = 0;
  if (spec.stdin_data.empty()) Pipe::close_fd(in.write);
  const auto deadline = start + spec.timeout;
  bool exited = false;
  Clock::time_point exited_at;
  int wstatus = 0;
  char buffer[65536];
  auto append = [&](std::string& to, ssize_t n) {
    const size_t room = spec.max_output > to.size() ? spec.max_output - to.size() : 0;
    if (static_cast<size_t>(n) > room) result.output_truncated = true;
    to.append(buffer, std::min(static_cast<size_t>(n), room));
  };

  while (out.read >= 0 || err.read >= 0) {
    pollfd fds[3];
    int count = 0;
    if (out.read >= 0) fds[count++] = {out.read, POLLIN, 0};
    if (err.read >= 0) fds[count++] = {err.read, POLLIN, 0};
    if (in.write >= 0) fds[count++] = {in.write, POLLOUT, 0};
    int wait_ms = kPollMillis;
    if (spec.timeout.count() > 0 && !result.timed_out) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
      wait_ms = static_cast<int>(std::clamp<int64_t>(left, 0, kPollMillis));
    }
    ::poll(fds, static_cast<nfds_t>(count), wait_ms);
    for (int i = 0; i < count; ++i) {
      if (!fds[i].revents) continue;
      if (fds[i].fd == in.write) {
        const ssize_t n = ::write(in.write, spec.stdin_data.data() + stdin_done, spec.stdin_data.size() - stdin_done);
        if (n > 0) stdin_done += static_cast<size_t>(n);
        if (n < 0 && errno != EAGAIN) Pipe::close_fd(in.write);  // the child closed its stdin
        if (stdin_done == spec.stdin_data.size()) Pipe::close_fd(in.write);
        continue;
      }
      int& fd = fds[i].fd == out.read ? out.read : err.read;
      const ssize_t n = ::read(fd, buffer, sizeof buffer);
      if (n > 0) append(fd == out.read ? result.out : result.err, n);
      else if (n == 0 || errno != EINTR) Pipe::close_fd(fd);
    }
    if (!exited && ::waitpid(pid, &wstatus, WNOHANG) == pid) {
      exited = true;
      exited_at = Clock::now();
      // Whatever the child left running in its group would keep our pipes open.
      ::kill(-pid, SIGKILL);
    }
    if (!exited && !result.interrupted && interrupted()) {
      result.interrupted = true;
      ::kill(-pid, SIGKILL);
    }
    if (!exited && spec.timeout.count() > 0 && !result.timed_out && Clock::now() >= deadline) {
      result.timed_out = true;
      ::kill(-pid, SIGKILL);
    }
    if (exited && Clock::now() - exited_at > kDrainGrace) break;  // a daemon escaped the group
  }
  Pipe::close_fd(in.write);
  if (!exited) ::waitpid(pid, &wstatus, 0);
  ::kill(-pid, SIGKILL);
  result.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  if (WIFEXITED(wstatus)) result.exit_code = WEXITSTATUS(wstatus);
  if (WIFSIGNALED(wstatus)) result.signal = WTERMSIG(wstatus);
  return result;
}

}  // namespace testgen
