#include "testgen/shrinker.h"

#include "testgen/interrupt.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <utility>

namespace testgen {
namespace {

// 128-bit arithmetic for moving values near the ends of the 64-bit range.
__extension__ typedef __int128 int128;

constexpr std::string_view kPassNames[] = {"delete_elements", "simplest_subtree", "lower_integers",
                                           "lower_duplicates", "redistribute", "swap_elements", "promote_descendant",
                                           "transplant_earlier"};
// redistribute pairs a decision with this many later decisions of the same site.
constexpr size_t kRedistributeWindow = 8;
// transplant_earlier tries this many later donors per node, and clears this
// many of a donor's ancestors.
constexpr size_t kTransplantDonors = 4;
constexpr size_t kTransplantAncestors = 4;

/// The value at distance `d` from the simplest value, on the side of `from`.
int64_t toward_simplest(const ChoiceNode& node, int64_t from, uint64_t d) {
  const int64_t target = simplest_in(node.lo, node.hi);
  const auto t = static_cast<uint64_t>(target);
  return from >= target ? static_cast<int64_t>(t + d) : static_cast<int64_t>(t - d);
}

bool subtree_is_simplest(const ChoiceNode& node) {
  if (node.distance() != 0) return false;
  for (const auto& [slot, c] : node.children)
    if (c->forced && !subtree_is_simplest(*c)) return false;
  return true;
}

ChoiceNode* first_decision(ChoiceNode& node) {
  if (is_decision(node.kind)) return &node;
  for (auto& [slot, c] : node.children)
    if (ChoiceNode* d = first_decision(*c)) return d;
  return nullptr;
}

class Shrinker {
 public:
  Shrinker(const ChoiceTree& start, const ShrinkOracle& oracle, ShrinkOptions options)
      : current_(start.forced_only()), oracle_(oracle), options_(options) {
    for (auto name : kPassNames) stats_.push_back({std::string(name), 0, 0});
  }

  ShrinkResult run() {
    // Start from what the failing tree really runs, so later comparisons are fair.
    if (!options_.start_verified) {
      ++calls_;
      if (std::optional<ChoiceTree> ran = oracle_(current_)) current_ = ran->forced_only();
    }
    // A round runs the passes in order; rounds go on until a whole one
    // changes nothing. A resumed slice starts its first round at the pass
    // the last slice stopped in.
    constexpr size_t kCheap = 7;  // the passes run_pass knows; transplant_earlier comes after them
    size_t first = std::min(options_.first_pass, kCheap);
    while (!spent()) {
      bool progress = false;
      for (size_t p = first; p < kCheap && !spent(); ++p) {
        stopped_in_ = p;
        progress |= run_pass(p);
      }
      if (!progress && !spent()) {  // the costly one, once the rest is stuck
        stopped_in_ = kCheap;
        progress |= transplant_earlier();
      }
      if (!progress && first == 0) break;  // a whole round changed nothing: a minimum
      first = 0;
    }
    const bool stopped = spent();
    return ShrinkResult{std::move(current_), calls_, stopped, std::move(stats_), stopped ? stopped_in_ : 0, calls_};
  }

 private:
  // Pass `p` in the order of kPassNames. (A switch, not an array of member
  // function pointers: gcc 12's UBSan misreads indexing into one.)
  bool run_pass(size_t p) {
    switch (p) {
      case 0: return delete_elements();
      case 1: return simplest_subtree();
      case 2: return lower_integers();
      case 3: return lower_duplicates();
      case 4: return redistribute();
      case 5: return swap_elements();
      case 6: return promote_descendant();
      default: return false;
    }
  }

  bool spent() const {
    if (calls_ >= options_.max_calls || interrupted() || (options_.halt && options_.halt())) return true;
    return options_.max_seconds > 0 &&
           std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count() >= options_.max_seconds;
  }

