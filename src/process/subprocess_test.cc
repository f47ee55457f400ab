#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "testgen/process.h"

namespace testgen {
namespace {

using namespace std::chrono_literals;

// Alive and not a zombie (an orphan's zombie may wait for a reaper that never comes).
bool alive(pid_t pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string pid_field, comm, state;
  if (!(stat >> pid_field >> comm >> state)) return false;
  return state != "Z" && state != "X";
}

ProcessResult sh(const std::string& script, ProcessSpec spec = {}) {
  spec.argv = {"/bin/sh", "-c", script};
  return SubprocessRunner().run(spec);
}

TEST(Subprocess, CapturesBothStreamsAndExitCode) {
  ProcessResult r = sh("echo out; echo err >&2; exit 3");
  EXPECT_EQ(r.out, "out\n");
  EXPECT_EQ(r.err, "err\n");
  ASSERT_TRUE(r.exit_code);
  EXPECT_EQ(*r.exit_code, 3);
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.describe(), "exit 3");
}

TEST(Subprocess, ReportsTheSignal) {
  ProcessResult r = sh("kill -SEGV $$");
  ASSERT_TRUE(r.signal);
  EXPECT_EQ(*r.signal, SIGSEGV);
  EXPECT_EQ(r.describe(), "killed by SIGSEGV");
}

TEST(Subprocess, TimeoutKillsTheWholeGroup) {
  const auto pidfile = std::filesystem::temp_directory_path() / ("tg_grandchild_" + std::to_string(getpid()));
  ProcessSpec spec;
  spec.timeout = 300ms;
  ProcessResult r = sh("sleep 30 & echo $! > " + pidfile.string() + "; wait", spec);
  EXPECT_TRUE(r.timed_out);
  EXPECT_LT(r.seconds, 5.0);
  EXPECT_EQ(r.describe().rfind("timed out after", 0), 0u);
  std::ifstream in(pidfile);
  pid_t grandchild = 0;
  in >> grandchild;
  ASSERT_GT(grandchild, 0);
  usleep(100000);
  EXPECT_FALSE(alive(grandchild)) << "the grandchild survived";
  std::filesystem::remove(pidfile);
}

TEST(Subprocess, LeftoverBackgroundProcessIsKilledAfterExit) {
  ProcessResult r = sh("sleep 30 & echo started");
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(r.out, "started\n");
  EXPECT_LT(r.seconds, 5.0);
}

TEST(Subprocess, StdinEnvAndWorkingDirectory) {
  ProcessSpec spec;
  spec.stdin_data = "hello";
  spec.set_env = {{"TG_TEST_VAR", "value 1"}};
  spec.cwd = "/tmp";
  ProcessResult r = sh("cat; echo \" $TG_TEST_VAR\"; pwd", spec);
  EXPECT_EQ(r.out, "hello value 1\n/tmp\n");
}

TEST(Subprocess, ExplicitEnvironmentReplacesOurs) {
  ProcessSpec spec;
  spec.env = std::vector<std::string>{"ONLY=1"};
  ProcessResult r = sh("echo \"$ONLY-${HOME:-unset}\"", spec);
  EXPECT_EQ(r.out, "1-unset\n");
}

TEST(Subprocess, MissingProgramIsASpawnFailure) {
  ProcessResult r = SubprocessRunner().run({.argv = {"/nonexistent/tool"}});
  EXPECT_TRUE(r.spawn_failed);
  EXPECT_EQ(r.describe(), "could not start: /nonexistent/tool: No such file or directory");
  ProcessSpec bad_dir{.argv = {"true"}, .cwd = "/nonexistent-dir"};
  EXPECT_TRUE(SubprocessRunner().run(bad_dir).spawn_failed);
}

TEST(Subprocess, FileSizeLimitStopsTheWriter) {
  const auto file = std::filesystem::temp_directory_path() / ("tg_fsize_" + std::to_string(getpid()));
  ProcessSpec spec;
  spec.limits.file_size_bytes = 4096;
  ProcessResult r = sh("head -c 100000 /dev/zero > " + file.string(), spec);
  EXPECT_FALSE(r.ok());
  EXPECT_LE(std::filesystem::file_size(file), 4096u);
  std::filesystem::remove(file);
}

TEST(Subprocess, CpuLimitStopsABusyLoop) {
  ProcessSpec spec;
  spec.limits.cpu_seconds = 1;
  spec.timeout = 20s;
  ProcessResult r = sh("while :; do :; done", spec);
  EXPECT_FALSE(r.timed_out);
  ASSERT_TRUE(r.signal);
  EXPECT_TRUE(*r.signal == SIGXCPU || *r.signal == SIGKILL);
}

TEST(Subprocess, MemoryLimitMakesAllocationFail) {
  ProcessSpec spec;
  spec.argv = {"/bin/bash", "-c", "x=$(head -c 200000000 /dev/zero | tr '\\0' a); echo ${#x}"};
  spec.limits.memory_bytes = 64ull << 20;
  ProcessResult r = SubprocessRunner().run(spec);
  EXPECT_FALSE(r.ok()) << r.out;
}

TEST(Subprocess, OutputIsCappedAndFlagged) {
  ProcessSpec spec;
  spec.max_output = 1000;
  ProcessResult r = sh("head -c 50000 /dev/zero", spec);
  EXPECT_EQ(r.out.size(), 1000u);
  EXPECT_TRUE(r.output_truncated);
}

}  // namespace
}  // namespace testgen
