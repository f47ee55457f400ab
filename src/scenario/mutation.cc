#include "mutation.h"

#include <fmt/format.h>
#include <fnmatch.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace testgen::scenario {
namespace {

const Site kSeedSite = Site::named("scenario", "seed");
const Site kListSite = Site::named("scenario", "mutations");
const Site kLengthSite = Site::named("scenario", "mutation-count");
const Site kMutationSite = Site::named("scenario", "mutation");

// One decision in [lo, hi] at `at`; the site's salt keeps ranges apart.
int64_t decide(const Cursor& at, std::string_view what, uint64_t salt, int64_t lo, int64_t hi) {
  return at.decide(Site::named("scenario", what, salt), ChoiceKind::kInteger, lo, hi);
}

std::vector<std::string> ops_for(LeafKind kind) {
  switch (kind) {
    case LeafKind::kInteger:
    case LeafKind::kFloat: return {"delta", "scale", "boundary"};
    case LeafKind::kBoolean: return {"flip"};
    case LeafKind::kString: return {"enum"};
    case LeafKind::kArray: return {"duplicate", "delete", "insert", "swap"};
    case LeafKind::kTable: return {"splice"};
  }
  return {};
}

std::optional<std::pair<double, double>> range_of(const Schema& schema, const std::string& generic) {
  for (const auto& [pattern, range] : schema.ranges)
    if (::fnmatch(pattern.c_str(), generic.c_str(), 0) == 0) return range;
  return std::nullopt;
}

double clamp_to(const Schema& schema, const std::string& generic, double v) {
  if (auto r = range_of(schema, generic)) return std::clamp(v, r->first, r->second);
  return v;
}

// The boundary values tried for a number: 0, 1, -1 and the schema's or the type's ends.
constexpr int64_t kBoundaries = 5;

// The numeric operations on one value; returns the new value.
double numeric(const Cursor& at, const std::string& op, double value, bool integer,
               const std::optional<std::pair<double, double>>& range) {
  if (op == "delta") {
    static const double int_steps[] = {1, 2, 10, 100}, float_steps[] = {0.1, 1, 10, 100};
    const Cursor step_at = at.child(2);
    const auto index = static_cast<size_t>(decide(step_at, "delta-step", integer, 0, 3));
    const double step = integer ? int_steps[index] : float_steps[index];
    return decide(at.child(3), "delta-sign", 0, 0, 1) ? value - step : value + step;
  }
  if (op == "scale") {
    static const double factors[] = {2, 0.5, 10, 0};
    return value * factors[decide(at.child(2), "scale-factor", 0, 0, 3)];
  }
  std::vector<double> bounds{0, 1, -1};
  if (range) {
    bounds.push_back(range->first);
    bounds.push_back(range->second);
  } else if (integer) {
    bounds.push_back(static_cast<double>(std::numeric_limits<int32_t>::max()));
    bounds.push_back(static_cast<double>(std::numeric_limits<int32_t>::min()));
  } else {
    bounds.push_back(1e9);
    bounds.push_back(1e-9);
  }
  return bounds[static_cast<size_t>(decide(at.child(2), "boundary", bounds.size(), 0, kBoundaries - 1))];
}

// Draws and applies one mutation to `doc`; nullopt when nothing applies.
// The places a mutation may change: every leaf not frozen by the schema.
std::vector<Leaf> places_of(const toml::table& doc, const MutationContext& ctx) {
  std::vector<Leaf> places;
  for (Leaf& l : leaves(doc))
    if (!ctx.schema().is_frozen(generic_path(l.path))) places.push_back(std::move(l));
  return places;
}

// Values of a string other than its own, seen at its place.
std::vector<std::string> other_strings(const MutationContext& ctx, const std::string& generic, const std::string& own) {
  std::vector<std::string> values;
  for (const std::string& v : ctx.strings_at(generic))
    if (v != own) values.push_back(v);
  return values;
}

std::optional<Mutation> mutate(const Cursor& at, toml::table& doc, const MutationContext& ctx, uint64_t seed_salt) {
  at.claim(kMutationSite, ChoiceKind::kGroup);
  const std::vector<Leaf> places = places_of(doc, ctx);
  if (places.empty()) return std::nullopt;
  const Leaf& leaf = places[static_cast<size_t>(
      decide(at.child(0), "place", seed_salt, 0, static_cast<int64_t>(places.size()) - 1))];
  const std::vector<std::string> ops = ops_for(leaf.kind);
  const std::string& op =
      ops[static_cast<size_t>(decide(at.child(1), "op", static_cast<uint64_t>(leaf.kind), 0,
                                     static_cast<int64_t>(ops.size()) - 1))];
  toml::node* node = node_at(doc, leaf.path);
  const std::string generic = generic_path(leaf.path);
  Mutation m{.op = op, .path = leaf.path, .from = value_text(*node)};

  if (leaf.kind == LeafKind::kInteger) {
    const double v = numeric(at, op, static_cast<double>(node->as_integer()->get()), true, range_of(ctx.schema(), generic));
    const double kept = std::clamp(std::round(clamp_to(ctx.schema(), generic, v)), -9.2e18, 9.2e18);
    *node->as_integer() = static_cast<int64_t>(kept);
  } else if (leaf.kind == LeafKind::kFloat) {
    *node->as_floating_point() =
        clamp_to(ctx.schema(), generic,
                 numeric(at, op, node->as_floating_point()->get(), false, range_of(ctx.schema(), generic)));
  } else if (leaf.kind == LeafKind::kBoolean) {
    *node->as_boolean() = !node->as_boolean()->get();
  } else if (leaf.kind == LeafKind::kString) {
    // Another value seen there: drawing the current one again would waste the mutation.
    const std::vector<std::string> values = other_strings(ctx, generic, node->as_string()->get());
    if (values.empty()) return std::nullopt;  // nothing else was ever seen there
    *node->as_string() = values[static_cast<size_t>(
        decide(at.child(2), "enum", hash_bytes(generic), 0, static_cast<int64_t>(values.size()) - 1))];
  } else if (leaf.kind == LeafKind::kArray) {
    toml::array& array = *node->as_array();
    const int64_t n = static_cast<int64_t>(array.size());
    if (n == 0) return std::nullopt;
    const auto i = static_cast<size_t>(decide(at.child(2), "index", 0, 0, n - 1));
    // Rebuilt in the new order: toml++ copies each element (tables and arrays included).
    std::vector<size_t> order(array.size());
    for (size_t k = 0; k < order.size(); ++k) order[k] = k;
    if (op == "duplicate") {
      order.insert(order.begin() + static_cast<std::ptrdiff_t>(i) + 1, i);
    } else if (op == "insert") {  // a copy of element i at another index
      order.insert(order.begin() + decide(at.child(3), "index", 1, 0, n), i);
    } else if (op == "delete") {
      order.erase(order.begin() + static_cast<std::ptrdiff_t>(i));
    } else {  // swap
      const auto j = static_cast<size_t>(decide(at.child(3), "index", 2, 0, n - 1));
      std::swap(order[i], order[j]);
    }
    toml::array rebuilt;
    for (size_t k : order) rebuilt.push_back(*array.get(k));
    array = std::move(rebuilt);
  } else {  // a table inside an array: splice in the same place from another seed
    const std::vector<const toml::table*> donors = ctx.tables_at(generic);
    if (donors.empty()) return std::nullopt;
    const toml::table& donor = *donors[static_cast<size_t>(
        decide(at.child(2), "donor", hash_bytes(generic), 0, static_cast<int64_t>(donors.size()) - 1))];
    if (donor == *node->as_table()) return std::nullopt;
    *node->as_table() = donor;
  }
  m.to = value_text(*node_at(doc, leaf.path));
  if (m.from == m.to) return std::nullopt;  // a step that changed nothing is not a mutation
  return m;
}

// The strings of every generic path of a document.
void collect(const toml::node& node, const std::string& path, std::map<std::string, std::vector<std::string>>& strings) {
  if (const toml::table* t = node.as_table()) {
    for (const auto& [k, v] : *t) collect(v, path.empty() ? std::string(k.str()) : path + "." + std::string(k.str()), strings);
  } else if (const toml::array* a = node.as_array()) {
    for (const toml::node& e : *a) collect(e, path + "[*]", strings);
  } else if (const auto* s = node.as_string()) {
    strings[path].push_back(s->get());
  }
}

}  // namespace

