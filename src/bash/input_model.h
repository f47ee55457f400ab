#pragma once
// What a function's inputs should look like, read from its code: how many
// positional parameters it uses, the integers it compares with and
// computes from, the strings and pattern characters it tests for. The
// check draws argument tuples from it (at and around those constants, and
// across the full range), so that the branches of real code are reached.

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "ast.h"
#include "testgen/gen.h"

namespace testgen::bash {

struct InputModel {
  size_t arity = 0;       ///< the highest $N used
  bool variadic = false;  ///< $@, $*, $#, shift or set -- : any number of arguments
  std::set<int64_t> integers;
  std::set<std::string> strings;
  std::string alphabet;   ///< characters worth drawing strings from
  std::set<uint32_t> lines;  ///< the lines holding a command (what coverage is out of)
  bool reads_stdin = false;  ///< uses `read`: standard input is part of the input
};

/// The model of `f`, merged with those of the script functions in `callees`.
InputModel model_function(const Function& f);
void merge_model(InputModel& into, const InputModel& from);

/// Argument tuples for a function with this model.
Gen<std::vector<std::string>> argument_generator(const InputModel& model);
/// Standard input for a function that reads it: a few lines of words.
Gen<std::string> stdin_generator(const InputModel& model);

}  // namespace testgen::bash