  bool attempt(const ChoiceTree& candidate, size_t pass) {
    if (spent()) return false;
    const uint64_t key = options_.rejected ? candidate.hash() : 0;
    if (options_.rejected && options_.rejected->count(key)) return false;
    ++calls_;
    ++stats_[pass].attempts;
    std::optional<ChoiceTree> ran = oracle_(candidate);
    // A run cut short by an interrupt says nothing about the candidate.
    if (interrupted()) return false;
    if (!ran || !simpler_than(*ran, current_)) {
      if (options_.rejected) options_.rejected->insert(key);
      return false;
    }
    current_ = ran->forced_only();
    ++stats_[pass].successes;
    return true;
  }

  std::vector<NodePath> paths_of(ChoiceKind only, bool any_kind) const {
    std::vector<NodePath> out;
    for (auto& p : current_.forced_paths())
      if (any_kind || current_.find(p)->kind == only) out.push_back(std::move(p));
    return out;
  }

  static size_t element_count(const ChoiceNode& list) {
    size_t n = 0;
    for (const auto& [slot, c] : list.children) n += slot > 0 && c->forced;
    return n;
  }

  // Removes elements [first, first + k) of the list at `path` and lowers its length by k.
  ChoiceTree without_elements(const NodePath& path, size_t first, size_t k) const {
    ChoiceTree cand = current_;
    ChoiceNode* list = cand.find(path);
    auto& ch = list->children;
    const auto lo = static_cast<uint32_t>(first + 1), hi = static_cast<uint32_t>(first + k);
    std::erase_if(ch, [&](const auto& e) { return e.first >= lo && e.first <= hi; });
    for (auto& e : ch)
      if (e.first > hi) e.first -= static_cast<uint32_t>(k);
    if (ChoiceNode* len = list->child(0)) {
      if (ChoiceNode* d = first_decision(*len)) {
        const int128 lowered = static_cast<int128>(d->value) - static_cast<int128>(k);
        d->value = static_cast<int64_t>(std::max<int128>(lowered, d->lo));
      }
    }
    return cand;
  }

  bool delete_elements() {
    bool progress = false;
    for (const NodePath& path : paths_of(ChoiceKind::kList, false)) {
      const ChoiceNode* list = current_.find(path);
      if (!list) continue;
      for (size_t k = element_count(*list); k >= 1 && !spent(); k /= 2) {
        // Walk back from the end so that indices below `first` stay valid after a deletion.
        for (size_t first = element_count(*current_.find(path)); first-- > 0 && !spent();) {
          const ChoiceNode* now = current_.find(path);
          if (!now || now->kind != ChoiceKind::kList) break;
          if (first + k > element_count(*now)) continue;
          progress |= attempt(without_elements(path, first, k), 0);
        }
        if (!current_.find(path)) break;
      }
    }
    return progress;
  }

  bool simplest_subtree() {
    bool progress = false;
    for (const NodePath& path : paths_of(ChoiceKind::kEmpty, true)) {
      const ChoiceNode* node = current_.find(path);
      if (!node || subtree_is_simplest(*node) || spent()) continue;
      ChoiceTree cand = current_;
      ChoiceNode* n = cand.find(path);
      if (is_decision(n->kind)) n->value = simplest_in(n->lo, n->hi);
      n->children.clear();
      progress |= attempt(cand, 1);
    }
    return progress;
  }

  bool lower_integers() {
    bool progress = false;
    for (const NodePath& path : current_.decision_paths(true)) {
      const ChoiceNode* node = current_.find(path);
      if (!node || node->distance() == 0) continue;
      // Invariant: distance `hi` fails (the current value); find the least that still does.
      uint64_t lo = 0, hi = node->distance();
      while (lo < hi && !spent()) {
        const uint64_t mid = lo + (hi - lo) / 2;
        ChoiceTree cand = current_;
        ChoiceNode* n = cand.find(path);
        if (!n || !is_decision(n->kind)) break;
        n->value = toward_simplest(*n, n->value, mid);
        if (attempt(cand, 2)) {
          progress = true;
          const ChoiceNode* now = current_.find(path);
          if (!now || !is_decision(now->kind)) break;
          hi = std::min(mid, now->distance());
        } else {
          lo = mid + 1;
        }
      }
    }
    return progress;
  }

