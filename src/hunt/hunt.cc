#include "hunt.h"

#include <fmt/format.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

#include "hunt_target.h"
#include "suite.h"

namespace testgen::hunt {
namespace {

using Clock = std::chrono::steady_clock;

// Sums the latest progress of every pair and hands it on, one call at a time.
class ProgressBoard {
 public:
  ProgressBoard(size_t pairs, std::function<void(const HuntProgress&)> sink)
      : latest_(pairs), builds_(pairs), known_(pairs), sink_(std::move(sink)) {}

  void update(size_t pair, const Progress& p, uint64_t builds) {
    std::lock_guard lock(mutex_);
    latest_[pair] = p;
    builds_[pair] = builds;
    publish();
  }
  void done(size_t pair, const EngineReport& report, uint64_t builds) {
    std::lock_guard lock(mutex_);
    latest_[pair] = Progress{report.runs, report.kept, report.findings.size(), report.features, report.seconds};
    builds_[pair] = builds;
    known_[pair] = 0;
    for (const auto& [signature, count] : report.known) known_[pair] += count;
    ++done_;
    publish();
  }

 private:
  void publish() {
    if (!sink_) return;
    HuntProgress h{.pairs_done = done_, .pairs_total = latest_.size(),
                   .seconds = std::chrono::duration<double>(Clock::now() - start_).count()};
    for (size_t i = 0; i < latest_.size(); ++i) {
      h.runs += latest_[i].runs;
      h.findings += latest_[i].findings;
      h.builds += builds_[i];
      h.known += known_[i];
    }
    sink_(h);
  }

  std::mutex mutex_;
  std::vector<Progress> latest_;
  std::vector<uint64_t> builds_, known_;
  size_t done_ = 0;
  std::function<void(const HuntProgress&)> sink_;
  Clock::time_point start_ = Clock::now();
};

std::shared_ptr<script::Interpreter> interpreter_for(const HuntPlan& plan, uint64_t seed) {
  std::shared_ptr<script::Interpreter> lua = quest::make_interpreter(seed, plan.unsafe_lua);
  for (const std::filesystem::path& file : plan.lua_files) lua->run_file(file);
  return lua;
}

}  // namespace

std::vector<PairResult> run_hunt(const HuntPlan& plan, const HuntCallbacks& callbacks) {
  const size_t pairs = plan.pairs.size();
  std::vector<PairResult> results(pairs);
  // One corpus shared by the workers: each engine resumes the cases of its own pair.
  std::shared_ptr<CorpusView::Shared> shared = plan.corpus ? std::make_shared<CorpusView::Shared>(*plan.corpus) : nullptr;
  ProgressBoard board(pairs, callbacks.progress);
  std::mutex finding_mutex;
  const Clock::time_point start = Clock::now();
  const unsigned jobs = std::max(1u, std::min<unsigned>(plan.jobs, static_cast<unsigned>(pairs)));
  // Each pair gets an even share of the runs, and of the wall time the
  // workers have between them; a late pair never runs past the deadline.
  const double time_share = plan.seconds * jobs / static_cast<double>(pairs);
  std::atomic<size_t> next{0};
  std::mutex error_mutex;
  std::exception_ptr error;

  auto worker = [&] {
    while (true) {
      const size_t i = next++;
      if (i >= pairs) return;
      {
        std::lock_guard lock(error_mutex);
        if (error) return;
      }
      try {
        SubprocessRunner runner;
        HuntSetup setup{.suite = plan.suite, .pair = plan.pairs[i], .arch = plan.arch, .dialect = plan.dialect,
                        .scratch = plan.scratch_root / std::to_string(i), .build = plan.build,
                        .lua_files = plan.lua_files,
                        .shrink_lookahead = std::max<size_t>(1, plan.shrink_lookahead)};
        HuntTarget target(interpreter_for(plan, plan.seed + i), setup, runner);
        std::unique_ptr<CorpusView> store = shared ? std::make_unique<CorpusView>(shared, target.name()) : nullptr;
        double seconds = 0;
        if (plan.seconds > 0) {
          const double left = plan.seconds - std::chrono::duration<double>(Clock::now() - start).count();
          seconds = std::max(0.001, std::min(time_share, left));
        }
        const uint64_t runs = plan.runs / pairs + (i < plan.runs % pairs ? 1 : 0);
        EngineOptions options{.seed = plan.seed + i,
                              .max_runs = std::max<uint64_t>(1, runs),
                              .max_seconds = seconds,
                              .size = plan.size,
                              // A case holds thousands of full-range values: a repeat is
                              // practically impossible, and a novelty trie would only
                              // cost memory (hundreds of MB per pair).
                              .adapt = plan.adapt,
                              .novelty = false,
                              .mutate_ratio = plan.mutate_ratio,
                              .shrink = plan.shrink,
                              .shrinking = {.max_calls = plan.shrink_calls, .max_seconds = plan.shrink_seconds},
                              .reduction_share = plan.reduction_share,
                              // A step is a build: small slices keep exploring in between.
                              .reduction_slice = 10,
                              .stop_on_failure = false,
                              .store = store.get(),
                              .progress_every = std::max<size_t>(1, plan.batch),
                              .batch = std::max<size_t>(1, plan.batch)};
        if (plan.sync) plan.sync->attach(options, target.name());
        if (plan.expectations)
          options.is_known_failure = [&](const std::string& s) { return plan.expectations->match(s) != nullptr; };
        options.on_progress = [&](const Progress& p) { board.update(i, p, target.builds()); };
        const double started_at = std::chrono::duration<double>(Clock::now() - start).count();
        if (callbacks.finding)
          options.on_finding = [&](const Finding& f) {
            std::lock_guard lock(finding_mutex);
            callbacks.finding(plan.pairs[i], f, started_at + f.found_at_seconds);
          };
        results[i].pair = plan.pairs[i];
        results[i].started_at = started_at;
        results[i].report = Engine(target, options).run();
        results[i].builds = target.builds();
        board.done(i, results[i].report, target.builds());
      } catch (...) {
        std::lock_guard lock(error_mutex);
        if (!error) error = std::current_exception();
      }
    }
  };
  std::vector<std::thread> threads;
  for (unsigned j = 1; j < jobs; ++j) threads.emplace_back(worker);
  worker();
  for (std::thread& t : threads) t.join();
  if (error) std::rethrow_exception(error);
  return results;
}

}  // namespace testgen::hunt
