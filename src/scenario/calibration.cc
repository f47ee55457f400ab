#include "calibration.h"

#include <fmt/format.h>

#include "testgen/source.h"

namespace testgen::scenario {

Calibration::Calibration(std::shared_ptr<const MutationContext> context, int64_t max_mutations,
                         std::vector<size_t> seed_filter, uint64_t seed, size_t patience)
    : context_(context), max_mutations_(max_mutations), gen_(scenario_gen(context, max_mutations, std::move(seed_filter))),
      rng_(seed), patience_(patience) {}

MutatedScenario Calibration::scenario_of(const ChoiceTree& tree) const {
  ChoiceTree copy = tree;
  Source source(copy, SourceOptions{.seed = 0, .fill = Fill::kSimplest});
  return gen_(source.root());
}

void Calibration::start(const ChoiceTree& tree, double score) {
  best_ = tree;
  best_score_ = score;
  pending_.reset();
  since_improvement_ = 0;
  enumerate();
}

// How early a knob is tried (0 first), from its decisions: the operation
// index means what ops_for() lists for the place's kind, and only numbers
// have three operations (delta, scale, boundary) with parameters.
int Calibration::rank_of(const std::vector<int64_t>& decisions) {
  if (decisions.size() == 4) return 3;                      // delta: a small step
  if (decisions.size() == 3 && decisions[1] == 2) return 1;  // boundary
  if (decisions.size() == 3 && decisions[1] == 1) return 2;  // scale, or delete an array element
  if (decisions.size() == 3 && decisions[1] == 0) return 0;  // enum, splice, duplicate
  return 0;                                                 // flip
}

void Calibration::enumerate() {
  knobs_.clear();
  // scenario_gen's layout: the root holds the seed (slot 0) and the list
  // (slot 1), whose slot 0 is its length and slots 1..n the mutations.
  const ChoiceNode* list = best_.root().child(1);
  const ChoiceNode* length = list ? list->child(0) : nullptr;
  if (!length || length->kind != ChoiceKind::kInteger) return;
  // One more mutation at `slot` (the list's length set to `slot`), made on `doc`.
  auto add_knobs = [&](const toml::table& doc, uint32_t slot) {
    for (const std::vector<int64_t>& decisions : knobs(doc, *context_)) {
      ChoiceTree candidate = best_;
      ChoiceNode& l = *candidate.root().child(1);
      l.child(0)->value = slot;
      l.erase_child(slot);
      ChoiceNode& element = l.child_or_create(slot);
      element.kind = ChoiceKind::kGroup;
      for (size_t i = 0; i < decisions.size(); ++i) {
        ChoiceNode& d = element.child_or_create(static_cast<uint32_t>(i));
        d.kind = ChoiceKind::kInteger;
        d.value = d.lo = d.hi = decisions[i];
      }
      knobs_.push_back({std::move(candidate), false, rank_of(decisions)});
    }
  };
  if (length->value < max_mutations_) {
    add_knobs(scenario_of(best_).doc, static_cast<uint32_t>(length->value + 1));
  } else {
    // Full: make room (the list without one mutation, kept if the score
    // holds), or turn the last mutation into another knob.
    for (int64_t k = 1; k <= length->value; ++k) {
      ChoiceTree candidate = best_;
      ChoiceNode& l = *candidate.root().child(1);
      l.erase_child(static_cast<uint32_t>(k));
      for (auto& [slot, child] : l.children)
        if (slot > static_cast<uint32_t>(k)) --slot;
      l.child(0)->value = length->value - 1;
      knobs_.push_back({std::move(candidate), true, 0});
    }
    ChoiceTree shorter = best_;
    shorter.root().child(1)->child(0)->value = length->value - 1;
    add_knobs(scenario_of(shorter).doc, static_cast<uint32_t>(length->value));
  }
  // Shuffled (Fisher-Yates on our own RNG, so the order is the same
  // everywhere), then the bold knobs first: flips, enum values, splices and
  // removals (few, and each changes the scenario's kind), then boundaries and
  // scales, then small steps and array edits.
  for (size_t i = knobs_.size(); i > 1; --i) std::swap(knobs_[i - 1], knobs_[rng_.below(i)]);
  std::stable_sort(knobs_.begin(), knobs_.end(), [](const Knob& a, const Knob& b) { return a.rank > b.rank; });
}

void Calibration::observe(double score) {
  if (!pending_) return;
  if (score > best_score_ || (pending_->removal && score >= best_score_)) {
    const MutatedScenario s = scenario_of(pending_->tree);
    std::string knob = "dropped a mutation";
    if (!pending_->removal && !s.mutations.empty()) {
      const Mutation& m = s.mutations.back();
      knob = fmt::format("{} {}: {} -> {}", m.op, m.path, m.from, m.to);
    }
    climbed_.push_back(fmt::format("{} ({:.2f} -> {:.2f})", knob, best_score_, score));
    best_ = std::move(pending_->tree);
    best_score_ = score;
    since_improvement_ = 0;
    enumerate();
  } else {
    ++since_improvement_;
  }
  pending_.reset();
}

std::optional<ChoiceTree> Calibration::next() {
  if (knobs_.empty() || since_improvement_ >= patience_) return std::nullopt;
  pending_ = std::move(knobs_.back());
  knobs_.pop_back();
  return pending_->tree;
}

}  // namespace testgen::scenario