nlohmann::json mutations_json(const std::vector<Mutation>& mutations) {
  nlohmann::json out = nlohmann::json::array();
  for (const Mutation& m : mutations) out.push_back({{"op", m.op}, {"path", m.path}, {"from", m.from}, {"to", m.to}});
  return out;
}

std::string generic_path(const std::string& path) {
  std::string out;
  for (size_t i = 0; i < path.size(); ++i) {
    if (path[i] == '[') {
      out += "[*]";
      i = path.find(']', i);
      if (i == std::string::npos) break;
    } else {
      out += path[i];
    }
  }
  return out;
}

bool Schema::is_frozen(const std::string& generic) const {
  return std::any_of(frozen.begin(), frozen.end(),
                     [&](const std::string& p) { return ::fnmatch(p.c_str(), generic.c_str(), 0) == 0; });
}

Schema Schema::load(const std::filesystem::path& file) {
  const toml::table doc = load_scenario(file);
  Schema s;
  auto where = [&](const toml::node& n) {
    return fmt::format("{}:{}:{}", file.string(), n.source().begin.line, n.source().begin.column);
  };
  for (const auto& [key, node] : doc) {
    if (key == "frozen") {
      const toml::array* a = node.as_array();
      if (!a) throw ScenarioError(where(node) + ": 'frozen' must be an array of path globs");
      for (const toml::node& p : *a) {
        if (!p.is_string()) throw ScenarioError(where(p) + ": a frozen path must be a string");
        s.frozen.push_back(p.as_string()->get());
      }
    } else if (key == "ranges" && node.is_table()) {
      for (const auto& [path, r] : *node.as_table()) {
        const toml::array* a = r.as_array();
        const toml::node* lo = a && a->size() == 2 ? a->get(0) : nullptr;
        const toml::node* hi = a && a->size() == 2 ? a->get(1) : nullptr;
        if (!lo || !hi || !lo->is_number() || !hi->is_number())
          throw ScenarioError(where(r) + fmt::format(": range of '{}' must be [min, max]", path.str()));
        s.ranges[std::string(path.str())] = {lo->value<double>().value(), hi->value<double>().value()};
      }
    } else if (key == "enums" && node.is_table()) {
      for (const auto& [path, e] : *node.as_table()) {
        const toml::array* a = e.as_array();
        if (!a) throw ScenarioError(where(e) + fmt::format(": enum of '{}' must be an array of strings", path.str()));
        for (const toml::node& v : *a) {
          if (!v.is_string()) throw ScenarioError(where(v) + ": enum values must be strings");
          s.enums[std::string(path.str())].push_back(v.as_string()->get());
        }
      }
    } else {
      throw ScenarioError(where(node) + fmt::format(": unknown schema key '{}' (frozen, [ranges], [enums])", key.str()));
    }
  }
  return s;
}

