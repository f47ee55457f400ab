// Puzzle: a list in -1000..1000 that holds 42 immediately followed by 43.
#include <fmt/format.h>

#include "puzzles.h"
#include "testgen/gen.h"

namespace testgen::puzzles {
namespace {

class Pair4243 : public Target {
 public:
  std::string name() const override { return "puzzle:pair-42-43"; }
  TargetSpec spec() const override { return puzzle_spec("pair-42-43"); }

  RunResult run(const Cursor& at) override {
    const std::vector<int64_t> xs = gen_(at);
    RunResult r;
    for (size_t i = 0; i < xs.size(); ++i) {
      // `if (xs[i] == 42 && xs[i + 1] == 43)`, observed as a value profile.
      r.features.add(distance_feature("x==42", xs[i], 42));
      if (xs[i] != 42 || i + 1 == xs.size()) continue;
      r.features.add(distance_feature("next==43", xs[i + 1], 43));
      if (xs[i + 1] == 43) {
        r.verdict = Verdict::kFail;
        r.signature = "42 then 43";
        r.detail = fmt::format("42 at index {}, 43 at index {}", i, i + 1);
      }
    }
    return r;
  }

  std::string describe(const Cursor& at) override { return fmt::format("[{}]", fmt::join(gen_(at), ", ")); }

 private:
  Gen<std::vector<int64_t>> gen_ = gen::list(gen::choose(0, 20), gen::choose(-1000, 1000));
};

}  // namespace

std::unique_ptr<Target> make_pair_42_43() { return std::make_unique<Pair4243>(); }

}  // namespace testgen::puzzles
