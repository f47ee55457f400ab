#pragma once
// Property tests a function's bash behaviour supports. Each candidate
// (determinism, the result's type and bounds, monotonicity, a recurrence
// such as f(n) = f(n-1) + f(n-2), idempotency, commutativity, no files
// written, the output within the input) is checked on bash first — on every
// point of an integer domain, or on every sample of the check — and only
// those that held on all of them are written. The generators draw from the
// domain the check covered (the integers the branches compare with, up to
// where bash still answers quickly), not a fixed range.

#include <string>
#include <vector>

#include "input_model.h"
#include "oracle.h"
#include "translate.h"

namespace testgen::bash {

struct PropertyTest {
  std::string name;  ///< prop_...
  std::string kind;  ///< determinism, type, bounds, monotonic, recurrence, idempotency, ...
  std::string doc;   ///< what holds, and on how many bash calls it was checked
  std::string body;  ///< the Rust statements of its #[test] function
};

struct PropertyContext {
  std::string crate;
  const TranslatedFunction* function = nullptr;
  InputModel model;
  /// Inputs on which bash and the translation agreed (the check's samples and the unit tests' inputs).
  std::vector<CallInput> samples;
  bool fresh_context = false;
  size_t cases = 1000;
};

std::vector<PropertyTest> find_properties(Oracle& oracle, const PropertyContext& ctx);

}  // namespace testgen::bash
