#include "events.h"

#include <sstream>
#include <stdexcept>

namespace raftlog {

void write_csv(std::ostream& out, const std::vector<Event>& events) {
  out << kCsvHeader << "\n";
  for (const Event& e : events)
    out << e.time_ms << ',' << e.node << ',' << e.kind << ',' << e.term << ',' << e.index << ',' << e.peer << ','
        << e.detail << "\n";
}

std::vector<Event> read_csv(std::istream& in, const std::string& name) {
  std::vector<Event> events;
  std::string line;
  int number = 0;
  auto fail = [&](const std::string& what) {
    throw std::runtime_error(name + ":" + std::to_string(number) + ": " + what);
  };
  while (std::getline(in, line)) {
    ++number;
    if (number == 1) {
      if (line != kCsvHeader) fail("not a raftlog trace (header must be '" + std::string(kCsvHeader) + "')");
      continue;
    }
    if (line.empty()) continue;
    std::vector<std::string> cells;
    std::stringstream row(line);
    for (std::string cell; cells.size() < 6 && std::getline(row, cell, ',');) cells.push_back(cell);
    std::string rest;
    std::getline(row, rest);  // the detail may hold commas
    if (cells.size() != 6) fail("expected 7 columns");
    Event e;
    try {
      e.time_ms = std::stoll(cells[0]);
      e.node = std::stoi(cells[1]);
      e.kind = cells[2];
      e.term = std::stoll(cells[3]);
      e.index = std::stoll(cells[4]);
      e.peer = std::stoi(cells[5]);
    } catch (const std::exception&) {
      fail("a number column is not a number");
    }
    e.detail = rest;
    events.push_back(std::move(e));
  }
  if (number == 0) fail("empty trace");
  return events;
}

}  // namespace raftlog
