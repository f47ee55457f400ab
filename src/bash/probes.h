#pragma once
// Inputs chosen to make a function's branches go each way, read from its
// conditions: `[ $n -le 1 ]` gives n = 0 (true), n = 2 (false) and n = 1
// (the boundary); `[ -z "$s" ]` gives "" and "x"; a case arm gives a word
// its pattern matches. Edge inputs per parameter type (zero, negatives, the
// i64 extremes, empty and special strings, missing files) come beside them.
// Nothing here says what the function answers: bash does (oracle.h).

#include <string>
#include <vector>

#include "ast.h"
#include "input_model.h"
#include "paired_calls.h"
#include "signature.h"

namespace testgen::bash {

struct Probe {
  std::string name;  ///< what it tests, a Rust identifier without "test_": "branch_n_le_1"
  CallInput call;
  std::string why;   ///< a sentence for the test's comment
};

/// One ordinary value per parameter: what every probe starts from.
std::vector<std::string> base_arguments(const Signature& sig, const InputModel& model);

/// Both sides of every condition on a parameter, and its boundary.
std::vector<Probe> branch_probes(const Function& f, const Signature& sig, const InputModel& model);

/// Edge and error inputs for each parameter's type.
std::vector<Probe> edge_probes(const Signature& sig, const InputModel& model);

/// `v` as part of a Rust identifier: "minus_1", "empty", "a_b".
std::string value_ident(const std::string& v);

}  // namespace testgen::bash
