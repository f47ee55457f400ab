#include "corpus_merge.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <tuple>
#include <unordered_set>

#include "case_format.h"
#include "testgen/corpus.h"
#include "testgen/interrupt.h"

namespace testgen {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// One case of one of the corpora, as the merge weighs it.
struct Candidate {
  std::string id, target, signature;
  bool rejected = false;
  bool in_out = false;  // already in OUT
  uint64_t size = 0;    // bytes of tree.json: the smaller reproducer wins
  FeatureSet features;
  fs::path dir;
  fs::path root;
};

bool smaller(const Candidate& a, const Candidate& b) {
  // OUT's own case first among equals: a rerun changes nothing.
  return std::tuple(a.size, !a.in_out, a.id) < std::tuple(b.size, !b.in_out, b.id);
}

std::vector<fs::path> sorted_entries(const fs::path& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) out.push_back(it->path());
  std::sort(out.begin(), out.end());
  return out;
}

fs::path normal(const fs::path& p) {
  std::error_code ec;
  fs::path n = fs::weakly_canonical(fs::absolute(p), ec);
  return ec ? p.lexically_normal() : n;
}

// The cases of the corpus at `root`; unreadable ones are counted and named.
std::vector<Candidate> read_cases(const fs::path& root, bool in_out, MergeInput& counts,
                                  const std::function<void(const std::string&)>& warn) {
  std::vector<Candidate> out;
  const CorpusLayout layout{root};
  for (bool rejected : {false, true}) {
    for (const fs::path& dir : sorted_entries(layout.cases(rejected))) {
      try {
        const fs::path file = dir / "case.json";
        const json c = case_format::parse_file(file);
        const CaseInfo info = case_format::read(c, file);
        if (info.id != dir.filename().string() || info.rejected != rejected)
          throw CorpusError(fmt::format("{}: the case says {}/{}, but it sits in {}", file.string(),
                                        case_format::status_dir(info.rejected), info.id, dir.string()));
        std::error_code ec;
        const uint64_t size = fs::file_size(dir / "tree.json", ec);
        if (ec) throw CorpusError(fmt::format("{}: {}", (dir / "tree.json").string(), ec.message()));
        out.push_back(Candidate{.id = info.id, .target = info.target, .signature = info.signature,
                                .rejected = rejected, .in_out = in_out, .size = size,
                                .features = case_format::features(c, file), .dir = dir, .root = root});
        ++(rejected ? counts.findings : counts.accepted);
      } catch (const InputError& e) {
        ++counts.unreadable;
        if (warn) warn(fmt::format("{}; left out of the merge", e.what()));
      }
    }
  }
  return out;
}

// The observed list of a corpus's global_coverage.json (none if unreadable).
void add_observed(const fs::path& root, std::set<std::string>& into,
                  const std::function<void(const std::string&)>& warn) {
  const fs::path file = CorpusLayout{root}.global_coverage();
  if (!fs::exists(file)) return;
  const json doc = json::parse(read_file(file), nullptr, false);
  if (!doc.is_object() || !doc.contains("observed") || !doc["observed"].is_array()) {
    if (warn) warn(fmt::format("{}: not a coverage summary; its coverage is left out", file.string()));
    return;
  }
  for (const json& o : doc["observed"])
    if (o.is_string()) into.insert(o.get<std::string>());
}

// The "campaign" options recorded in the case's metadata in its own corpus.
json campaign_of(const Candidate& c) {
  const fs::path file = CorpusLayout{c.root}.case_metadata(c.id);
  std::error_code ec;
  if (!fs::is_regular_file(file, ec)) return nullptr;
  const json meta = json::parse(read_file(file), nullptr, false);
  return meta.is_object() && meta.contains("campaign") ? meta["campaign"] : json(nullptr);
}

// Seed files `in` has and OUT lacks (a scenario case replays against its seed).
size_t copy_seeds(const fs::path& in, const fs::path& out, const std::function<void(const std::string&)>& warn) {
  const fs::path from = CorpusLayout{in}.seeds(), to = CorpusLayout{out}.seeds();
  size_t copied = 0;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(from, ec), end; !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    const fs::path target = to / fs::relative(it->path(), from);
    if (fs::exists(target)) {
      if (read_file(target) != read_file(it->path()) && warn)
        warn(fmt::format("{}: differs from {}; OUT's seed is kept", it->path().string(), target.string()));
      continue;
    }
    fs::create_directories(target.parent_path());
    copy_file_atomic(it->path(), target, 0);
    ++copied;
  }
  const fs::path index_in = CorpusLayout{in}.seeds_index(), index_out = CorpusLayout{out}.seeds_index();
  if (copied > 0 && fs::exists(index_in) && !fs::exists(index_out)) copy_file_atomic(index_in, index_out, 0);
  return copied;
}

