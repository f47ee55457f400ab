// Seed scenarios and schemas (TOML): refused with a ScenarioError naming
// file, line and column, or read, listed, printed canonically and read back.
#include <cstdlib>

#include "fuzz_input.h"
#include "mutation.h"
#include "scenario_doc.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace testgen::scenario;
  try {
    const toml::table doc = parse_scenario(testgen::fuzzing::text_of(data, size), "seed.toml");
    for (const Leaf& leaf : leaves(doc)) {
      if (const toml::node* n = node_at(doc, leaf.path)) value_text(*n);
    }
    const std::string canonical = canonical_toml(doc);
    if (canonical_toml(parse_scenario(canonical, "canonical")) != canonical) std::abort();
  } catch (const ScenarioError&) {
  }
  try {
    Schema::load(testgen::fuzzing::as_file("schema.toml", data, size));
  } catch (const ScenarioError&) {
  }
  return 0;
}