MutationContext::MutationContext(std::vector<Seed> seeds, Schema schema)
    : seeds_(std::move(seeds)), schema_(std::move(schema)) {
  for (const Seed& s : seeds_) collect(s.doc, "", strings_);
  for (const auto& [path, values] : schema_.enums)
    strings_[path].insert(strings_[path].end(), values.begin(), values.end());
  for (auto& [path, values] : strings_) {
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
  }
}

const std::vector<std::string>& MutationContext::strings_at(const std::string& generic) const {
  static const std::vector<std::string> none;
  auto it = strings_.find(generic);
  return it == strings_.end() ? none : it->second;
}

std::vector<const toml::table*> MutationContext::tables_at(const std::string& generic) const {
  std::vector<const toml::table*> out;
  for (const Seed& s : seeds_)
    for (const Leaf& l : leaves(s.doc))
      if (l.kind == LeafKind::kTable && generic_path(l.path) == generic)
        out.push_back(node_at(s.doc, l.path)->as_table());
  return out;
}

std::vector<std::vector<int64_t>> knobs(const toml::table& doc, const MutationContext& context) {
  std::vector<std::vector<int64_t>> out;
  const std::vector<Leaf> places = places_of(doc, context);
  for (size_t i = 0; i < places.size(); ++i) {
    const auto place = static_cast<int64_t>(i);
    const toml::node* node = node_at(doc, places[i].path);
    switch (places[i].kind) {
      case LeafKind::kInteger:
      case LeafKind::kFloat:
        for (int64_t step = 0; step < 4; ++step)
          for (int64_t sign = 0; sign < 2; ++sign) out.push_back({place, 0, step, sign});  // delta
        for (int64_t factor = 0; factor < 4; ++factor) out.push_back({place, 1, factor});  // scale
        for (int64_t b = 0; b < kBoundaries; ++b) out.push_back({place, 2, b});             // boundary
        break;
      case LeafKind::kBoolean: out.push_back({place, 0}); break;
      case LeafKind::kString: {
        const auto n = other_strings(context, generic_path(places[i].path), node->as_string()->get()).size();
        for (size_t k = 0; k < n; ++k) out.push_back({place, 0, static_cast<int64_t>(k)});
        break;
      }
      case LeafKind::kArray:
        for (size_t k = 0; k < node->as_array()->size(); ++k) {
          out.push_back({place, 0, static_cast<int64_t>(k)});  // duplicate
          out.push_back({place, 1, static_cast<int64_t>(k)});  // delete
        }
        break;
      case LeafKind::kTable: {
        const auto n = context.tables_at(generic_path(places[i].path)).size();
        for (size_t k = 0; k < n; ++k) out.push_back({place, 0, static_cast<int64_t>(k)});
        break;
      }
    }
  }
  return out;
}