void check_input(const fs::path& in, const fs::path& out) {
  const CorpusLayout layout{in};
  if (!fs::is_directory(in)) throw CorpusError(fmt::format("{}: no such corpus directory", in.string()));
  if (!fs::is_directory(layout.cases(false)) && !fs::is_directory(layout.cases(true)))
    throw CorpusError(fmt::format("{}: not a corpus (no accepted/ or rejected/ in it)", in.string()));
  if (normal(in) == normal(out)) throw CorpusError(fmt::format("{}: is the output corpus itself", in.string()));
}

}  // namespace

MergeReport merge_corpora(const MergeRequest& request) {
  const auto start = std::chrono::steady_clock::now();
  for (const fs::path& in : request.inputs) check_input(in, request.out);
  // The front name is used only by Corpus::save, which a merge never calls.
  Corpus out(request.out, "");
  out.set_warning_sink(request.warn);
  MergeReport report;

  MergeInput own;
  std::vector<Candidate> cases = read_cases(out.root(), true, own, request.warn);
  report.accepted_before = own.accepted;
  report.findings_before = own.findings;
  std::set<std::string> observed;
  add_observed(out.root(), observed, request.warn);
  for (const fs::path& in : request.inputs) {
    MergeInput counts{.path = in};
    std::vector<Candidate> more = read_cases(in, false, counts, request.warn);
    cases.insert(cases.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
    add_observed(in, observed, request.warn);
    report.inputs.push_back(counts);
  }
  size_t done = 0;
  // Ctrl-C stops between cases: every step is atomic, so OUT is whole, and
  // a rerun finishes the merge.
  auto tick = [&] {
    if (interrupted()) throw Interrupted(interrupt_signal());
    if (++done % 1000 == 0 && request.progress) request.progress(fmt::format("{} of {} cases weighed", done, cases.size()));
  };

  // Accepted cases: OUT's coverage first, per target (a tree means
  // something only to its own target), then the inputs' smallest first.
  std::map<std::string, std::unordered_set<Feature>> covered;
  std::unordered_set<std::string> present;
  std::vector<const Candidate*> offered;
  for (const Candidate& c : cases) {
    if (c.rejected) continue;
    if (c.in_out) {
      covered[c.target].insert(c.features.begin(), c.features.end());
      present.insert(c.id);
    } else {
      offered.push_back(&c);
    }
  }
  std::stable_sort(offered.begin(), offered.end(), [](const Candidate* a, const Candidate* b) { return smaller(*a, *b); });
  for (const Candidate* c : offered) {
    tick();
    if (present.contains(c->id)) {
      ++report.accepted_present;
      continue;
    }
    std::unordered_set<Feature>& mine = covered[c->target];
    const bool adds = std::any_of(c->features.begin(), c->features.end(), [&](Feature f) { return !mine.contains(f); });
    if (!adds) {
      ++report.accepted_redundant;
      continue;
    }
    out.adopt_case(c->dir, campaign_of(*c));
    mine.insert(c->features.begin(), c->features.end());
    present.insert(c->id);
    ++report.accepted_added;
  }

  // Findings: one per target and signature, the smallest.
  std::map<std::pair<std::string, std::string>, std::vector<const Candidate*>> by_signature;
  for (const Candidate& c : cases)
    if (c.rejected) by_signature[{c.target, c.signature}].push_back(&c);
  for (auto& [key, group] : by_signature) {
    tick();
    std::stable_sort(group.begin(), group.end(), [](const Candidate* a, const Candidate* b) { return smaller(*a, *b); });
    const Candidate& best = *group.front();
    bool replaced = false;
    if (!best.in_out && out.adopt_case(best.dir, campaign_of(best))) ++report.findings_added;
    for (size_t i = 1; i < group.size(); ++i) {
      if (group[i]->id == best.id) continue;  // the same case in two corpora
      if (group[i]->in_out) {
        out.remove_case(group[i]->id, true);
        replaced = true;
      } else {
        ++report.findings_duplicate;
      }
    }
    report.findings_replaced += replaced && !best.in_out;
  }

  for (const fs::path& in : request.inputs) report.seeds_added += copy_seeds(in, out.root(), request.warn);
  out.save_observed(observed);  // last: OUT's coverage says merged only when the cases are
  report.observed = observed.size();
  for (const CaseInfo& c : out.cases()) ++(c.rejected ? report.findings_after : report.accepted_after);
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

}  // namespace testgen
