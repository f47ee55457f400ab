#include "input_model.h"

#include <algorithm>
#include <limits>
#include <optional>

#include "arith_parser.h"

namespace testgen::bash {
namespace {

// A few strings that match a POSIX ERE (for `[[ x =~ re ]]`): each choice
// (alternative, repetition count, class member) follows `pick`.
class RegexSampler {
 public:
  RegexSampler(std::string_view re, uint64_t seed) : re_(re), state_(seed * 0x9E3779B97F4A7C15ull + 1) {}
  std::optional<std::string> sample() {
    std::string out;
    if (!alternation(out) || at_ != re_.size()) return std::nullopt;
    return out;
  }

 private:
  std::string_view re_;
  size_t at_ = 0;
  uint64_t state_;

  uint64_t pick(uint64_t n) {
    state_ ^= state_ << 13;
    state_ ^= state_ >> 7;
    state_ ^= state_ << 17;
    return n == 0 ? 0 : state_ % n;
  }

  // Parses one alternation, writing the branch it picks.
  bool alternation(std::string& out) {
    std::vector<std::string> branches(1);
    while (at_ < re_.size() && re_[at_] != ')') {
      if (re_[at_] == '|') {
        ++at_;
        branches.emplace_back();
        continue;
      }
      if (!piece(branches.back())) return false;
    }
    out += branches[pick(branches.size())];
    return true;
  }

  bool piece(std::string& out) {
    std::string atom;
    char c = re_[at_++];
    if (c == '(') {
      if (!alternation(atom) || at_ >= re_.size() || re_[at_] != ')') return false;
      ++at_;
    } else if (c == '[') {
      std::string members;
      bool negated = at_ < re_.size() && re_[at_] == '^';
      if (negated) ++at_;
      bool first = true;
      while (at_ < re_.size() && (re_[at_] != ']' || first)) {
        first = false;
        char lo = re_[at_++];
        if (lo == '[' && at_ < re_.size() && re_[at_] == ':') {
          size_t end = re_.find(":]", at_);
          if (end == std::string_view::npos) return false;
          std::string_view name = re_.substr(at_ + 1, end - at_ - 1);
          members += name == "digit" ? "0123456789" : name == "alpha" ? "abcXYZ" : name == "space" ? " " : "a1";
          at_ = end + 2;
        } else if (at_ + 1 < re_.size() && re_[at_] == '-' && re_[at_ + 1] != ']') {
          char hi = re_[at_ + 1];
          at_ += 2;
          for (char m = lo; m <= hi && m >= lo; ++m) members += m;
        } else {
          members += lo;
        }
      }
      if (at_ >= re_.size()) return false;
      ++at_;
      if (negated) members = members.find('x') == std::string::npos ? "x" : "#";
      if (members.empty()) return false;
      atom = std::string(1, members[pick(members.size())]);
    } else if (c == '\\') {
      if (at_ >= re_.size()) return false;
      atom = std::string(1, re_[at_++]);
    } else if (c == '.') {
      atom = "a";
    } else if (c == '^' || c == '$') {
      atom = "";
    } else if (c == '*' || c == '+' || c == '?' || c == '{') {
      return false;
    } else {
      atom = std::string(1, c);
    }
    // Quantifier: how many copies.
    uint64_t copies = 1;
    if (at_ < re_.size()) {
      char q = re_[at_];
      if (q == '*') copies = pick(3), ++at_;
      else if (q == '+') copies = 1 + pick(3), ++at_;
      else if (q == '?') copies = pick(2), ++at_;
      else if (q == '{') {
        size_t end = re_.find('}', at_);
        if (end == std::string_view::npos) return false;
        std::string_view inside = re_.substr(at_ + 1, end - at_ - 1);
        size_t comma = inside.find(',');
        uint64_t lo = std::strtoull(std::string(inside.substr(0, comma)).c_str(), nullptr, 10);
        uint64_t hi = comma == std::string_view::npos ? lo
                      : comma + 1 == inside.size() ? lo + 2
                                                   : std::strtoull(std::string(inside.substr(comma + 1)).c_str(), nullptr, 10);
        copies = lo + pick(hi >= lo ? std::min<uint64_t>(hi - lo, 5) + 1 : 1);
        at_ = end + 1;
      }
    }
    for (uint64_t i = 0; i < copies && out.size() < 200; ++i) out += atom;
    return true;
  }
};

class ModelWalker {
 public:
  explicit ModelWalker(InputModel& m) : m_(m) {}

  void block(const Block& b) {
    for (const Command& c : b) command(c);
  }

