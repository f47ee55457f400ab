#pragma once
// Typed mutations of scenario configs, drawn from the choice tree so that a
// mutated scenario replays, shrinks (fewer mutations, smaller steps, earlier
// seeds) and adapts like any other generated value.
//
//   integer, float   scale (x0, x1/2, x2, x10), delta (+-1, 2, 10, 100 or 0.1, 1, 10),
//                    boundary (0, 1, -1, the schema's or the type's extremes)
//   boolean          flip
//   string           enum: another value seen at that path in any seed (or the schema's)
//   array            insert (a copy of an element), delete, duplicate, swap
//   table in array   splice: the table at the same place in another seed
//
// Each is recorded as {op, path, from, to}.

#include <map>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "scenario_doc.h"
#include "testgen/gen.h"

namespace testgen::scenario {

struct Mutation {
  std::string op, path, from, to;
};
nlohmann::json mutations_json(const std::vector<Mutation>& mutations);

/// "flows[2].rate" -> "flows[*].rate": the place a value has in every seed.
std::string generic_path(const std::string& path);

/// Optional limits (a schema TOML file):
///     frozen = ["seed", "log_path"]              # globs over generic paths
///     [ranges]
///     "flows[*].rate" = [1, 1000]
///     [enums]
///     "topology.kind" = ["ring", "star"]
struct Schema {
  std::vector<std::string> frozen;
  std::map<std::string, std::pair<double, double>> ranges;
  std::map<std::string, std::vector<std::string>> enums;
  bool is_frozen(const std::string& path) const;
  static Schema load(const std::filesystem::path& file);  ///< ScenarioError with FILE:LINE
};

struct Seed {
  std::string name;  ///< file name in seeds/
  toml::table doc;
};

/// What mutations can draw on: the seeds, the values seen at each generic
/// path across them, and the schema.
class MutationContext {
 public:
  MutationContext(std::vector<Seed> seeds, Schema schema);
  const std::vector<Seed>& seeds() const { return seeds_; }
  const Schema& schema() const { return schema_; }
  /// Strings seen at a generic path (sorted, unique), schema enums included.
  const std::vector<std::string>& strings_at(const std::string& generic) const;
  /// Tables at a generic path ("flows[*]") in every seed.
  std::vector<const toml::table*> tables_at(const std::string& generic) const;

 private:
  std::vector<Seed> seeds_;
  Schema schema_;
  std::map<std::string, std::vector<std::string>> strings_;
};

struct MutatedScenario {
  size_t seed = 0;  ///< index into the context's seeds
  toml::table doc;
  std::vector<Mutation> mutations;
};

/// Every mutation one more list element could make on `doc`, each as the
/// element's decisions (slots 0..3: place, operation, parameters): the
/// knobs calibration turns one at a time.
std::vector<std::vector<int64_t>> knobs(const toml::table& doc, const MutationContext& context);

/// A seed (slot 0) and a list of 0..max_mutations mutations (slot 1, a
/// list node: the shrinker deletes mutations), each applied to the result
/// of the ones before. `seed_filter`, if set, limits the seeds drawn from.
Gen<MutatedScenario> scenario_gen(std::shared_ptr<const MutationContext> context, int64_t max_mutations,
                                  std::vector<size_t> seed_filter = {});

}  // namespace testgen::scenario
