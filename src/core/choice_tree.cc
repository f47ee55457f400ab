#include "testgen/choice_tree.h"

#include "testgen/source.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>

#include "testgen/site.h"

namespace testgen {
namespace {

using nlohmann::json;

constexpr std::array<std::string_view, 6> kKindNames = {"empty", "group", "list",
                                                        "integer", "index", "bool"};
// Beyond this magnitude a JSON number may not survive a reader that uses doubles.
constexpr int64_t kExactInDouble = int64_t{1} << 53;

auto slot_less = [](const auto& entry, uint32_t slot) { return entry.first < slot; };

json int_to_json(int64_t v) {
  if (v > -kExactInDouble && v < kExactInDouble) return v;
  return std::to_string(v);
}

json node_to_json(const ChoiceNode& node, bool forced_only, bool with_forced_flag) {
  json out = json::object();
  out["kind"] = kind_name(node.kind);
  if (node.site != 0) out["site"] = fmt::format("{:016x}", node.site);
  if (is_decision(node.kind)) {
    out["lo"] = int_to_json(node.lo);
    out["hi"] = int_to_json(node.hi);
    out["value"] = int_to_json(node.value);
  }
  if (with_forced_flag) out["forced"] = node.forced;
  json children = json::array();
  for (const auto& [slot, child] : node.children) {
    if (forced_only && !child->forced) continue;
    json c = node_to_json(*child, forced_only, with_forced_flag);
    c["slot"] = slot;
    children.push_back(std::move(c));
  }
  if (!children.empty()) out["children"] = std::move(children);
  return out;
}

struct Parser {
  std::string_view origin;

  [[noreturn]] void fail(const std::string& where, const std::string& what) const {
    throw TreeFormatError(fmt::format("{}: {}: {}", origin, where, what));
  }

  int64_t read_int(const json& j, const char* key, const std::string& where) const {
    auto it = j.find(key);
    if (it == j.end()) fail(where, fmt::format("missing \"{}\"", key));
    if (it->is_number_unsigned() && it->get<uint64_t>() > static_cast<uint64_t>(INT64_MAX))
      fail(where, fmt::format("\"{}\" is larger than a 64-bit signed integer", key));
    if (it->is_number_integer()) return it->get<int64_t>();
    if (it->is_string()) {
      const std::string& s = it->get_ref<const std::string&>();
      try {
        size_t used = 0;
        int64_t v = std::stoll(s, &used);
        if (used == s.size()) return v;
      } catch (const std::exception&) {
      }
    }
    fail(where, fmt::format("\"{}\" must be an integer", key));
  }

  ChoiceKind read_kind(const json& j, const std::string& where) const {
    auto it = j.find("kind");
    if (it == j.end() || !it->is_string()) fail(where, "missing \"kind\"");
    const auto& name = it->get_ref<const std::string&>();
    for (size_t i = 0; i < kKindNames.size(); ++i)
      if (kKindNames[i] == name) return static_cast<ChoiceKind>(i);
    fail(where, fmt::format("unknown kind \"{}\"", name));
  }

