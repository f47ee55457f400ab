#pragma once
// Bash's arithmetic grammar ($(( )), (( )), let, array indices), with
// bash's precedence and associativity (bash(1), ARITHMETIC EVALUATION):
//
//   , < = op= < ?: < || < && < | < ^ < & < == != < < <= > >= < << >>
//   < + - < * / % < ** (right) < unary - + ! ~ < ++ -- (pre, post)
//
// Unary minus binds tighter than `**` (`-2**2` is 4). The generated Rust
// carries the same grammar for text built at run time (utils.rs).

#include <optional>
#include <string>
#include <string_view>

#include "ast.h"

namespace testgen::bash {

/// The parsed expression, or nullopt with `error` set when bash would
/// reject it (the caller then leaves it to run time, where bash reports it).
std::optional<Arith> parse_arith(std::string_view text, std::string* error = nullptr);

/// A numeric constant as bash reads one (decimal, 0x.., 0.. octal, base#digits,
/// wrapping on overflow); nullopt when bash would call it an error.
std::optional<int64_t> parse_arith_number(std::string_view text);

}  // namespace testgen::bash
