// Puzzle: two integers in 0..1000000, equal and at least 500. Its minimum,
// (500, 500), is only reachable by lowering both values together.
#include <fmt/format.h>

#include "puzzles.h"
#include "testgen/gen.h"

namespace testgen::puzzles {
namespace {

class EqualPair : public Target {
 public:
  std::string name() const override { return "puzzle:equal-pair"; }
  TargetSpec spec() const override { return puzzle_spec("equal-pair"); }

  RunResult run(const Cursor& at) override {
    const auto [a, b] = gen_(at);
    RunResult r;
    r.features.add(distance_feature("a==b", a, b));
    if (a == b) {
      r.features.add(a >= 500 ? "a>=500" : "a<500");
      if (a >= 500) {
        r.verdict = Verdict::kFail;
        r.signature = "equal pair >= 500";
        r.detail = fmt::format("a = b = {}", a);
      }
    }
    return r;
  }

  std::string describe(const Cursor& at) override {
    const auto [a, b] = gen_(at);
    return fmt::format("({}, {})", a, b);
  }

 private:
  Gen<std::tuple<int64_t, int64_t>> gen_ = gen::tuple(gen::choose(0, 1000000), gen::choose(0, 1000000));
};

}  // namespace

std::unique_ptr<Target> make_equal_pair() { return std::make_unique<EqualPair>(); }

}  // namespace testgen::puzzles