  bool lower_duplicates() {
    std::map<std::pair<ChoiceKind, int64_t>, std::vector<NodePath>> groups;
    for (const NodePath& path : current_.decision_paths(true)) {
      const ChoiceNode* n = current_.find(path);
      if (n->distance() > 0) groups[{n->kind, n->value}].push_back(path);
    }
    bool progress = false;
    for (const auto& [key, paths] : groups) {
      if (paths.size() < 2) continue;
      const ChoiceNode* first = current_.find(paths[0]);
      uint64_t lo = 0, hi = first->distance();
      const int64_t value = key.second;
      while (lo < hi && !spent()) {
        const uint64_t mid = lo + (hi - lo) / 2;
        ChoiceTree cand = current_;
        const ChoiceNode* f = cand.find(paths[0]);
        if (!f) break;
        const int64_t lowered = toward_simplest(*f, value, mid);
        bool all = true;
        for (const NodePath& p : paths) {
          ChoiceNode* n = cand.find(p);
          if (!n || !is_decision(n->kind) || lowered < n->lo || lowered > n->hi) all = false;
          else n->value = lowered;
        }
        if (!all) break;
        if (attempt(cand, 3)) {
          progress = true;
          hi = mid;
        } else {
          lo = mid + 1;
        }
      }
    }
    return progress;
  }

  // Moves value from an earlier integer to a later one of the same site, so
  // that a failure depending on a sum (leaves adding up to 100) still shrinks.
  bool redistribute() {
    bool progress = false;
    const std::vector<NodePath> paths = current_.decision_paths(true);
    for (size_t i = 0; i < paths.size() && !spent(); ++i) {
      size_t partners = 0;
      for (size_t j = i + 1; j < paths.size() && partners < kRedistributeWindow && !spent(); ++j) {
        const ChoiceNode* a = current_.find(paths[i]);
        const ChoiceNode* b = current_.find(paths[j]);
        if (!a || !b || a->kind != ChoiceKind::kInteger || a->site != b->site || b->kind != a->kind) continue;
        ++partners;
        if (a->distance() == 0) break;
        progress |= move_between(paths[i], paths[j]);
      }
    }
    return progress;
  }

  // Binary search for the largest amount that can move from `from` to `to`.
  bool move_between(const NodePath& from, const NodePath& to) {
    bool progress = false;
    uint64_t lo = 0, hi = current_.find(from)->distance();
    while (lo < hi && !spent()) {
      const uint64_t amount = hi - (hi - lo) / 2;  // try large moves first
      ChoiceTree cand = current_;
      ChoiceNode* a = cand.find(from);
      ChoiceNode* b = cand.find(to);
      const int64_t target = simplest_in(a->lo, a->hi);
      const int128 step = a->value >= target ? static_cast<int128>(amount) : -static_cast<int128>(amount);
      const int128 moved_to = static_cast<int128>(b->value) + step;
      if (moved_to < b->lo || moved_to > b->hi) {
        hi = amount - 1;
        continue;
      }
      a->value = static_cast<int64_t>(static_cast<int128>(a->value) - step);
      b->value = static_cast<int64_t>(moved_to);
      if (attempt(cand, 4)) {
        progress = true;
        const ChoiceNode* now = current_.find(from);
        if (!now || now->kind != ChoiceKind::kInteger) break;
        hi = now->distance();
        lo = 0;
        if (hi == 0) break;
      } else {
        hi = amount - 1;
      }
    }
    return progress;
  }

  // Swaps adjacent list elements when that puts the simpler one first; it
  // opens the way for redistribute and delete_elements on what follows.
  bool swap_elements() {
    bool progress = false;
    for (const NodePath& path : paths_of(ChoiceKind::kList, false)) {
      for (uint32_t slot = 1; !spent(); ++slot) {
        const ChoiceNode* list = current_.find(path);
        if (!list || list->kind != ChoiceKind::kList || !list->child(slot + 1)) break;
        ChoiceTree cand = current_;
        ChoiceNode* l = cand.find(path);
        std::swap(*l->child(slot), *l->child(slot + 1));
        if (simpler_than(cand, current_)) progress |= attempt(cand, 5);
      }
    }
    return progress;
  }

