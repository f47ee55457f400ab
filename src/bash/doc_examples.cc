#include "doc_examples.h"

#include <algorithm>
#include <cstdint>
#include <regex>

#include "testgen/process.h"

namespace testgen::bash {
namespace {

std::string trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

// "Output: 55", "# outputs: olleh", "=> 120", "Should output 120", "prints 3".
std::optional<std::string> claim_in(const std::string& text) {
  static const std::regex kClaim(
      R"(^#*\s*(?:should\s+(?:output|print|return|give)|outputs?|prints?|returns?|result|gives|expected|=>|->)\s*:?\s*(.*)$)",
      std::regex::icase);
  std::smatch m;
  std::string t = trim(text);
  if (!std::regex_match(t, m, kClaim)) return std::nullopt;
  std::string value = trim(m[1].str());
  // A quoted claim means the text inside the quotes.
  if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front())
    value = value.substr(1, value.size() - 2);
  return value;
}

// `name args...` (or `$ name args...`), with an optional `# claim` after it.
std::optional<WrittenExample> call_in(const std::string& text, const std::set<std::string>& functions) {
  std::string t = trim(text);
  if (t.rfind("$ ", 0) == 0) t = trim(t.substr(2));
  size_t end = t.find_first_of(" \t#");
  std::string name = t.substr(0, end);
  if (!functions.count(name)) return std::nullopt;
  WrittenExample ex;
  ex.function = name;
  std::string rest = end == std::string::npos ? "" : t.substr(end);
  // A trailing comment: `# Should output 120` (a '#' after a blank starts one).
  size_t hash = std::string::npos;
  for (size_t i = 0; i < rest.size(); ++i)
    if (rest[i] == '#' && (i == 0 || rest[i - 1] == ' ' || rest[i - 1] == '\t')) {
      hash = i;
      break;
    }
  if (hash != std::string::npos) {
    ex.claimed = claim_in(rest.substr(hash + 1));
    rest = rest.substr(0, hash);
  }
  ex.words = trim(rest);
  return ex;
}

}  // namespace

std::vector<WrittenExample> written_examples(const Script& script, const std::set<std::string>& functions) {
  std::vector<WrittenExample> out;
  static const std::regex kExample(R"(^(?:examples?|e\.g\.)\s*:?\s*(.*)$)", std::regex::icase);
  for (const Function& f : script.functions) {
    if (!functions.count(f.name)) continue;
    uint32_t first_line = f.pos.line - static_cast<uint32_t>(f.doc.size());
    bool in_examples = false;
    constexpr size_t kNone = SIZE_MAX;
    size_t pending = kNone;  // the example a claim on a later line belongs to
    for (size_t i = 0; i < f.doc.size(); ++i) {
      std::string line = trim(f.doc[i]);
      std::smatch m;
      std::optional<WrittenExample> call;
      if (std::regex_match(line, m, kExample)) {
        in_examples = true;
        if (!trim(m[1].str()).empty()) call = call_in(m[1].str(), {f.name});
      } else if (in_examples) {
        call = call_in(line, {f.name});
      }
      if (call) {
        call->line = first_line + static_cast<uint32_t>(i);
        call->where = "the comment above it";
        out.push_back(*call);
        pending = call->claimed ? kNone : out.size() - 1;
        continue;
      }
      if (std::optional<std::string> c = claim_in(line); c && pending != kNone) {
        out[pending].claimed = c;
        pending = kNone;
      } else if (line.rfind("Usage", 0) == 0) {
        in_examples = false;  // a usage line names placeholders, not values
      }
    }
  }
  // Call sites among the script's own commands.
  for (auto [start, end] : script.main_ranges) {
    if (end > script.source.size()) continue;
    std::string text = script.source.substr(start, end - start);
    // The comment after a command is outside its range: take the rest of its line.
    size_t eol = script.source.find('\n', end);
    text += script.source.substr(end, (eol == std::string::npos ? script.source.size() : eol) - end);
    if (text.find('\n') != std::string::npos) continue;
    if (std::optional<WrittenExample> call = call_in(text, functions)) {
      call->line = 1 + static_cast<uint32_t>(std::count(script.source.begin(), script.source.begin() + start, '\n'));
      call->where = "a call in the script";
      out.push_back(*call);
    }
  }
  return out;
}

std::optional<std::vector<std::string>> literal_words(const std::string& text, const std::string& bash) {
  // Quoting only: no expansion, substitution, redirection or control operator.
  if (text.find_first_of("$`;|&<>(){}\n*?[~") != std::string::npos) return std::nullopt;
  SubprocessRunner runner;
  ProcessSpec spec;
  spec.argv = {bash, "--noprofile", "--norc", "-c", "printf '%s\\0' " + text};
  spec.env = std::vector<std::string>{"PATH=/usr/bin:/bin", "LC_ALL=C.UTF-8"};
  spec.timeout = std::chrono::seconds(10);
  ProcessResult r = runner.run(spec);
  if (!r.ok()) return std::nullopt;
  std::vector<std::string> words;
  size_t at = 0;
  while (at < r.out.size()) {
    size_t nul = r.out.find('\0', at);
    if (nul == std::string::npos) break;
    words.push_back(r.out.substr(at, nul - at));
    at = nul + 1;
  }
  if (text.find_first_not_of(" \t") == std::string::npos) words.clear();  // printf with no word prints one empty one
  return words;
}

}  // namespace testgen::bash
