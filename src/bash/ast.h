#pragma once
// The typed syntax tree of the bash subset the bash front translates. It is
// built from tree-sitter's concrete tree (lower.cc) and says what bash will
// do, not how the text looked: quoting is a flag on each word part, an
// arithmetic expression is parsed by our own parser with bash's precedence
// (tree-sitter-bash's arithmetic precedence is not bash's), and `[ ... ]` is
// kept as the words bash's `test` builtin will see after expansion, since
// its meaning depends on how many words that expansion gives.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace testgen::bash {

/// The number a positional parameter's digits name, saturating (`${99999999999}`
/// is just very large, never an overflow).
inline size_t positional_index(std::string_view digits) {
  size_t n = 0;
  for (char c : digits) n = n > 100'000'000 ? n : n * 10 + static_cast<size_t>(c - '0');
  return n;
}

struct Pos {
  uint32_t line = 1;  ///< 1-based
  uint32_t col = 1;   ///< 1-based, in bytes
};

struct Word;
struct Arith;
struct Command;
using Block = std::vector<Command>;

/// ${...} and $name. `name` is a variable, a positional index ("1", "10"),
/// or a special parameter ("@", "*", "#", "?", "-", "$", "!", "0").
enum class ParamOp {
  kPlain,
  kLength,          ///< ${#v}
  kDefault,         ///< ${v:-w} / ${v-w}
  kAssignDefault,   ///< ${v:=w}
  kAlternate,       ///< ${v:+w}
  kErrorIfUnset,    ///< ${v:?w}
  kRemovePrefix,    ///< ${v#p}
  kRemoveLongPrefix,
  kRemoveSuffix,    ///< ${v%p}
  kRemoveLongSuffix,
  kReplaceFirst,    ///< ${v/p/r}
  kReplaceAll,      ///< ${v//p/r}
  kReplacePrefix,   ///< ${v/#p/r}
  kReplaceSuffix,   ///< ${v/%p/r}
  kUpperAll,        ///< ${v^^}
  kUpperFirst,      ///< ${v^}
  kLowerAll,        ///< ${v,,}
  kLowerFirst,      ///< ${v,}
  kSubstring,       ///< ${v:o:l}
  kIndirect,        ///< ${!v}
  kKeys,            ///< ${!a[@]}
};

struct ParamExp {
  std::string name;
  /// a[i]: the index word; for a[@] / a[*] `all_elements` is set instead.
  std::shared_ptr<Word> index;
  bool all_elements = false;
  bool star = false;   ///< a[*] (joined by IFS) rather than a[@]
  ParamOp op = ParamOp::kPlain;
  bool colon = false;  ///< ':-' rather than '-': empty counts as unset
  std::vector<Word> args;  ///< default / pattern / replacement / message
  std::shared_ptr<Arith> offset, length;  ///< ${v:o:l}
};

struct WordPart {
  enum class Kind { kLiteral, kParam, kCommandSub, kArith };
  Kind kind = Kind::kLiteral;
  /// Inside "..." or '...' or escaped: no splitting, no globbing, and
  /// pattern characters match themselves.
  bool quoted = false;
  std::string text;  ///< kLiteral: the characters, escapes removed
  std::shared_ptr<ParamExp> param;
  std::shared_ptr<Block> commands;  ///< $(...) and `...`
  std::shared_ptr<Arith> arith;     ///< $((...))
};

struct Word {
  Pos pos;
  std::vector<WordPart> parts;
  /// The literal text of a word made of literals only (quoted or not).
  bool literal(std::string& out) const;
};

/// An arithmetic expression, parsed with bash's grammar (arith_parser.cc).
struct Arith {
  enum class Kind {
    kNumber,
    kVariable,  ///< a name, evaluated recursively as bash does
    kText,      ///< contains $-expansions: expanded, then evaluated at run time
    kUnary,     ///< op: - + ! ~
    kBinary,    ///< op: * / % + - << >> < <= > >= == != & ^ | && || ** ,
    kAssign,    ///< op: = *= /= %= += -= <<= >>= &= ^= |=
    kTernary,
    kPreIncrement,
    kPreDecrement,
    kPostIncrement,
    kPostDecrement,
  };
  Kind kind = Kind::kNumber;
  std::string op;
  int64_t number = 0;
  std::string name;              ///< kVariable, and the target of assignments / ++ / --
  std::shared_ptr<Arith> index;  ///< a[i] as an operand or target
  std::vector<Arith> operands;
  std::shared_ptr<Word> text;    ///< kText
  std::string source;            ///< the expression as written (for messages)
};