  // Replaces a node by a copy of one of its descendants made by the same
  // site: removes a level of recursion (a chain of branches one shorter).
  bool promote_descendant() {
    bool progress = false;
    for (const NodePath& path : paths_of(ChoiceKind::kEmpty, true)) {
      const ChoiceNode* node = current_.find(path);
      if (!node || node->site == 0 || spent()) continue;
      for (const NodePath& below : same_site_descendants(*node)) {
        if (spent()) break;
        ChoiceTree cand = current_;
        ChoiceNode* at = cand.find(path);
        if (!at) break;
        NodePath rel = below;
        const ChoiceNode* source = current_.find(path);
        for (uint32_t slot : rel) source = source ? source->child(slot) : nullptr;
        if (!source) break;
        *at = std::move(*source->clone());
        if (attempt(cand, 6)) {
          progress = true;
          break;  // the node changed: its descendants are different now
        }
      }
    }
    return progress;
  }

  // Copies a later subtree over an earlier one made by the same site and
  // clears an ancestor of the later one: the way out of a local minimum
  // where what fails sits in a part that cannot be removed without first
  // moving it (an enum among varargs -> the same enum as the one parameter).
  bool transplant_earlier() {
    const std::vector<NodePath> paths = current_.forced_paths();
    auto inside = [](const NodePath& a, const NodePath& b) {  // a is b or below it
      return a.size() >= b.size() && std::equal(b.begin(), b.end(), a.begin());
    };
    for (size_t i = 0; i < paths.size() && !spent(); ++i) {
      const ChoiceNode* target = current_.find(paths[i]);
      if (!target || target->site == 0) continue;
      size_t donors = 0;
      for (size_t j = i + 1; j < paths.size() && donors < kTransplantDonors && !spent(); ++j) {
        const ChoiceNode* donor = current_.find(paths[j]);
        if (!donor || donor->site != target->site || donor->kind != target->kind || inside(paths[j], paths[i]))
          continue;
        ++donors;
        for (size_t up = 1; up <= kTransplantAncestors && up < paths[j].size() && !spent(); ++up) {
          const NodePath ancestor(paths[j].begin(), paths[j].end() - static_cast<std::ptrdiff_t>(up));
          if (inside(paths[i], ancestor)) break;  // clearing it would clear the transplant too
          ChoiceTree cand = current_;
          *cand.find(paths[i]) = std::move(*donor->clone());
          ChoiceNode* clear = cand.find(ancestor);
          if (is_decision(clear->kind)) clear->value = simplest_in(clear->lo, clear->hi);
          clear->children.clear();
          if (attempt(cand, 7)) return true;  // paths are stale now
        }
      }
    }
    return false;
  }

  // Paths (relative to `node`) of forced proper descendants with node's site, nearest first.
  static std::vector<NodePath> same_site_descendants(const ChoiceNode& node) {
    std::vector<NodePath> out;
    std::vector<std::pair<const ChoiceNode*, NodePath>> level{{&node, {}}};
    while (!level.empty()) {
      std::vector<std::pair<const ChoiceNode*, NodePath>> next;
      for (const auto& [n, p] : level) {
        for (const auto& [slot, c] : n->children) {
          if (!c->forced) continue;
          NodePath q = p;
          q.push_back(slot);
          if (c->site == node.site && c->kind == node.kind) out.push_back(q);
          next.emplace_back(c.get(), std::move(q));
        }
      }
      level = std::move(next);
    }
    return out;
  }

  ChoiceTree current_;
  const ShrinkOracle& oracle_;
  ShrinkOptions options_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  size_t calls_ = 0;
  size_t stopped_in_ = 0;
  std::vector<ShrinkPassStats> stats_;
};

}  // namespace

ShrinkResult shrink(const ChoiceTree& failing, const ShrinkOracle& oracle, ShrinkOptions options) {
  return Shrinker(failing, oracle, options).run();
}

std::span<const std::string_view> shrink_passes() { return kPassNames; }

}  // namespace testgen
