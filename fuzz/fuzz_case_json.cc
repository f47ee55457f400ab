// case.json and the metadata built from it: refused with a CorpusError
// naming the file, or read; never another exception, never a crash.
#include "fuzz_input.h"
#include "testgen/corpus.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace testgen;
  const std::filesystem::path dir = fuzzing::scratch() / "corpus" / "rejected" / "0123456789abcdef";
  fuzzing::as_file("corpus/rejected/0123456789abcdef/case.json", data, size);
  fuzzing::as_file("corpus/rejected/0123456789abcdef/tree.json",
                   reinterpret_cast<const uint8_t*>(R"({"format":"testgen-choice-tree","version":1,"root":{"kind":"empty"}})"),
                   68);
  try {
    Corpus::read_case(dir);
  } catch (const InputError&) {
  }
  // A corpus opened over it quarantines it or writes its metadata.
  try {
    Corpus corpus(fuzzing::scratch() / "corpus", "puzzle");
    corpus.set_warning_sink([](const std::string&) {});
    corpus.load();
  } catch (const InputError&) {
  }
  std::error_code ignored;
  std::filesystem::remove_all(fuzzing::scratch() / "corpus", ignored);
  return 0;
}
