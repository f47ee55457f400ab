// testgen corpus merge: corpora of shards merged into one (src/corpus/merge.cc).
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "cli_support.h"
#include "corpus_merge.h"
#include "error_exit.h"
#include "exit_codes.h"

namespace testgen::cli {
namespace {

int merge(const Args& args) {
  CLI::App app{
      "Merge corpora into one: the corpora of the shards of a run (--shard I/N, Slurm array tasks), or of runs on\n"
      "other machines. OUT is created if missing and keeps its own cases. Accepted cases of the inputs are taken\n"
      "smallest first (their tree.json), each only when it adds a feature its target's cases do not have yet;\n"
      "findings are kept one per target and signature, the smallest reproducer (a larger one already in OUT is\n"
      "replaced); seeds OUT lacks are copied; global coverage becomes the union. The inputs are only read.\n"
      "Crash-safe: a merge killed half-way leaves OUT consistent; run it again to finish it.\n"
      "Prints a JSON summary on stdout.\n\n"
      "example: testgen corpus merge merged shard-0 shard-1 shard-2 shard-3",
      "testgen corpus merge"};
  std::string out;
  std::vector<std::string> inputs;
  bool quiet = false;
  app.add_option("OUT", out, "the corpus to merge into (created if missing)")->required();
  app.add_option("IN", inputs, "corpora to merge from")->required();
  app.add_flag("-q,--quiet", quiet, "no progress or warnings on stderr");
  if (auto stop = parse(app, "corpus merge", args)) return *stop;

  return guarded("corpus merge", [&] {
    MergeRequest request{.out = out};
    for (const std::string& in : inputs) request.inputs.emplace_back(in);
    if (!quiet) {
      request.progress = [](const std::string& line) { fmt::print(stderr, "testgen: corpus merge: {}\n", line); };
      request.warn = [](const std::string& line) { fmt::print(stderr, "testgen: warning: {}\n", line); };
    }
    const MergeReport r = merge_corpora(request);
    nlohmann::json per_input = nlohmann::json::array();
    for (const MergeInput& in : r.inputs)
      per_input.push_back({{"path", in.path.string()}, {"accepted", in.accepted}, {"findings", in.findings},
                           {"unreadable", in.unreadable}});
    print_json({{"out", out},
                {"inputs", per_input},
                {"before", {{"accepted", r.accepted_before}, {"findings", r.findings_before}}},
                {"accepted", {{"added", r.accepted_added}, {"redundant", r.accepted_redundant},
                              {"already_present", r.accepted_present}}},
                {"findings", {{"added", r.findings_added}, {"replaced_by_smaller", r.findings_replaced},
                              {"duplicates_left_out", r.findings_duplicate}}},
                {"seeds_added", r.seeds_added},
                {"after", {{"accepted", r.accepted_after}, {"findings", r.findings_after}}},
                {"global_coverage", r.observed}});
    if (!quiet) fmt::print(stderr, "testgen: corpus merge: done in {:.2f} s\n", r.seconds);
    return kExitOk;
  });
}

}  // namespace

int run_corpus(const Args& args) { return run_action(args, "corpus", "merge", "OUT IN...", merge); }

}  // namespace testgen::cli
