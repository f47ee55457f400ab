#include "testgen/mutation.h"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>
#include <vector>

namespace testgen {
namespace {

// 128-bit arithmetic for moving values near the ends of the 64-bit range.
__extension__ typedef __int128 int128;

std::optional<NodePath> random_decision(const ChoiceTree& tree, Rng& rng, bool integers_only) {
  std::vector<NodePath> paths = tree.decision_paths(true);
  if (integers_only) {
    std::erase_if(paths, [&](const NodePath& p) {
      const ChoiceNode* n = tree.find(p);
      return n->kind != ChoiceKind::kInteger || n->lo == n->hi;
    });
  }
  if (paths.empty()) return std::nullopt;
  return paths[rng.below(paths.size())];
}

ChoiceNode* first_decision_in(ChoiceNode& node) {
  if (is_decision(node.kind)) return &node;
  for (auto& [slot, child] : node.children)
    if (ChoiceNode* d = first_decision_in(*child)) return d;
  return nullptr;
}

}  // namespace

bool append_element(ChoiceTree& tree, const NodePath& path) {
  ChoiceNode* list = tree.find(path);
  if (!list || list->kind != ChoiceKind::kList) return false;
  ChoiceNode* length = list->child(0);
  ChoiceNode* d = length ? first_decision_in(*length) : nullptr;
  if (!d || d->value >= d->hi) return false;
  ++d->value;
  d->children.clear();
  return true;
}

void redraw(ChoiceTree& tree, const NodePath& path, Rng& rng) {
  ChoiceNode* node = tree.find(path);
  if (!node || !is_decision(node->kind)) return;
  const int64_t old = node->value;
  if (node->lo != node->hi) {
    // Draw from the range minus the old value, so the mutation always changes something.
    const uint64_t span = static_cast<uint64_t>(node->hi) - static_cast<uint64_t>(node->lo);
    uint64_t offset = rng.up_to(span - 1);
    int64_t candidate = static_cast<int64_t>(static_cast<uint64_t>(node->lo) + offset);
    if (candidate >= old) candidate = static_cast<int64_t>(static_cast<uint64_t>(candidate) + 1);
    node->value = candidate;
  }
  node->children.clear();
}

void nudge(ChoiceTree& tree, const NodePath& path, Rng& rng) {
  ChoiceNode* node = tree.find(path);
  if (!node || !is_decision(node->kind)) return;
  const uint64_t step = uint64_t{1} << rng.below(17);
  const bool up = rng.chance(0.5);
  // 128-bit arithmetic: the step may cross the ends of the 64-bit range.
  const auto delta = static_cast<int128>(step);
  int128 moved = static_cast<int128>(node->value) + (up ? delta : -delta);
  moved = std::clamp<int128>(moved, node->lo, node->hi);
  node->value = static_cast<int64_t>(moved);
}

bool use_hint(ChoiceTree& tree, const NodePath& path, std::span<const int64_t> hints, Rng& rng) {
  ChoiceNode* node = tree.find(path);
  if (!node || node->kind != ChoiceKind::kInteger || hints.empty()) return false;
  // A few tries: most hints of a large program are out of a given range.
  for (int attempt = 0; attempt < 8; ++attempt) {
    const int64_t hint = hints[rng.below(hints.size())];
    const int128 candidate = static_cast<int128>(hint) + static_cast<int64_t>(rng.below(3)) - 1;  // c-1, c, c+1
    if (candidate < node->lo || candidate > node->hi || candidate == node->value) continue;
    node->value = static_cast<int64_t>(candidate);
    node->children.clear();
    return true;
  }
  return false;
}

bool splice(ChoiceTree& into, const ChoiceTree& donor, Rng& rng) {
  std::unordered_map<uint64_t, std::vector<NodePath>> donor_by_site;
  for (const NodePath& p : donor.forced_paths()) {
    const ChoiceNode* n = donor.find(p);
    if (n->site != 0) donor_by_site[n->site].push_back(p);
  }
  std::vector<std::pair<NodePath, const std::vector<NodePath>*>> matches;
  for (const NodePath& p : into.forced_paths()) {
    if (p.empty()) continue;  // replacing the root would just copy the donor
    const ChoiceNode* n = into.find(p);
    auto it = donor_by_site.find(n->site);
    if (it != donor_by_site.end()) matches.emplace_back(p, &it->second);
  }
  if (matches.empty()) return false;
  const auto& [target, sources] = matches[rng.below(matches.size())];
  const NodePath& source = (*sources)[rng.below(sources->size())];
  NodePath parent_path(target.begin(), target.end() - 1);
  ChoiceNode* parent = into.find(parent_path);
  ChoiceNode& slot = parent->child_or_create(target.back());
  slot = std::move(*donor.find(source)->clone());
  return true;
}

namespace {

size_t elements_of(const ChoiceNode& list) {
  size_t n = 0;
  while (const ChoiceNode* e = list.child(static_cast<uint32_t>(n + 1))) {
    if (!e->forced) break;
    ++n;
  }
  return n;
}

}  // namespace

bool crossover(ChoiceTree& into, const ChoiceTree& donor, Rng& rng) {
  std::unordered_map<uint64_t, std::vector<NodePath>> donor_lists;  // by site
  for (const NodePath& p : donor.forced_paths()) {
    const ChoiceNode* n = donor.find(p);
    if (n->kind == ChoiceKind::kList && n->site != 0 && elements_of(*n) > 0) donor_lists[n->site].push_back(p);
  }
  std::vector<std::pair<NodePath, const std::vector<NodePath>*>> matches;
  for (const NodePath& p : into.forced_paths()) {
    const ChoiceNode* n = into.find(p);
    if (n->kind != ChoiceKind::kList) continue;
    auto it = donor_lists.find(n->site);
    if (it != donor_lists.end()) matches.emplace_back(p, &it->second);
  }
  if (matches.empty()) return false;
  const auto& [to, froms] = matches[rng.below(matches.size())];
  ChoiceNode* list = into.find(to);
  const ChoiceNode* from = donor.find((*froms)[rng.below(froms->size())]);
  ChoiceNode* length = list->child(0) ? first_decision_in(*list->child(0)) : nullptr;
  if (!length || length->kind != ChoiceKind::kInteger) return false;

  const size_t own = elements_of(*list), theirs = elements_of(*from);
  // Half the time all of the parent's steps, else a prefix of at least one.
  size_t keep = own == 0 || rng.chance(0.5) ? own : 1 + rng.below(own);
  const size_t first = rng.below(theirs);
  const auto most = static_cast<size_t>(std::max<int64_t>(length->hi, 0));
  keep = std::min(keep, most > 0 ? most - 1 : 0);
  const size_t take = std::min(theirs - first, most - keep);
  if (take == 0 || static_cast<int64_t>(keep + take) < length->lo) return false;

  std::erase_if(list->children, [&](const auto& c) { return c.first > keep; });
  for (size_t i = 0; i < take; ++i)
    list->child_or_create(static_cast<uint32_t>(keep + 1 + i)) =
        std::move(*from->child(static_cast<uint32_t>(first + 1 + i))->clone());
  length->value = static_cast<int64_t>(keep + take);
  length->children.clear();
  return true;
}

const Mutator& crossover_mutator() {
  static const Mutator op{"crossover", [](ChoiceTree& t, const ChoiceTree* donor, Rng& rng) -> std::optional<std::string> {
                            if (!donor || !crossover(t, *donor, rng)) return std::nullopt;
                            return std::string("crossover");
                          }};
  return op;
}

std::span<const Mutator> mutators() {
  static const Mutator table[] = {
      {"redraw",
       [](ChoiceTree& t, const ChoiceTree*, Rng& rng) -> std::optional<std::string> {
         auto p = random_decision(t, rng, false);
         if (!p) return std::nullopt;
         redraw(t, *p, rng);
         return fmt::format("redraw {}", path_to_string(*p));
       }},
      {"nudge",
       [](ChoiceTree& t, const ChoiceTree*, Rng& rng) -> std::optional<std::string> {
         auto p = random_decision(t, rng, true);
         if (!p) return std::nullopt;
         nudge(t, *p, rng);
         return fmt::format("nudge {}", path_to_string(*p));
       }},
      {"splice",
       [](ChoiceTree& t, const ChoiceTree* donor, Rng& rng) -> std::optional<std::string> {
         if (!donor || !splice(t, *donor, rng)) return std::nullopt;
         return std::string("splice");
       }},
      {"append",
       [](ChoiceTree& t, const ChoiceTree*, Rng& rng) -> std::optional<std::string> {
         std::vector<NodePath> lists;
         for (const NodePath& p : t.forced_paths())
           if (t.find(p)->kind == ChoiceKind::kList) lists.push_back(p);
         while (!lists.empty()) {
           const size_t i = rng.below(lists.size());
           if (append_element(t, lists[i])) return fmt::format("append {}", path_to_string(lists[i]));
           lists.erase(lists.begin() + static_cast<std::ptrdiff_t>(i));
         }
         return std::nullopt;
       }},
  };
  return table;
}

}  // namespace testgen
