#include "replay_code.h"

#include <fmt/format.h>

#include <charconv>

#include "testgen/errors.h"
#include "testgen/source.h"

namespace testgen::property {
namespace {

char kind_letter(ChoiceKind kind) {
  switch (kind) {
    case ChoiceKind::kEmpty: return 'e';
    case ChoiceKind::kGroup: return 'g';
    case ChoiceKind::kList: return 'l';
    case ChoiceKind::kInteger: return 'i';
    case ChoiceKind::kIndex: return 'x';
    case ChoiceKind::kBool: return 'b';
  }
  return 'e';
}

void write_node(const ChoiceNode& node, std::string& out) {
  out += kind_letter(node.kind);
  if (is_decision(node.kind)) out += std::to_string(node.value);
  bool any = false;
  int64_t next_slot = 0;
  for (const auto& [slot, child] : node.children) {
    if (!child->forced) continue;
    out += any ? ',' : '[';
    any = true;
    if (slot != next_slot) out += std::to_string(slot) + "=";
    next_slot = static_cast<int64_t>(slot) + 1;
    write_node(*child, out);
  }
  if (any) out += ']';
}

class Reader {
 public:
  explicit Reader(std::string_view code) : code_(code) {}

  void node(ChoiceNode& into, int depth) {
    if (depth > static_cast<int>(kMaxTreeDepth)) fail("nested too deeply");
    into.forced = true;
    switch (next()) {
      case 'e': into.kind = ChoiceKind::kEmpty; break;
      case 'g': into.kind = ChoiceKind::kGroup; break;
      case 'l': into.kind = ChoiceKind::kList; break;
      case 'i': into.kind = ChoiceKind::kInteger; break;
      case 'x': into.kind = ChoiceKind::kIndex; break;
      case 'b': into.kind = ChoiceKind::kBool; break;
      default: --at_; fail("expected a kind letter (g l i x b e)");
    }
    if (is_decision(into.kind)) {
      into.value = number();
      into.lo = into.hi = into.value;
    }
    if (peek() != '[') return;
    ++at_;
    int64_t slot = 0;
    while (true) {
      const size_t start = at_;
      if (peek() == '-' || (peek() >= '0' && peek() <= '9')) {
        const int64_t n = number();
        if (peek() != '=') fail("expected '=' after a slot number");
        ++at_;
        if (n < 0 || n < slot || n > UINT32_MAX) {
          at_ = start;
          fail("slots must increase");
        }
        slot = n;
      }
      node(into.child_or_create(static_cast<uint32_t>(slot)), depth + 1);
      ++slot;
      const char c = next();
      if (c == ']') return;
      if (c != ',') {
        --at_;
        fail("expected ',' or ']'");
      }
    }
  }

  void finish() const {
    if (at_ != code_.size()) fail("unexpected text after the tree");
  }

 private:
  char peek() const { return at_ < code_.size() ? code_[at_] : '\0'; }
  char next() { return at_ < code_.size() ? code_[at_++] : '\0'; }

  int64_t number() {
    int64_t value = 0;
    const auto [end, ec] = std::from_chars(code_.data() + at_, code_.data() + code_.size(), value);
    if (ec != std::errc()) fail("expected a number");
    at_ = static_cast<size_t>(end - code_.data());
    return value;
  }

  [[noreturn]] void fail(std::string_view what) const {
    throw UsageError(fmt::format("TESTGEN_REPLAY: not a replay code at character {}: {}", at_ + 1, what));
  }

  std::string_view code_;
  size_t at_ = 0;
};

}  // namespace

std::string replay_code(const ChoiceTree& tree) {
  std::string out;
  write_node(tree.root(), out);
  return out;
}

ChoiceTree tree_from_replay_code(std::string_view code) {
  ChoiceTree tree;
  Reader reader(code);
  reader.node(tree.root(), 0);
  reader.finish();
  return tree;
}

}  // namespace testgen::property
