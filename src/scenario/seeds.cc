#include "seeds.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "testgen/corpus.h"
#include "testgen/site.h"

namespace testgen::scenario {
namespace fs = std::filesystem;

std::vector<std::string> tags_of(const std::string& text) {
  std::vector<std::string> tags;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    const size_t at = line.find("# tags:");
    if (at != 0) continue;
    std::istringstream words(line.substr(7));
    for (std::string tag; std::getline(words, tag, ',');) {
      tag.erase(0, tag.find_first_not_of(" \t"));
      tag.erase(tag.find_last_not_of(" \t\r") + 1);
      if (!tag.empty()) tags.push_back(tag);
    }
  }
  return tags;
}

std::vector<SeedInfo> index_seeds(const fs::path& source, Corpus& corpus) {
  const CorpusLayout paths = corpus.layout();
  std::vector<fs::path> files;
  if (fs::is_directory(source)) {
    for (const auto& e : fs::directory_iterator(source))
      if (e.path().extension() == ".toml" && !e.is_directory()) files.push_back(e.path());
  } else if (fs::exists(source)) {
    files.push_back(source);
  } else {
    throw ScenarioError(fmt::format("{}: no such file or directory", source.string()));
  }
  std::sort(files.begin(), files.end());
  if (files.empty()) throw ScenarioError(fmt::format("{}: no *.toml seeds", source.string()));
  // Check every seed before copying any.
  std::vector<std::pair<fs::path, std::string>> texts;
  for (const fs::path& f : files) {
    load_scenario(f);
    texts.emplace_back(f, read_file(f));
  }
  for (const auto& [file, text] : texts) write_file_atomic(paths.seeds() / file.filename(), text);
  std::vector<SeedInfo> infos;
  load_seeds(paths.root, &infos);
  nlohmann::json index = {{"version", 1}, {"source", fs::absolute(source).string()}, {"seeds", nlohmann::json::array()}};
  for (const SeedInfo& s : infos)
    index["seeds"].push_back({{"name", s.name}, {"path", fs::relative(paths.seeds() / s.name, paths.root).generic_string()},
                              {"tags", s.tags}, {"hash", s.hash}, {"mutable_places", s.places}});
  write_file_atomic(paths.seeds_index(), index.dump(2) + "\n");
  return infos;
}

std::vector<Seed> load_seeds(const fs::path& root, std::vector<SeedInfo>* infos) {
  std::vector<fs::path> files;
  const fs::path dir = CorpusLayout{root}.seeds();
  if (fs::is_directory(dir))
    for (const auto& e : fs::directory_iterator(dir))
      if (e.path().extension() == ".toml") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::vector<Seed> seeds;
  for (const fs::path& f : files) {
    Seed s{f.filename().string(), load_scenario(f)};
    if (infos) {
      const std::string canonical = canonical_toml(s.doc);
      infos->push_back({s.name, tags_of(read_file(f)), fmt::format("{:016x}", hash_bytes(canonical)), leaves(s.doc).size()});
    }
    seeds.push_back(std::move(s));
  }
  return seeds;
}

}  // namespace testgen::scenario
