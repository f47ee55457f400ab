// Puzzle: a tree of depth >= 6 whose leaves sum to exactly 100. The tree is
// built with quest-style sized recursion: at size 0 only a leaf is possible,
// otherwise a leaf or a branch of 1-2 subtrees one size smaller.
#include <fmt/format.h>

#include <algorithm>

#include "puzzles.h"
#include "testgen/gen.h"

namespace testgen::puzzles {
namespace {

struct Tree {
  int64_t leaf = 0;
  std::vector<Tree> kids;  // empty: a leaf
};

int depth(const Tree& t) {
  int d = 0;
  for (const Tree& k : t.kids) d = std::max(d, depth(k));
  return d + 1;
}

int64_t leaf_sum(const Tree& t) {
  if (t.kids.empty()) return t.leaf;
  int64_t s = 0;
  for (const Tree& k : t.kids) s += leaf_sum(k);
  return s;
}

std::string render(const Tree& t) {
  if (t.kids.empty()) return std::to_string(t.leaf);
  std::vector<std::string> parts;
  for (const Tree& k : t.kids) parts.push_back(render(k));
  return fmt::format("[{}]", fmt::join(parts, ", "));
}

Gen<Tree> tree_gen() {
  auto leaf = gen::map(gen::choose(0, 100), [](int64_t v) { return Tree{v, {}}; });
  return gen::recursive<Tree>([leaf](Gen<Tree> self) {
    auto branch = gen::map(gen::list(gen::choose(1, 2), self), [](std::vector<Tree> kids) {
      return Tree{0, std::move(kids)};
    });
    // The base case is smaller({leaf}) rather than plain leaf, so a leaf has
    // the same shape at every size and the shrinker can remove a level.
    return gen::bind(gen::iszero(), [leaf, branch](bool zero) {
      return zero ? gen::smaller<Tree>({leaf}) : gen::smaller<Tree>({leaf, branch});
    });
  });
}

class TreeSum : public Target {
 public:
  std::string name() const override { return "puzzle:tree-sum-100"; }
  TargetSpec spec() const override { return puzzle_spec("tree-sum-100"); }

  RunResult run(const Cursor& at) override {
    const Tree t = gen_(at);
    RunResult r;
    const int d = depth(t);
    for (int level = 1; level <= d; ++level) r.features.add(fmt::format("depth>={}", level));
    if (d < 6) return r;
    const int64_t sum = leaf_sum(t);
    r.features.add(distance_feature("sum==100", sum, 100));
    if (sum == 100) {
      r.verdict = Verdict::kFail;
      r.signature = "deep tree summing to 100";
      r.detail = fmt::format("depth {}, leaf sum {}", d, sum);
    }
    return r;
  }

  std::string describe(const Cursor& at) override { return render(gen_(at)); }

 private:
  Gen<Tree> gen_ = tree_gen();
};

}  // namespace

std::unique_ptr<Target> make_tree_sum() { return std::make_unique<TreeSum>(); }

}  // namespace testgen::puzzles
