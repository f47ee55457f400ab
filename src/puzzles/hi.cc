// Puzzle: libFuzzer's classic, a byte string starting with "Hi!". Each
// matched prefix is a branch reached.
#include <fmt/format.h>

#include "puzzles.h"
#include "testgen/gen.h"

namespace testgen::puzzles {
namespace {

class Hi : public Target {
 public:
  std::string name() const override { return "puzzle:hi"; }
  TargetSpec spec() const override { return puzzle_spec("hi"); }

  RunResult run(const Cursor& at) override {
    const std::vector<int64_t> s = gen_(at);
    RunResult r;
    static constexpr char kGoal[] = "Hi!";
    size_t i = 0;
    for (; i < s.size() && i < 3 && s[i] == kGoal[i]; ++i) r.features.add(fmt::format("prefix{}", i + 1));
    if (i == 3) {
      r.verdict = Verdict::kFail;
      r.signature = "says Hi!";
    }
    return r;
  }

  std::string describe(const Cursor& at) override { return render_bytes(gen_(at)); }

 private:
  Gen<std::vector<int64_t>> gen_ = gen::list(gen::choose(0, 8), gen::choose(0, 127));
};

}  // namespace

std::unique_ptr<Target> make_hi() { return std::make_unique<Hi>(); }

}  // namespace testgen::puzzles
