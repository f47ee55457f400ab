#include "testgen/source.h"

#include <fmt/format.h>

#include <tuple>

namespace testgen {
namespace {
constexpr int kRejectionTries = 16;
}

Source::Source(ChoiceTree& tree, SourceOptions options)
    : tree_(tree), options_(options), rng_(options.seed) {
  tree_.clear_forced();
  tree_.root().forced = true;
  if (options_.novelty) trie_at_ = options_.novelty->root();
}

Cursor Source::root() { return Cursor(*this, tree_.root(), options_.size); }

bool Source::finish() {
  if (finished_) return true;
  finished_ = true;
  return options_.novelty ? options_.novelty->finish(trie_at_) : true;
}

bool Source::avoid(int64_t value) const {
  return options_.novelty && options_.novelty->exhausted(trie_at_, value);
}

int64_t Source::decide(ChoiceNode& node, const Site& site, ChoiceKind kind, int64_t lo, int64_t hi,
                       std::span<const double> weights) {
  if (lo > hi) throw GenerationError(fmt::format("{}: empty range [{}, {}]", site.label, lo, hi));
  if (node.decided)
    throw GenerationError(fmt::format(
        "{}: two decisions at one node (the other by site {:016x}); give each generator its own "
        "child slot with Cursor::child()",
        site.label, node.site));
  const bool replayable = node.kind == kind && node.value >= lo && node.value <= hi &&
                          (weights.empty() || weights[static_cast<size_t>(node.value - lo)] > 0);
  int64_t value;
  if (replayable && !avoid(node.value)) {
    value = node.value;
  } else if (options_.fill == Fill::kSimplest) {
    value = simplest_in(lo, hi);
    // With static weights (freq) the simplest option is the first one allowed.
    while (!weights.empty() && value < hi && weights[static_cast<size_t>(value - lo)] <= 0) ++value;
  } else {
    value = draw_fresh(site, lo, hi, weights);
    ++fresh_;
  }
  node.site = site.id;
  node.kind = kind;
  node.lo = lo;
  node.hi = hi;
  node.value = value;
  node.decided = true;
  decisions_.push_back(Decision{site.id, kind, lo, hi, value});
  if (options_.novelty) trie_at_ = options_.novelty->descend(trie_at_, lo, hi, value);
  return value;
}

int64_t Source::draw_fresh(const Site& site, int64_t lo, int64_t hi, std::span<const double> weights) {
  const uint64_t span = static_cast<uint64_t>(hi) - static_cast<uint64_t>(lo);
  const bool small = span < 64 || (options_.model && options_.model->adapts(lo, hi));
  if (small && (!weights.empty() || options_.model || options_.novelty)) {
    if (options_.model) {
      options_.model->probabilities(site.id, lo, hi, weights, scratch_);
    } else {
      scratch_.assign(span + 1, 1.0);
      if (!weights.empty()) std::copy(weights.begin(), weights.end(), scratch_.begin());
    }
    if (options_.novelty) {
      std::vector<double> open = scratch_;
      bool any = false;
      for (size_t i = 0; i <= span; ++i) {
        if (avoid(lo + static_cast<int64_t>(i))) open[i] = 0;
        any = any || open[i] > 0;
      }
      if (any) scratch_.swap(open);  // else everything is explored: draw as usual
    }
    return lo + static_cast<int64_t>(rng_.weighted(scratch_));
  }
  // A wide range the model has learnt about: a bucket by its weight, then a
  // value in it.
  int64_t first = lo, last = hi;
  if (options_.model && options_.model->adapts_by_bucket(lo, hi) &&
      options_.model->bucket_probabilities(site.id, lo, hi, scratch_)) {
    std::tie(first, last) = options_.model->bucket_range(lo, hi, rng_.weighted(scratch_));
  }
  int64_t value = rng_.between(first, last);
  for (int i = 0; i < kRejectionTries && avoid(value); ++i) value = rng_.between(first, last);
  return value;
}

Cursor Cursor::child(uint32_t slot) const {
  ChoiceNode& c = node_->child_or_create(slot);
  c.forced = true;
  ++source_->nodes_;
  return Cursor(*source_, c, size_, depth_ + 1);
}

void Cursor::check_bounds(const Site& site) const {
  if (depth_ > kMaxTreeDepth)
    throw GenerationError(fmt::format("{}: the value nests deeper than {} levels; a recursive generator without a base "
                                      "case (one that returns itself), or a size far too large?",
                                      site.label, kMaxTreeDepth));
  if (source_->nodes_ > kMaxTreeNodes)
    throw GenerationError(fmt::format("{}: one value needed more than {} choices; a generator that grows without "
                                      "bound, or a size far too large?",
                                      site.label, kMaxTreeNodes));
}

void Cursor::claim(const Site& site, ChoiceKind kind) const {
  check_bounds(site);
  if (node_->kind != kind) {
    node_->kind = kind;
    node_->lo = node_->hi = node_->value = 0;
  }
  node_->site = site.id;
}

int64_t Cursor::decide(const Site& site, ChoiceKind kind, int64_t lo, int64_t hi,
                       std::span<const double> weights) const {
  check_bounds(site);
  return source_->decide(*node_, site, kind, lo, hi, weights);
}

}  // namespace testgen