  void read_node(const json& j, const std::string& where, ChoiceNode& node, uint32_t depth = 0) const {
    if (!j.is_object()) fail(where, "a node must be an object");
    // Generated trees never nest deeper (source.h); deeper ones would only overflow the stack.
    if (depth > kMaxTreeDepth + 8) fail("root", fmt::format("the tree nests deeper than {} levels", kMaxTreeDepth));
    node.kind = read_kind(j, where);
    if (auto site = j.find("site"); site != j.end()) {
      if (!site->is_string()) fail(where, "\"site\" must be a hex string");
      try {
        node.site = std::stoull(site->get<std::string>(), nullptr, 16);
      } catch (const std::exception&) {
        fail(where, "\"site\" must be a hex string");
      }
    }
    if (is_decision(node.kind)) {
      node.lo = read_int(j, "lo", where);
      node.hi = read_int(j, "hi", where);
      node.value = read_int(j, "value", where);
      if (node.lo > node.hi) fail(where, fmt::format("empty range [{}, {}]", node.lo, node.hi));
      if (node.value < node.lo || node.value > node.hi)
        fail(where, fmt::format("value {} outside [{}, {}]", node.value, node.lo, node.hi));
    }
    if (auto forced = j.find("forced"); forced != j.end() && !forced->is_boolean()) fail(where, "\"forced\" must be true or false");
    node.forced = j.value("forced", true);
    auto children = j.find("children");
    if (children == j.end()) return;
    if (!children->is_array()) fail(where, "\"children\" must be an array");
    for (size_t i = 0; i < children->size(); ++i) {
      const json& c = (*children)[i];
      std::string here = fmt::format("{}.children[{}]", where, i);
      if (!c.is_object() || !c.contains("slot") || !c["slot"].is_number_unsigned())
        fail(here, "missing \"slot\" (a non-negative integer)");
      auto slot = c["slot"].get<uint64_t>();
      if (slot > UINT32_MAX) fail(here, "\"slot\" too large");
      if (node.child(static_cast<uint32_t>(slot))) fail(here, fmt::format("slot {} appears twice", slot));
      read_node(c, here, node.child_or_create(static_cast<uint32_t>(slot)), depth + 1);
    }
  }
};

void collect_paths(const ChoiceNode& node, bool forced_only, bool decisions_only, NodePath& path,
                   std::vector<NodePath>& out) {
  if (forced_only && !node.forced) return;
  if (!decisions_only || is_decision(node.kind)) out.push_back(path);
  for (const auto& [slot, child] : node.children) {
    path.push_back(slot);
    collect_paths(*child, forced_only, decisions_only, path, out);
    path.pop_back();
  }
}

void collect_distances(const ChoiceNode& node, std::vector<uint64_t>& out) {
  if (!node.forced) return;
  if (is_decision(node.kind)) out.push_back(node.distance());
  for (const auto& [slot, child] : node.children) collect_distances(*child, out);
}

std::unique_ptr<ChoiceNode> copy_forced(const ChoiceNode& node) {
  auto out = std::make_unique<ChoiceNode>();
  out->site = node.site;
  out->kind = node.kind;
  out->lo = node.lo;
  out->hi = node.hi;
  out->value = node.value;
  out->forced = node.forced;
  for (const auto& [slot, child] : node.children)
    if (child->forced) out->children.emplace_back(slot, copy_forced(*child));
  return out;
}

}  // namespace

bool is_decision(ChoiceKind kind) {
  return kind == ChoiceKind::kInteger || kind == ChoiceKind::kIndex || kind == ChoiceKind::kBool;
}

std::string_view kind_name(ChoiceKind kind) { return kKindNames.at(static_cast<size_t>(kind)); }

int64_t simplest_in(int64_t lo, int64_t hi) {
  if (lo <= 0 && 0 <= hi) return 0;
  return lo > 0 ? lo : hi;
}

ChoiceNode* ChoiceNode::child(uint32_t slot) const {
  auto it = std::lower_bound(children.begin(), children.end(), slot, slot_less);
  return it != children.end() && it->first == slot ? it->second.get() : nullptr;
}

namespace {
// Freed nodes, linked through their own storage. Never shrinks: it holds at
// most as many nodes as the largest tree this thread ever had at once.
struct FreeNode {
  FreeNode* next;
};
thread_local FreeNode* free_nodes = nullptr;
}  // namespace

// Under AddressSanitizer the pool would hide a use of a freed node.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kPoolNodes = false;
#else
constexpr bool kPoolNodes = true;
#endif

void* ChoiceNode::operator new(std::size_t size) {
  if (!kPoolNodes || size != sizeof(ChoiceNode) || !free_nodes) return ::operator new(size);
  FreeNode* node = free_nodes;
  free_nodes = node->next;
  return node;
}

void ChoiceNode::operator delete(void* node, std::size_t size) noexcept {
  if (!kPoolNodes || size != sizeof(ChoiceNode)) return ::operator delete(node, size);
  auto* free_node = static_cast<FreeNode*>(node);
  free_node->next = free_nodes;
  free_nodes = free_node;
}

ChoiceNode& ChoiceNode::child_or_create(uint32_t slot) {
  auto it = std::lower_bound(children.begin(), children.end(), slot, slot_less);
  if (it != children.end() && it->first == slot) return *it->second;
  if (children.empty()) {
    children.reserve(4);  // most nodes have a few children: one allocation, not three
    it = children.begin();
  }
  return *children.emplace(it, slot, std::make_unique<ChoiceNode>())->second;
}

void ChoiceNode::erase_child(uint32_t slot) {
  auto it = std::lower_bound(children.begin(), children.end(), slot, slot_less);
  if (it != children.end() && it->first == slot) children.erase(it);
}

uint64_t ChoiceNode::distance() const {
  if (!is_decision(kind)) return 0;
  const int64_t target = simplest_in(lo, hi);
  // Unsigned subtraction: exact even for the full 64-bit range.
  return value >= target ? static_cast<uint64_t>(value) - static_cast<uint64_t>(target)
                         : static_cast<uint64_t>(target) - static_cast<uint64_t>(value);
}

std::unique_ptr<ChoiceNode> ChoiceNode::clone() const {
  auto out = std::make_unique<ChoiceNode>();
  out->site = site;
  out->kind = kind;
  out->lo = lo;
  out->hi = hi;
  out->value = value;
  out->forced = forced;
  out->children.reserve(children.size());
  for (const auto& [slot, c] : children) out->children.emplace_back(slot, c->clone());
  return out;
}

std::string path_to_string(const NodePath& path) {
  if (path.empty()) return "root";
  return fmt::format("root.{}", fmt::join(path, "."));
}

ChoiceTree::ChoiceTree() : root_(std::make_unique<ChoiceNode>()) {}
ChoiceTree::ChoiceTree(const ChoiceTree& other) : root_(other.root_->clone()) {}
ChoiceTree& ChoiceTree::operator=(const ChoiceTree& other) {
  if (this != &other) root_ = other.root_->clone();
  return *this;
}

ChoiceNode* ChoiceTree::find(const NodePath& path) {
  ChoiceNode* node = root_.get();
  for (uint32_t slot : path) {
    node = node->child(slot);
    if (!node) return nullptr;
  }
  return node;
}

const ChoiceNode* ChoiceTree::find(const NodePath& path) const {
  return const_cast<ChoiceTree*>(this)->find(path);
}

ChoiceTree ChoiceTree::forced_only() const {
  ChoiceTree out;
  out.root_ = copy_forced(*root_);
  return out;
}

void ChoiceTree::clear_forced() {
  std::vector<ChoiceNode*> stack{root_.get()};
  while (!stack.empty()) {
    ChoiceNode* n = stack.back();
    stack.pop_back();
    n->forced = false;
    n->decided = false;
    for (auto& [slot, c] : n->children) stack.push_back(c.get());
  }
}

size_t ChoiceTree::decision_count() const { return decision_paths(false).size(); }

std::vector<NodePath> ChoiceTree::decision_paths(bool forced_only) const {
  std::vector<NodePath> out;
  NodePath path;
  collect_paths(*root_, forced_only, true, path, out);
  return out;
}

std::vector<NodePath> ChoiceTree::forced_paths() const {
  std::vector<NodePath> out;
  NodePath path;
  collect_paths(*root_, true, false, path, out);
  return out;
}

std::string ChoiceTree::to_json(int indent) const {
  json doc = {{"format", "testgen-choice-tree"},
              {"version", kFormatVersion},
              {"root", node_to_json(*root_, false, true)}};
  return doc.dump(indent);
}

ChoiceTree ChoiceTree::from_json(std::string_view text, std::string_view origin) {
  try {
    return from_json_unchecked(text, origin);
  } catch (const json::parse_error& e) {
    throw TreeFormatError(fmt::format("{}: not valid JSON at byte {}", origin, e.byte));
  } catch (const json::exception& e) {  // a number too large, a value of the wrong type
    throw TreeFormatError(fmt::format("{}: not a valid choice tree: {}", origin, e.what()));
  }
}

ChoiceTree ChoiceTree::from_json_unchecked(std::string_view text, std::string_view origin) {
  const json doc = json::parse(text);
  Parser parser{origin};
  if (!doc.is_object() || !doc.contains("format") || doc["format"] != "testgen-choice-tree")
    parser.fail("top level", "not a testgen choice tree (\"format\" must be \"testgen-choice-tree\")");
  if (!doc.contains("version") || !doc["version"].is_number_integer() || doc["version"] != kFormatVersion)
    parser.fail("top level", fmt::format("unsupported version (this testgen reads version {})",
                                         kFormatVersion));
  if (!doc.contains("root")) parser.fail("top level", "missing \"root\"");
  ChoiceTree tree;
  parser.read_node(doc["root"], "root", tree.root());
  return tree;
}

std::string ChoiceTree::canonical() const {
  if (!root_->forced && root_->children.empty() && root_->kind == ChoiceKind::kEmpty) return "{}";
  return node_to_json(*root_, true, false).dump();
}

uint64_t ChoiceTree::hash() const { return hash_bytes(canonical()); }

bool simpler_than(const ChoiceTree& a, const ChoiceTree& b) {
  std::vector<uint64_t> da, db;
  collect_distances(a.root(), da);
  collect_distances(b.root(), db);
  if (da.size() != db.size()) return da.size() < db.size();
  return da < db;
}

}  // namespace testgen