Gen<MutatedScenario> scenario_gen(std::shared_ptr<const MutationContext> context, int64_t max_mutations,
                                  std::vector<size_t> seed_filter) {
  if (context->seeds().empty()) throw GenerationError("no seeds to mutate");
  if (seed_filter.empty())
    for (size_t i = 0; i < context->seeds().size(); ++i) seed_filter.push_back(i);
  const Site site = Site::named("scenario", "scenario");
  return Gen<MutatedScenario>(site, [context, max_mutations, seed_filter, site](const Cursor& at) {
    at.claim(site, ChoiceKind::kGroup);
    MutatedScenario out;
    out.seed = seed_filter[static_cast<size_t>(
        at.child(0).decide(kSeedSite, ChoiceKind::kIndex, 0, static_cast<int64_t>(seed_filter.size()) - 1))];
    out.doc = context->seeds()[out.seed].doc;
    const Cursor list = at.child(1);
    list.claim(kListSite, ChoiceKind::kList);
    const int64_t n = list.child(0).decide(kLengthSite, ChoiceKind::kInteger, 0, max_mutations);
    for (int64_t i = 0; i < n; ++i)
      if (auto m = mutate(list.child(static_cast<uint32_t>(i + 1)), out.doc, *context, out.seed))
        out.mutations.push_back(std::move(*m));
    return out;
  });
}

}  // namespace testgen::scenario
