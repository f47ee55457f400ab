// The table of fronts: one row per kind of target a stored case can hold.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "abi_front.h"
#include "bash_front.h"
#include "front.h"
#include "puzzle_front.h"
#include "scenario_front.h"

namespace testgen {

std::span<const Front* const> fronts() {
  static const puzzles::PuzzleFront puzzle;
  static const hunt::AbiFront abi;
  static const scenario::ScenarioFront scenario;
  static const bash::BashFront bash;
  static const Front* const table[] = {&puzzle, &abi, &scenario, &bash};
  return table;
}

const Front& front_named(std::string_view name) {
  std::vector<std::string_view> names;
  for (const Front* f : fronts()) {
    if (f->name() == name) return *f;
    names.push_back(f->name());
  }
  throw CorpusError(fmt::format("unknown front '{}' (this testgen knows: {})", name, fmt::join(names, ", ")));
}

const Front& front_of(const CaseInfo& stored) {
  try {
    return front_named(stored.front);
  } catch (const CorpusError& e) {
    throw CorpusError(fmt::format("{}: {}", (stored.dir / "case.json").string(), e.what()));
  }
}

}  // namespace testgen
