#pragma once
// Seeds in a corpus: `testgen seed-index SRC` copies scenario files into
// ROOT/seeds/ and writes ROOT/metadata/seeds_index.json; campaigns load
// them back. A seed's tags come from a comment line `# tags: a, b`.

#include <filesystem>
#include <string>
#include <vector>

#include "mutation.h"
#include "testgen/corpus.h"

namespace testgen::scenario {

struct SeedInfo {
  std::string name;  ///< file name
  std::vector<std::string> tags;
  std::string hash;  ///< of the canonical TOML
  size_t places = 0; ///< leaves a mutation can act on
};

/// Copies every *.toml of `source` (a directory or one file) into the
/// corpus's seeds (each checked: ScenarioError with file and line, and then
/// nothing is copied), and rewrites the seeds index. Returns the index.
std::vector<SeedInfo> index_seeds(const std::filesystem::path& source, Corpus& corpus);

/// The seeds of a corpus, sorted by name, with their tags.
std::vector<Seed> load_seeds(const std::filesystem::path& root, std::vector<SeedInfo>* infos = nullptr);

/// Tags of a scenario text: from lines "# tags: a, b".
std::vector<std::string> tags_of(const std::string& text);

}  // namespace testgen::scenario
