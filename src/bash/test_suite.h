#pragma once
// The tests generated for a translated script (sections 3 and 4 of the
// spec): per function, unit tests (both sides of each branch and its
// boundary, edge and error inputs, one input per distinct set of bash lines
// the check ran), property tests that held on bash, and doctests from the
// examples in the script's comments and calls. Every expected value is
// what bash answered, and every input is one on which the translation
// agreed with bash.

#include <cstdint>
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "check_session.h"
#include "oracle.h"
#include "properties.h"

namespace testgen::bash {

struct UnitTest {
  std::string name;  ///< test_...
  std::string kind;  ///< branch, boundary, case, edge, error, path, coverage, mutant
  CallInput call;
  BashCall bash;
  std::string why;
};

struct DocTest {
  CallInput call;
  BashCall bash;
  std::string where;  ///< "line 6 (the comment above it)"
  std::optional<std::string> claimed;
  bool claim_holds = true;
};

struct FunctionTests {
  const TranslatedFunction* function = nullptr;
  std::vector<UnitTest> units;
  std::vector<PropertyTest> properties;
  std::vector<DocTest> docs;
  std::vector<std::string> notes;  ///< differences met, claims bash contradicts, inputs bash did not finish
  bool fresh_context = false;
  size_t bash_lines_total = 0;
  std::unique_ptr<Oracle> oracle;  ///< every call asked so far (for coverage and mutants)
  std::vector<CallInput> pool;     ///< agreed inputs not used as unit tests yet
};

struct TestSuite {
  std::string crate;
  std::vector<FunctionTests> functions;
  size_t property_cases = 1000;
};

struct TestGenOptions {
  uint64_t runs = 300;  ///< check inputs per function (the corpus tests are drawn from)
  uint64_t seed = 0;
  size_t property_cases = 1000;
  std::function<void(const std::string&)> progress;
};

TestSuite generate_tests(CheckSession& session, const TestGenOptions& options);

/// Adds a unit test for `call` (asked of bash and the translation through
/// the function's oracle) unless it disagrees or bash does not finish.
bool add_unit_test(FunctionTests& ft, const CallInput& call, std::string name, std::string kind, std::string why);

/// The script lines the unit tests' inputs ran in bash.
std::set<uint32_t> bash_lines_run(const FunctionTests& ft);

}  // namespace testgen::bash
