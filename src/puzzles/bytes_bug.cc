// Puzzle: a byte string holding "BUG". Every (position, byte) pair it shows
// is also a feature, so the corpus keeps growing for a long time: the
// crash-safety tests kill campaigns on this one while they write.
#include <fmt/format.h>

#include "puzzles.h"
#include "testgen/gen.h"

namespace testgen::puzzles {
namespace {

class BytesBug : public Target {
 public:
  std::string name() const override { return "puzzle:bytes-bug"; }
  TargetSpec spec() const override { return puzzle_spec("bytes-bug"); }

  RunResult run(const Cursor& at) override {
    const std::vector<int64_t> s = gen_(at);
    RunResult r;
    for (size_t i = 0; i < s.size(); ++i) {
      r.features.add(fmt::format("byte[{}]={}", i, s[i]));
      if (s[i] != 'B' || i + 1 == s.size()) continue;
      r.features.add(distance_feature("B then U", s[i + 1], 'U'));
      if (s[i + 1] != 'U' || i + 2 == s.size()) continue;
      r.features.add(distance_feature("BU then G", s[i + 2], 'G'));
      if (s[i + 2] == 'G') {
        r.verdict = Verdict::kFail;
        r.signature = "BUG";
        r.detail = fmt::format("\"BUG\" at index {}", i);
      }
    }
    return r;
  }

  std::string describe(const Cursor& at) override { return render_bytes(gen_(at)); }

 private:
  Gen<std::vector<int64_t>> gen_ = gen::list(gen::choose(0, 64), gen::choose(0, 255));
};

}  // namespace

std::unique_ptr<Target> make_bytes_bug() { return std::make_unique<BytesBug>(); }

}  // namespace testgen::puzzles
