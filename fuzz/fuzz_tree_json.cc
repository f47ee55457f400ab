// tree.json: any text is either refused with TreeFormatError or read into a
// tree that writes back and reads again to the same canonical form.
#include <cstdlib>

#include "fuzz_input.h"
#include "testgen/choice_tree.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace testgen;
  ChoiceTree tree;
  try {
    tree = ChoiceTree::from_json(std::string(fuzzing::text_of(data, size)), "tree.json");
  } catch (const TreeFormatError&) {
    return 0;
  }
  const ChoiceTree again = ChoiceTree::from_json(tree.to_json(), "again");
  if (again.canonical() != tree.canonical()) std::abort();
  return 0;
}