/// [[ ... ]]
struct Cond {
  enum class Kind { kAnd, kOr, kNot, kUnary, kBinary, kWord };
  Kind kind = Kind::kWord;
  std::string op;  ///< -n -z -f ... / = == != < > =~ -eq -lt ...
  std::vector<Word> words;    ///< operands (kUnary: 1, kBinary: 2, kWord: 1)
  std::vector<Cond> operands; ///< kAnd / kOr / kNot
};

struct Assignment {
  Pos pos;
  std::string name;
  std::shared_ptr<Word> index;  ///< a[i]=v
  bool append = false;          ///< +=
  bool has_value = true;        ///< `local x` has none
  bool is_array = false;        ///< x=(...)
  Word value;
  /// x=(a b [k]=v): the elements; keys empty for positional elements.
  std::vector<Word> elements;
  std::vector<std::shared_ptr<Word>> keys;
};

struct Redirect {
  enum class Kind { kHereString, kHereDoc, kOutput, kAppend, kInput, kDuplicate, kClose };
  Kind kind = Kind::kOutput;
  int fd = 1;    ///< the descriptor redirected
  Word target;   ///< file name, here-string word, here-document body, or descriptor
};

struct CaseItem {
  std::vector<Word> patterns;
  Block body;
  enum class End { kBreak, kFallThrough, kTestNext };  ///< ;;  ;&  ;;&
  End end = End::kBreak;
};

struct Command {
  enum class Kind {
    kSimple,      ///< assignments? words... (also `[`, echo, builtins, calls)
    kDeclare,     ///< local / declare / typeset / readonly / export
    kIf,          ///< blocks: cond, then, [cond, then]..., [else]
    kWhile,       ///< blocks: cond, body
    kUntil,
    kFor,         ///< name, words (no `in`: "$@"), blocks: body
    kArithFor,    ///< arith: init, cond, step (each may be absent), blocks: body
    kCase,        ///< words[0] the subject, items
    kGroup,       ///< { ...; }
    kSubshell,    ///< ( ... )
    kAnd,         ///< blocks[0] && blocks[1]
    kOr,
    kNot,         ///< ! pipeline
    kPipeline,    ///< blocks: the stages
    kCond,        ///< [[ ... ]]
    kArith,       ///< (( ... ))
  };
  Kind kind = Kind::kSimple;
  Pos pos;
  std::vector<Assignment> assignments;  ///< kSimple prefix assignments / kDeclare
  std::vector<Word> words;
  std::string name;            ///< kDeclare: the builtin; kFor: the variable
  std::vector<std::string> flags;  ///< kDeclare: -a -A -i -r -x -g ...
  std::vector<Redirect> redirects;
  std::vector<Block> blocks;
  std::vector<CaseItem> items;
  std::vector<std::shared_ptr<Arith>> ariths;  ///< kArithFor (3, null when absent) / kArith (1)
  std::shared_ptr<Cond> cond;  ///< kCond
  bool has_else = false;       ///< kIf
};

struct Function {
  std::string name;
  Pos pos;
  uint32_t end_line = 0;
  std::vector<std::string> doc;  ///< the comment lines above it, without '#'
  Block body;
  std::string source;            ///< its text, for the bash side of the check
};

/// A function the lowering refused, with the construct and where it is.
struct Refusal {
  std::string function;
  std::string construct;
  Pos pos;
  std::string detail;
};

/// A top-level assignment of a constant (the script's globals).
struct Global {
  std::string name;
  Assignment assignment;
  std::string source;
};

struct Script {
  std::string path;
  std::vector<Function> functions;
  std::vector<Refusal> refused;
  std::vector<Global> globals;
  /// Top-level commands other than definitions and constant assignments
  /// (a script's "main"); they are not part of any function's meaning.
  size_t top_level_commands = 0;
  /// The script's text, and the byte ranges of those top-level commands.
  std::string source;
  std::vector<std::pair<uint32_t, uint32_t>> main_ranges;
};

/// The positional parameter a word is exactly ("$1", $1, "${1}"), or 0.
inline size_t positional_of(const Word& w) {
  if (w.parts.size() != 1 || w.parts[0].kind != WordPart::Kind::kParam) return 0;
  const ParamExp& e = *w.parts[0].param;
  if (e.op != ParamOp::kPlain || e.index || e.name.empty() ||
      e.name.find_first_not_of("0123456789") != std::string::npos)
    return 0;
  return positional_index(e.name);
}

}  // namespace testgen::bash
