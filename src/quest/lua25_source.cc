#include "lua25_source.h"

#include <fmt/format.h>

#include <cctype>

namespace testgen::quest {
namespace {

// Given to a function whose parameters end in `...`: Lua 2.5 handed it the
// extra arguments as the table `arg` (with their number in arg.n). On the
// same line, so line numbers stay.
constexpr std::string_view kArgShim = " local arg = {n = select(\"#\", ...), ...};";

bool is_name_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool is_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

std::string trim(std::string_view s) {
  const size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string_view::npos) return "";
  const size_t e = s.find_last_not_of(" \t\r");
  return std::string(s.substr(b, e - b + 1));
}

class Translator {
 public:
  explicit Translator(std::string_view text) : in_(text) {}

  Lua25Source run() {
    Lua25Source out;
    while (i_ < in_.size()) step();
    out.is_lua25 = saw_pragma_;
    out.code = saw_pragma_ ? std::move(code_) : std::string(in_);
    if (saw_pragma_) {
      positions_.resize(static_cast<size_t>(line_));
      out.positions = std::move(positions_);
    }
    return out;
  }

 private:
  char peek(size_t ahead = 0) const { return i_ + ahead < in_.size() ? in_[i_ + ahead] : '\0'; }

  void newline() {
    ++line_;
    if (have_position_) {
      ++logical_;
      note_position();
    }
  }

  void note_position() {
    if (positions_.size() < static_cast<size_t>(line_)) positions_.resize(static_cast<size_t>(line_));
    positions_[static_cast<size_t>(line_ - 1)] = {file_, logical_};
  }

  // Copies one character, keeping count of lines.
  void copy() {
    const char c = in_[i_++];
    code_ += c;
    if (c == '\n') newline();
  }

  void step() {
    const bool line_start = i_ == 0 || in_[i_ - 1] == '\n';
    const char c = peek();
    if (line_start && c == '$') return pragma();
    if (i_ == 0 && c == '#') return skip_line();  // "#!" on the first line
    if (c == '-' && peek(1) == '-') return comment();
    if (c == '"' || c == '\'') return short_string(c);
    if (c == '[' && peek(1) == '[') return long_string();
    if (is_name_start(c)) return name();
    if (c == '(' && function_pending_) {
      function_pending_ = false;
      return parameters();
    }
    if (!std::isspace(static_cast<unsigned char>(c)) && c != '.' && c != ':') function_pending_ = false;
    copy();
  }

  void skip_line() {
    while (i_ < in_.size() && in_[i_] != '\n') ++i_;
  }

  void pragma() {
    saw_pragma_ = true;
    const size_t end = in_.find('\n', i_);
    const std::string_view text = in_.substr(i_, (end == std::string_view::npos ? in_.size() : end) - i_);
    i_ += text.size();
    // lua-ml: `$file NAME` makes this line 1 of NAME; `$line N` makes the
    // next line N. Every other `$` line is skipped.
    if (text.starts_with("$file") && text.size() > 5 && std::isspace(static_cast<unsigned char>(text[5]))) {
      std::string name = trim(text.substr(5));
      if (name.size() >= 2 && name.front() == '"' && name.back() == '"') name = name.substr(1, name.size() - 2);
      file_ = name;
      logical_ = 1;
      have_position_ = true;
      note_position();
    } else if (text.starts_with("$line") && text.size() > 5 && std::isspace(static_cast<unsigned char>(text[5]))) {
      const std::string number = trim(text.substr(5));
      int n = 0;
      for (char d : number) {
        if (!std::isdigit(static_cast<unsigned char>(d))) break;
        n = n * 10 + (d - '0');
      }
      if (!have_position_) file_ = "";
      logical_ = n - 1;
      have_position_ = true;
      note_position();
    }
  }

  void comment() {
    code_ += "--";
    i_ += 2;
    // In Lua 2.5 a comment always ends with its line; "--[[" would open a
    // block comment in 5.4.
    if (peek() == '[') code_ += ' ';
    while (i_ < in_.size() && in_[i_] != '\n') copy();
  }

  void short_string(char quote) {
    copy();
    while (i_ < in_.size()) {
      const char c = peek();
      if (c == '\\' && i_ + 1 < in_.size()) {
        copy();
        copy();
        continue;
      }
      copy();
      if (c == quote || c == '\n') return;
    }
  }

  // Lua 2.5's [[ ]] nest; 5.4 reads the same text as one string as long
  // as it holds no nested pair, the common case.
  void long_string() {
    int depth = 0;
    while (i_ < in_.size()) {
      if (peek() == '[' && peek(1) == '[') {
        ++depth;
        copy();
        copy();
      } else if (peek() == ']' && peek(1) == ']') {
        --depth;
        copy();
        copy();
        if (depth == 0) return;
      } else {
        copy();
      }
    }
  }

  void name() {
    const size_t start = i_;
    while (i_ < in_.size() && is_name_char(in_[i_])) ++i_;
    const std::string_view word = in_.substr(start, i_ - start);
    code_ += word;
    if (word == "function") function_pending_ = true;
    // A name after "function" (f, T.f, T:m) keeps it pending.
  }

  // The parameter list of a function: a Lua 2.5 vararg function gets `arg`.
  void parameters() {
    const size_t close = in_.find(')', i_);
    if (close == std::string_view::npos) return copy();
    const std::string_view inside = in_.substr(i_ + 1, close - i_ - 1);
    while (i_ <= close) copy();
    if (trim(inside).ends_with("...")) code_ += kArgShim;
  }

  std::string_view in_;
  size_t i_ = 0;
  int line_ = 1;
  std::string code_;
  bool saw_pragma_ = false;
  bool function_pending_ = false;
  bool have_position_ = false;
  std::string file_;
  int logical_ = 0;
  std::vector<Lua25Source::Position> positions_;
};

}  // namespace

Lua25Source translate_lua25(std::string_view text) { return Translator(text).run(); }

void SourceMaps::add(const std::string& chunk_name, std::vector<Lua25Source::Position> positions) {
  if (positions.empty()) {
    maps_.erase(chunk_name);
    return;
  }
  maps_[chunk_name] = std::move(positions);
}

std::string SourceMaps::remap(const std::string& message) const {
  std::string out = message;
  for (const auto& [chunk, positions] : maps_) {
    const std::string prefix = chunk + ":";
    size_t at = 0;
    while ((at = out.find(prefix, at)) != std::string::npos) {
      size_t digits = at + prefix.size(), end = digits;
      while (end < out.size() && std::isdigit(static_cast<unsigned char>(out[end]))) ++end;
      const bool at_boundary = at == 0 || !is_name_char(out[at - 1]);
      if (end == digits || end >= out.size() || out[end] != ':' || !at_boundary) {
        at += prefix.size();
        continue;
      }
      const size_t line = std::stoul(out.substr(digits, end - digits));
      if (line == 0 || line > positions.size() || positions[line - 1].line == 0) {
        at = end;
        continue;
      }
      const Lua25Source::Position& p = positions[line - 1];
      const std::string where = fmt::format("{}:{}", p.file.empty() ? chunk : p.file, p.line);
      out.replace(at, end - at, where);
      at += where.size();
    }
  }
  return out;
}

}  // namespace testgen::quest
