#include "hunt_plan.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "abi_front.h"
#include "hunt_target.h"
#include "suite.h"

namespace testgen::hunt {
namespace {

constexpr const char* kDefaultCompilers[] = {"gcc", "clang", "tcc", "pcc"};

// The pairs as given (or every pair of the installed default compilers),
// times the optimisation levels, less those that cannot build the suite on
// the architecture.
std::vector<abi::CompilerPair> pairs_to_hunt(const HuntRequest& r, const quest::SuiteInfo& suite, const abi::Arch& arch,
                                             std::vector<SkippedPair>& skipped) {
  std::vector<abi::CompilerPair> candidates;
  if (!r.pairs.empty()) {
    for (const std::string& p : r.pairs) {
      abi::CompilerPair pair = abi::parse_pair(p);
      // A missing compiler is a usage error, not a "compile error" finding.
      for (const abi::Compiler* c : {&pair.caller, &pair.callee})
        if (abi::installed({c->program()}).empty())
          throw abi::ToolchainError(fmt::format("compiler '{}' (in --pair '{}') is not installed", c->program(), p));
      candidates.push_back(std::move(pair));
    }
  } else {
    std::vector<abi::Compiler> compilers;
    for (const std::string& name : abi::installed({std::begin(kDefaultCompilers), std::end(kDefaultCompilers)}))
      compilers.push_back(abi::parse_compiler(name));
    candidates = abi::all_pairs(compilers);
  }
  if (!r.opt_levels.empty()) {
    std::vector<abi::CompilerPair> levelled;
    for (const abi::CompilerPair& p : candidates)
      for (const std::string& level : r.opt_levels)
        levelled.push_back(abi::parse_pair(fmt::format("{} -O{}:{} -O{}", p.caller.spec, level, p.callee.spec, level)));
    candidates = std::move(levelled);
  }
  std::vector<abi::CompilerPair> out;
  for (abi::CompilerPair& p : candidates) {
    std::string reason;
    for (const abi::Compiler* c : {&p.caller, &p.callee}) {
      if (!reason.empty()) break;
      if (!abi::supports(*c, suite.needs))
        reason = fmt::format("{} lacks what suite '{}' needs ({})", c->program(), suite.name, fmt::join(suite.needs, ", "));
      try {
        abi::for_arch(*c, arch);
      } catch (const abi::ToolchainError& e) {
        reason = e.what();
      }
    }
    if (reason.empty()) out.push_back(std::move(p));
    else skipped.push_back({p.spec(), reason});
  }
  return out;
}

}  // namespace

std::vector<abi::CompilerPair> shard_share(std::vector<abi::CompilerPair> matrix, const Shard& shard) {
  if (!shard.sharded()) return matrix;
  std::vector<abi::CompilerPair> mine;
  if (matrix.size() < shard.count) {
    // More shards than entries: each shard hunts one entry, with its own
    // seed stream, and every entry is hunted.
    mine.push_back(matrix[shard.index % matrix.size()]);
    return mine;
  }
  for (size_t i = 0; i < matrix.size(); ++i)
    if (shard.owns(i)) mine.push_back(std::move(matrix[i]));
  return mine;
}

std::unique_ptr<PreparedHunt> prepare_hunt(const HuntRequest& r, const std::function<void(const SkippedPair&)>& on_skip) {
  auto hunt = std::make_unique<PreparedHunt>();
  const abi::Arch arch = abi::arch_named(r.arch);
  if (const std::string missing = abi::missing_tools(arch); !missing.empty())
    throw abi::ToolchainError(fmt::format("--arch {} needs {} (make deps installs aarch64 and riscv64)", arch.name, missing));
  if (!r.expect_file.empty()) hunt->expectations = Expectations::load(r.expect_file);

  HuntPlan& plan = hunt->plan;
  plan = HuntPlan{.suite = r.suite, .arch = arch.name, .seed = r.budget.seed(), .runs = r.budget.run_limit(),
                  .seconds = r.budget.seconds, .size = r.size, .batch = r.batch,
                  .shrink_calls = r.budget.shrink_calls, .shrink_seconds = r.budget.shrink_seconds,
                  .shrink = r.budget.shrink, .reduction_share = r.reduction_share,
                  .shrink_lookahead = r.shrink_lookahead, .adapt = r.adapt,
                  .mutate_ratio = r.mutate_ratio, .jobs = r.jobs, .unsafe_lua = r.unsafe_lua,
                  .expectations = &hunt->expectations};
  for (const std::string& f : r.lua_files) plan.lua_files.push_back(std::filesystem::absolute(f));
  plan.build.run_timeout = std::chrono::milliseconds(static_cast<int64_t>(r.run_timeout * 1000));
  plan.build.compile_timeout = std::chrono::milliseconds(static_cast<int64_t>(r.compile_timeout * 1000));

  // The suite list of the interpreter the workers will have (built-ins and the user's files).
  std::shared_ptr<script::Interpreter> lua = quest::make_interpreter(r.budget.rng_seed, r.unsafe_lua);
  for (const std::filesystem::path& f : plan.lua_files) lua->run_file(f);
  std::optional<quest::SuiteInfo> suite;
  for (quest::SuiteInfo& s : quest::list_suites(*lua))
    if (s.name == r.suite) suite = std::move(s);
  if (!suite) throw quest::UnknownSuite(fmt::format("unknown suite '{}' (see 'testgen quest -list')", r.suite));
  plan.dialect = suite->dialect;

  plan.pairs = pairs_to_hunt(r, *suite, arch, hunt->skipped);
  if (on_skip)
    for (const SkippedPair& s : hunt->skipped) on_skip(s);
  if (plan.pairs.empty()) throw abi::ToolchainError("no compiler pair can build this suite here");
  plan.shard = r.budget.shard();
  plan.pairs = shard_share(std::move(plan.pairs), plan.shard);

  if (!r.corpus_root.empty()) hunt->corpus = AbiFront().open_corpus(r.corpus_root);
  plan.corpus = hunt->corpus.get();
  hunt->sync = r.budget.open_sync();
  plan.sync = hunt->sync.get();
  // Builds go in the corpus's scratch, or in the temporary directory without one.
  hunt->scratch = std::make_unique<ScratchDir>(
      hunt->corpus ? hunt->corpus->work_dir() : std::filesystem::temp_directory_path(), "testgen-hunt");
  plan.scratch_root = hunt->scratch->path();
  return hunt;
}

}  // namespace testgen::hunt
