// A bash script through the bash front's reader and code generator: refused
// with FILE:LINE:COL (a syntax error), or lowered, translated and typed.
#include <string>

#include "lower.h"
#include "signature.h"
#include "translate.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace testgen::bash;
  try {
    Script script = lower_script("fuzz.sh", std::string(reinterpret_cast<const char*>(data), size), /*ask_bash=*/false);
    Translation t = translate(script);
    for (const TranslatedFunction& f : t.functions)
      if (f.body.empty()) __builtin_trap();
  } catch (const BashSyntaxError&) {
  }
  return 0;
}
