#pragma once
// Known failures of an abi hunt, from a TOML file, so that a nightly hunt
// reports only what is new:
//
//     [[expected]]                       # still reported, as expected, never reduced
//     pair = "tcc:*"                     # glob over CALLER:CALLEE (default "*")
//     arch = "x86_64"                    # glob (default "*")
//     signature = "mismatch|result*|double"   # glob over KIND|WHERE|WHAT (default "*")
//     note = "tcc returns unions of doubles in integer registers"
//
//     [[skip]]                           # counted, otherwise ignored
//     pair = "pcc:pcc"
//     signature = "crash|*"
//
// A failure signature key is "PAIR|ARCH|KIND|WHERE|WHAT" (abi/signature.h).

#include "testgen/errors.h"
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace testgen::hunt {

class ExpectationsError : public InputError {
 public:
  using InputError::InputError;
};

struct Expectation {
  enum class Status { kExpected, kSkip };
  Status status = Status::kExpected;
  std::string pair = "*", arch = "*", signature = "*";
  std::string note;
  std::string origin;  ///< "FILE:LINE" of its table
  bool matches(const std::string& key) const;
};

class Expectations {
 public:
  Expectations() = default;
  /// Throws ExpectationsError "FILE:LINE:COLUMN: message" for malformed TOML,
  /// unknown tables or keys, and values of the wrong type.
  static Expectations load(const std::filesystem::path& file);

  /// The first entry matching a signature key, or null.
  const Expectation* match(const std::string& key) const;
  const std::vector<Expectation>& entries() const { return entries_; }

 private:
  std::vector<Expectation> entries_;
};

}  // namespace testgen::hunt
