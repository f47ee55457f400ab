// An abi hunt's expectations file: refused with FILE:LINE:COL, or read and matched.
#include "expectations.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace testgen::hunt;
  try {
    const Expectations e = Expectations::load(testgen::fuzzing::as_file("expect.toml", data, size));
    e.match("gcc:tcc|x86_64|mismatch|param|int32");
  } catch (const ExpectationsError&) {
  }
  return 0;
}
