#include "checker_main.h"

#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

namespace raftlog {
namespace {

void write_coverage(const std::string& file, const char* name, const Verdict& v, size_t rows, const std::string& error) {
  if (file.empty()) return;
  nlohmann::json cover = nlohmann::json::array(), hits = nlohmann::json::object();
  for (const auto& [point, count] : v.cover) {
    cover.push_back(point);
    hits[point] = count;
  }
  nlohmann::json stats = {{"rows", rows}, {"processed_rows", error.empty() ? rows : 0}};
  for (const auto& [key, value] : v.stats) stats[key] = value;
  nlohmann::json doc = {{"checker", name}, {"accept", v.accept && error.empty()},
                        {"cover", cover},  {"hits", hits},
                        {"stats", stats}};
  if (!error.empty()) doc["error"] = error;
  const std::string temp = file + ".tmp";
  std::ofstream(temp) << doc.dump(2) << "\n";
  std::rename(temp.c_str(), file.c_str());
}

}  // namespace

int checker_main(const char* name, int argc, char** argv, Verdict (*check)(const std::vector<Event>&)) {
  std::vector<std::string> traces;
  std::string coverage_out;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--coverage-out" && i + 1 < argc) coverage_out = argv[++i];
    else if (arg.starts_with("--")) {
      std::cerr << name << ": unknown option " << arg << " (usage: " << name << " TRACE.csv... [--coverage-out FILE])\n";
      return 2;
    } else traces.push_back(arg);
  }
  if (traces.empty()) {
    std::cerr << "usage: " << name << " TRACE.csv... [--coverage-out FILE]\n";
    return 2;
  }
  std::vector<Event> events;
  try {
    for (const std::string& t : traces) {
      std::ifstream in(t);
      if (!in) throw std::runtime_error(t + ": cannot read");
      std::vector<Event> more = read_csv(in, t);
      events.insert(events.end(), more.begin(), more.end());
    }
  } catch (const std::exception& e) {
    std::cerr << name << ": " << e.what() << "\n";
    write_coverage(coverage_out, name, Verdict{}, events.size(), e.what());
    return 2;
  }
  const Verdict v = check(events);
  write_coverage(coverage_out, name, v, events.size(), "");
  if (!v.accept) std::cout << v.violation << "\n";
  return v.accept ? 0 : 1;
}

}  // namespace raftlog
