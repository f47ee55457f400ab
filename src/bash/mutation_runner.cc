#include "mutation_runner.h"

#include <fmt/format.h>

#include <atomic>
#include <csignal>
#include <cmath>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>

#include "cargo_runs.h"
#include "testgen/corpus.h"
#include "rust_side.h"
#include "testgen/errors.h"
#include "testgen/source.h"
#include "testgen/interrupt.h"

namespace testgen::bash {
namespace fs = std::filesystem;
namespace {

void write_file(const fs::path& p, const std::string& text) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << text;
  if (!out.flush()) throw StorageError(fmt::format("cannot write {}", p.string()));
}

double since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

const char* outcome_name(MutantOutcome o) {
  switch (o) {
    case MutantOutcome::kCaught: return "caught";
    case MutantOutcome::kMissed: return "missed";
    case MutantOutcome::kTimeout: return "timeout";
    case MutantOutcome::kUnviable: return "unviable";
  }
  return "?";
}

MutationRunner::MutationRunner(fs::path crate, fs::path work, MutationOptions options)
    : crate_(std::move(crate)), work_(std::move(work)), options_(std::move(options)) {
  size_t jobs = options_.jobs ? options_.jobs : std::max(1u, std::thread::hardware_concurrency());
  for (size_t k = 0; k < jobs; ++k) workers_.push_back(work_ / fmt::format("worker-{}", k));
}

void MutationRunner::copy_sources(const fs::path& to) const {
  // Everything but target/: the worker keeps its own.
  fs::create_directories(to);
  for (const fs::directory_entry& e : fs::directory_iterator(crate_)) {
    std::string name = e.path().filename().string();
    if (name == "target") continue;
    fs::remove_all(to / name);
    fs::copy(e.path(), to / name, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  }
}

void MutationRunner::seed_target(const fs::path& worker) const {
  // A new worker starts from the crate's own build: its dependencies
  // (proptest and the rest) are fresh there, so only the crate is compiled.
  std::error_code ec;
  fs::path from = crate_ / "target" / "debug", to = worker / "target" / "debug";
  if (fs::exists(to, ec) || !fs::exists(from, ec)) return;
  fs::create_directories(to.parent_path(), ec);
  fs::copy(from, to, fs::copy_options::recursive, ec);
  if (ec) fs::remove_all(to, ec);  // a partial copy would only mislead cargo: build from nothing
}

void MutationRunner::refresh_tests() {
  for (const fs::path& w : workers_) copy_sources(w);
}

void MutationRunner::prepare() {
  auto start = std::chrono::steady_clock::now();
  std::vector<std::string> errors(workers_.size());
  std::vector<std::exception_ptr> thrown(workers_.size());
  std::vector<double> seconds(workers_.size());
  std::vector<std::thread> threads;
  for (size_t k = 0; k < workers_.size(); ++k)
    threads.emplace_back([&, k] {
      try {
        copy_sources(workers_[k]);
        seed_target(workers_[k]);
        ProcessResult built = run_cargo(workers_[k], {.args = {"test", "--offline", "--no-run"}});
        if (!built.ok()) {
          errors[k] = "the unmutated crate does not build: " + built.err.substr(0, 2000);
          return;
        }
        auto tested_at = std::chrono::steady_clock::now();
        ProcessResult tested = run_cargo(workers_[k], {.args = {"test", "--offline", "--tests"}});
        seconds[k] = since(tested_at);
        if (!tested.ok()) errors[k] = "the unmutated crate's tests fail: " + (tested.out + tested.err).substr(0, 2000);
      } catch (...) {
        // An interrupt (Interrupted is not a std::exception) or a failure: the caller rethrows it.
        thrown[k] = std::current_exception();
      }
    });
  for (std::thread& t : threads) t.join();
  cargo_seconds_ += since(start);
  if (interrupted()) throw Interrupted(interrupt_signal() ? interrupt_signal() : SIGINT);
  for (const std::exception_ptr& e : thrown)
    if (e) std::rethrow_exception(e);
  for (const std::string& e : errors)
    if (!e.empty()) throw GenerationError("mutation testing: " + e);
  baseline_seconds_ = *std::max_element(seconds.begin(), seconds.end());
  timeout_ = std::chrono::seconds(static_cast<int64_t>(
      std::ceil(std::max(options_.minimum_test_timeout, baseline_seconds_ * options_.timeout_multiplier))));
}

MutantResult MutationRunner::run_one(const fs::path& worker, const Mutant& m) {
  MutantResult result{m};
  auto start = std::chrono::steady_clock::now();
  fs::path file = worker / m.file;
  std::string original = read_file(file);
  write_file(file, m.apply(original));
  try {
    ProcessResult built = run_cargo(worker, {.args = {"test", "--offline", "--no-run"}});
    if (!built.ok()) {
      result.outcome = MutantOutcome::kUnviable;
    } else {
      ProcessResult tested = run_cargo(
          worker, {.args = {"test", "--offline", "--tests"}, .timeout = timeout_, .memory_bytes = kTestMemory});
      result.outcome = tested.timed_out ? MutantOutcome::kTimeout
                       : tested.ok()    ? MutantOutcome::kMissed
                                        : MutantOutcome::kCaught;
    }
  } catch (...) {
    write_file(file, original);
    throw;
  }
  write_file(file, original);
  result.seconds = since(start);
  return result;
}

std::vector<RustCall> MutationRunner::mutant_answers(const Mutant& m, const std::vector<RustRequest>& requests,
                                                    const std::vector<std::string>& env) {
  const fs::path& worker = workers_.front();
  fs::path file = worker / m.file;
  std::string original = read_file(file);
  write_file(file, m.apply(original));
  std::vector<RustCall> answers;
  try {
    ProcessResult built = run_cargo(worker, {.args = {"build", "--offline", "--bin", "harness"}});
    if (built.ok()) {
      fs::path scratch = worker / "harness-scratch";
      fs::create_directories(scratch);
      RustSide side(fs::absolute(worker / "target" / "debug" / "harness"), scratch, env, std::chrono::seconds(5));
      answers = side.call(requests);
    }
  } catch (...) {
    write_file(file, original);
    throw;
  }
  write_file(file, original);
  return answers;
}

std::vector<MutantResult> MutationRunner::run(const std::vector<Mutant>& mutants) {
  std::vector<MutantResult> results(mutants.size());
  std::atomic<size_t> next{0}, done{0};
  std::exception_ptr failure;
  std::mutex mutex;
  auto start = std::chrono::steady_clock::now();
  auto work = [&](const fs::path& worker) {
    for (size_t i = next++; i < mutants.size(); i = next++) {
      try {
        results[i] = run_one(worker, mutants[i]);
      } catch (...) {
        std::lock_guard lock(mutex);
        if (!failure) failure = std::current_exception();
        next = mutants.size();
        return;
      }
      size_t n = ++done;
      if (options_.progress && (n % 5 == 0 || n == mutants.size())) {
        std::lock_guard lock(mutex);
        options_.progress(fmt::format("mutants: {}/{} tested ({:.1f} per minute)", n, mutants.size(),
                                      60.0 * static_cast<double>(n) / std::max(1e-9, since(start))));
      }
    }
  };
  std::vector<std::thread> threads;
  for (const fs::path& w : workers_) threads.emplace_back(work, w);
  for (std::thread& t : threads) t.join();
  cargo_seconds_ += since(start);
  if (failure) std::rethrow_exception(failure);
  return results;
}

}  // namespace testgen::bash