  void command(const Command& c) {
    m_.lines.insert(c.pos.line);
    std::string name;
    if (!c.words.empty() && c.words[0].literal(name)) {
      if (name == "shift" || name == "set") m_.variadic = true;
      if (name == "read") m_.reads_stdin = true;
      // getopts OPTSTRING: each option as the script's user would type it.
      std::string optstring;
      if (name == "getopts" && c.words.size() > 1 && c.words[1].literal(optstring))
        for (char letter : optstring)
          if (letter != ':') m_.strings.insert(std::string("-") + letter);
    }
    for (const Word& w : c.words) word(w);
    for (const Assignment& a : c.assignments) {
      word(a.value);
      for (const Word& e : a.elements) word(e);
    }
    for (const Redirect& r : c.redirects) word(r.target);
    for (const Block& b : c.blocks) block(b);
    for (const CaseItem& item : c.items) {
      for (const Word& p : item.patterns) pattern(p);
      block(item.body);
    }
    for (const auto& a : c.ariths)
      if (a) arith(*a);
    if (c.cond) cond(*c.cond);
    if (c.kind == Command::Kind::kFor && c.words.size() == 1 && !c.words[0].parts.empty() &&
        c.words[0].parts[0].param && c.words[0].parts[0].param->name == "@")
      m_.variadic = true;
  }

  void cond(const Cond& c) {
    // The regex as bash hands it to the C library: quoted characters escaped.
    std::string regex;
    bool constant = c.op == "=~" && c.words.size() == 2;
    if (constant)
      for (const WordPart& p : c.words[1].parts) {
        if (p.kind != WordPart::Kind::kLiteral) constant = false;
        else if (!p.quoted) regex += p.text;
        else
          for (char ch : p.text) {
            if (std::string_view("\\.[]()*+?{}|^$").find(ch) != std::string_view::npos) regex += '\\';
            regex += ch;
          }
      }
    if (constant)
      for (uint64_t seed = 1; seed <= 6; ++seed)
        if (std::optional<std::string> sample = RegexSampler(regex, seed).sample()) m_.strings.insert(*sample);
    for (const Word& w : c.words) pattern(w);
    for (const Cond& o : c.operands) cond(o);
  }

  // A word used as a pattern: its literal text and its bracket characters matter.
  void pattern(const Word& w) {
    word(w);
    std::string text;
    for (const WordPart& p : w.parts)
      if (p.kind == WordPart::Kind::kLiteral) text += p.text;
    // `[-+]*` wants '-' and '+'; `*.*` wants '.'.
    std::string stripped;
    for (char c : text)
      if (c != '*' && c != '?' && c != '[' && c != ']' && c != '!' && c != '^') stripped += c;
    if (!stripped.empty()) literal(stripped);
    for (char c : text)
      if (c != '*' && c != '?' && c != '[' && c != ']') add_char(c);
  }

  void word(const Word& w) {
    for (const WordPart& p : w.parts) {
      switch (p.kind) {
        case WordPart::Kind::kLiteral:
          literal(p.text);
          break;
        case WordPart::Kind::kParam:
          param(*p.param);
          break;
        case WordPart::Kind::kCommandSub:
          block(*p.commands);
          break;
        case WordPart::Kind::kArith:
          arith(*p.arith);
          break;
      }
    }
  }

  void param(const ParamExp& e) {
    if (!e.name.empty() && std::all_of(e.name.begin(), e.name.end(), ::isdigit))
      m_.arity = std::max<size_t>(m_.arity, std::min<size_t>(positional_index(e.name), 16));
    if (e.name == "@" || e.name == "*" || e.name == "#") m_.variadic = true;
    if (e.index) word(*e.index);
    for (const Word& a : e.args) pattern(a);
    if (e.offset) arith(*e.offset);
    if (e.length) arith(*e.length);
  }

  void arith(const Arith& a) {
    if (a.kind == Arith::Kind::kNumber) m_.integers.insert(a.number);
    if (a.kind == Arith::Kind::kText && a.text) word(*a.text);
    if (a.index) arith(*a.index);
    for (const Arith& o : a.operands) arith(o);
  }

  void literal(const std::string& text) {
    if (text.empty() || text.size() > 40) return;
    if (std::optional<int64_t> n = parse_arith_number(text); n && text.find_first_not_of("-+0123456789") == std::string::npos)
      m_.integers.insert(*n);
    else if (text[0] == '-' && text.size() > 1 && parse_arith_number(text.substr(1)))
      m_.integers.insert(-*parse_arith_number(text.substr(1)));
    // Words that are options or commands of the script are still strings it compares with.
    m_.strings.insert(text);
    for (char c : text) add_char(c);
  }

  void add_char(char c) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return;
    if (m_.alphabet.find(c) == std::string::npos) m_.alphabet += c;
  }

 private:
  InputModel& m_;
};

std::string to_text(int64_t v) { return std::to_string(v); }

}  // namespace

InputModel model_function(const Function& f) {
  InputModel m;
  ModelWalker(m).block(f.body);
  return m;
}

void merge_model(InputModel& into, const InputModel& from) {
  into.reads_stdin |= from.reads_stdin;
  into.integers.insert(from.integers.begin(), from.integers.end());
  into.strings.insert(from.strings.begin(), from.strings.end());
  for (char c : from.alphabet)
    if (into.alphabet.find(c) == std::string::npos) into.alphabet += c;
}

