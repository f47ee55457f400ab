#include "calibration.h"

#include <fmt/format.h>

#include "testgen/source.h"

namespace testgen::scenario {

Calibration::Calibration(std::shared_ptr<const MutationContext> context, int64_t max_mutations,
                         std::vector<size_t> seed_filter, uint64_t seed)
    : context_(context), max_mutations_(max_mutations), gen_(scenario_gen(context, max_mutations, std::move(seed_filter))),
      rng_(seed) {}

MutatedScenario Calibration::scenario_of(const ChoiceTree& tree) const {
  ChoiceTree copy = tree;
  Source source(copy, SourceOptions{.seed = 0, .fill = Fill::kSimplest});
  return gen_(source.root());
}

void Calibration::start(const ChoiceTree& tree, double score) {
  best_ = tree;
  best_score_ = score;
  pending_.reset();
  enumerate();
}

void Calibration::enumerate() {
  knobs_.clear();
  // scenario_gen's layout: the root holds the seed (slot 0) and the list
  // (slot 1), whose slot 0 is its length and slots 1..n the mutations.
  const ChoiceNode* list = best_.root().child(1);
  const ChoiceNode* length = list ? list->child(0) : nullptr;
  if (!length || length->kind != ChoiceKind::kInteger) return;
  if (length->value >= max_mutations_) {
    // Full: the ways to make room, each the list without one mutation.
    for (int64_t k = 1; k <= length->value; ++k) {
      ChoiceTree candidate = best_;
      ChoiceNode& l = *candidate.root().child(1);
      l.erase_child(static_cast<uint32_t>(k));
      for (auto& [slot, child] : l.children)
        if (slot > static_cast<uint32_t>(k)) --slot;
      l.child(0)->value = length->value - 1;
      knobs_.push_back({std::move(candidate), true});
    }
  } else {
    const MutatedScenario current = scenario_of(best_);
    const auto slot = static_cast<uint32_t>(length->value + 1);
    for (const std::vector<int64_t>& decisions : knobs(current.doc, *context_)) {
      ChoiceTree candidate = best_;
      ChoiceNode& l = *candidate.root().child(1);
      l.child(0)->value = length->value + 1;
      ChoiceNode& element = l.child_or_create(slot);
      element.kind = ChoiceKind::kGroup;
      for (size_t i = 0; i < decisions.size(); ++i) {
        ChoiceNode& d = element.child_or_create(static_cast<uint32_t>(i));
        d.kind = ChoiceKind::kInteger;
        d.value = d.lo = d.hi = decisions[i];
      }
      knobs_.push_back({std::move(candidate), false});
    }
  }
  // Shuffled (Fisher-Yates on our own RNG, so the order is the same everywhere).
  for (size_t i = knobs_.size(); i > 1; --i) std::swap(knobs_[i - 1], knobs_[rng_.below(i)]);
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
    enumerate();
  }
  pending_.reset();
}

std::optional<ChoiceTree> Calibration::next() {
  if (knobs_.empty()) return std::nullopt;
  pending_ = std::move(knobs_.back());
  knobs_.pop_back();
  return pending_->tree;
}

}  // namespace testgen::scenario