Gen<std::vector<std::string>> argument_generator(const InputModel& model) {
  std::vector<int64_t> integers(model.integers.begin(), model.integers.end());
  integers.push_back(0);
  integers.push_back(1);
  std::vector<std::string> strings(model.strings.begin(), model.strings.end());
  strings.push_back("");
  std::string alphabet = model.alphabet;
  // Characters that change how bash reads a value: separators, globs, signs, spaces.
  for (char c : std::string("a0 /.-*x"))
    if (alphabet.find(c) == std::string::npos) alphabet += c;
  std::vector<char> chars(alphabet.begin(), alphabet.end());

  Gen<std::string> near_constant =
      gen::bind(gen::elements(integers), [](int64_t c) {
        return gen::map(gen::choose(-2, 2), [c](int64_t d) { return to_text(static_cast<int64_t>(static_cast<uint64_t>(c) + static_cast<uint64_t>(d))); });
      });
  Gen<std::string> small = gen::map(gen::choose(-3, 12), to_text);
  Gen<std::string> extreme = gen::map(
      gen::elements<int64_t>({0, -1, 255, 256, 65535, std::numeric_limits<int32_t>::max(),
                              std::numeric_limits<int64_t>::max(), std::numeric_limits<int64_t>::min()}),
      to_text);
  Gen<std::string> full_range = gen::map(gen::bits64(), [](uint64_t v) { return to_text(static_cast<int64_t>(v)); });
  Gen<std::string> literal = gen::elements(strings);
  Gen<std::string> from_alphabet =
      gen::map(gen::list(gen::choose(0, 8), gen::elements(chars)), [](const std::vector<char>& cs) { return std::string(cs.begin(), cs.end()); });
  Gen<std::string> piece = gen::freq<std::string>({{3, literal}, {2, near_constant}, {2, from_alphabet}});
  Gen<std::string> joined = gen::map(gen::list(gen::choose(2, 3), piece), [](const std::vector<std::string>& ps) {
    std::string out;
    for (const std::string& p : ps) out += p;
    return out;
  });
  // Fields joined by one of the separators the function knows ("1.2.3.4" for IFS=.).
  std::vector<std::string> separators;
  for (char c : alphabet)
    if (!std::isalnum(static_cast<unsigned char>(c))) separators.push_back(std::string(1, c));
  Gen<std::string> field = gen::freq<std::string>({{3, near_constant}, {1, literal}, {1, small}});
  Gen<std::string> separated = gen::bind(gen::elements(separators), [field](std::string sep) {
    return gen::map(gen::list(gen::choose(2, 5), field), [sep](const std::vector<std::string>& parts) {
      std::string out;
      for (size_t i = 0; i < parts.size(); ++i) out += (i ? sep : "") + parts[i];
      return out;
    });
  });
  Gen<std::string> argument = gen::freq<std::string>({{2, separated},
                                                      {4, near_constant},
                                                      {2, small},
                                                      {1, extreme},
                                                      {1, full_range},
                                                      {3, literal},
                                                      {3, from_alphabet},
                                                      {2, joined}});
  size_t arity = model.arity;
  Gen<int64_t> count = model.variadic
                           ? gen::choose(0, static_cast<int64_t>(std::max<size_t>(arity, 2) + 2))
                           : gen::freq<int64_t>({{8, gen::unit<int64_t>(static_cast<int64_t>(arity))},
                                                 {1, gen::choose(0, static_cast<int64_t>(arity))}});
  return gen::list(count, argument);
}

Gen<std::string> stdin_generator(const InputModel& model) {
  std::vector<std::string> words(model.strings.begin(), model.strings.end());
  for (int64_t n : model.integers) words.push_back(std::to_string(n));
  for (const char* w : {"a", "b c", "x\\y", "-", "1", "  "}) words.push_back(w);
  Gen<std::string> separator = gen::elements<std::string>({" ", " ", "\t", ":", "  "});
  Gen<std::string> line = gen::map(gen::list(gen::choose(0, 4), gen::bind(gen::elements(words), [separator](std::string w) {
                                     return gen::map(separator, [w](const std::string& sep) { return w + sep; });
                                   })),
                                   [](const std::vector<std::string>& parts) {
                                     std::string out;
                                     for (const std::string& p : parts) out += p;
                                     return out;
                                   });
  Gen<bool> final_newline = gen::freq<bool>({{4, gen::unit(true)}, {1, gen::unit(false)}});
  return gen::bind(gen::list(gen::choose(0, 4), line), [final_newline](std::vector<std::string> lines) {
    return gen::map(final_newline, [lines](bool newline) {
      std::string out;
      for (size_t i = 0; i < lines.size(); ++i) out += lines[i] + (i + 1 < lines.size() || newline ? "\n" : "");
      return out;
    });
  });
}

}  // namespace testgen::bash
