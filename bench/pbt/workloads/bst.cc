#include "bst.h"

#include "mutant_choice.h"
#include "search_tree.h"

#include <algorithm>
#include <map>
#include <stdexcept>

namespace pbt::bst {
namespace {

enum class Mutant { kNone, kInsert1, kInsert2, kInsert3, kDelete4, kDelete5, kUnion6, kUnion7, kUnion8 };
Mutant g_mutant = Mutant::kNone;

bool is(Mutant m) { return g_mutant == m; }

// Keys of t below `key`, and above it, as two trees (the correct split).
std::pair<Tree, Tree> split(int key, const Tree& t) {
  if (!t) return {nullptr, nullptr};
  if (key < t->key) {
    auto [lo, hi] = split(key, t->left);
    return {lo, node(hi, t->key, t->value, t->right)};
  }
  if (key > t->key) {
    auto [lo, hi] = split(key, t->right);
    return {node(t->left, t->key, t->value, lo), hi};
  }
  return {t->left, t->right};
}

// The smallest binding of a non-empty tree, and the tree without it.
Tree join(const Tree& a, const Tree& b) {
  if (!a) return b;
  if (!b) return a;
  return node(a->left, a->key, a->value, join(a->right, b));
}

bool all_keys(const Tree& t, int lo_excl, bool has_lo, int hi_excl, bool has_hi) {
  if (!t) return true;
  if ((has_lo && t->key <= lo_excl) || (has_hi && t->key >= hi_excl)) return false;
  return all_keys(t->left, lo_excl, has_lo, t->key, true) && all_keys(t->right, t->key, true, hi_excl, has_hi);
}

using search_tree::Model;
using search_tree::model_delete;
using search_tree::model_insert;

Model model_union(const Model& a, const Model& b) {
  Model out = b;
  for (auto it = a.rbegin(); it != a.rend(); ++it) out = model_insert(it->first, it->second, out);
  return out;
}

bool equivalent(const Tree& a, const Tree& b) { return to_list(a) == to_list(b); }

}  // namespace

const std::vector<std::string>& mutants() {
  static const std::vector<std::string> names = {"insert_1", "insert_2", "insert_3", "delete_4",
                                                 "delete_5", "union_6",  "union_7",  "union_8"};
  return names;
}

void select_mutant(const std::string& name) { g_mutant = static_cast<Mutant>(mutant_index(mutants(), name, "bst")); }

Tree leaf() { return nullptr; }
Tree node(Tree left, int key, int value, Tree right) {
  return std::make_shared<const Node>(Node{std::move(left), key, value, std::move(right)});
}

Tree insert(int key, int value, const Tree& t) {
  // insert_1: the tree is thrown away.
  if (is(Mutant::kInsert1)) return node(nullptr, key, value, nullptr);
  if (!t) return node(nullptr, key, value, nullptr);
  // insert_2: an existing key is inserted again instead of replaced.
  if (is(Mutant::kInsert2) && key == t->key) return node(insert(key, value, t->left), t->key, t->value, t->right);
  if (key < t->key) return node(insert(key, value, t->left), t->key, t->value, t->right);
  if (key > t->key) return node(t->left, t->key, t->value, insert(key, value, t->right));
  // insert_3: the value of an existing key is not updated.
  if (is(Mutant::kInsert3)) return t;
  return node(t->left, key, value, t->right);
}

Tree remove(int key, const Tree& t) {
  if (!t) return nullptr;
  // delete_5: the comparisons are the wrong way round.
  const bool go_left = is(Mutant::kDelete5) ? key > t->key : key < t->key;
  const bool go_right = is(Mutant::kDelete5) ? key < t->key : key > t->key;
  // delete_4: the tree above the deleted node is not rebuilt.
  if (go_left) return is(Mutant::kDelete4) ? remove(key, t->left) : node(remove(key, t->left), t->key, t->value, t->right);
  if (go_right) return node(t->left, t->key, t->value, remove(key, t->right));
  return join(t->left, t->right);
}

Tree unite(const Tree& a, const Tree& b) {
  if (!a) return b;
  if (!b) return a;
  // union_6: every key of a is taken to be below every key of b.
  if (is(Mutant::kUnion6)) return node(a->left, a->key, a->value, unite(a->right, b));
  // union_7: a's root is compared with b's root only, and the trees are
  // taken to be ordered when the roots are.
  if (is(Mutant::kUnion7) && a->key < b->key) return node(a->left, a->key, a->value, unite(a->right, b));
  auto [below, above] = split(a->key, b);
  // union_8: b's binding wins when a key is in both.
  if (is(Mutant::kUnion8)) {
    if (auto v = find(a->key, b)) return node(unite(a->left, below), a->key, *v, unite(a->right, above));
  }
  return node(unite(a->left, below), a->key, a->value, unite(a->right, above));
}

std::optional<int> find(int key, const Tree& t) { return search_tree::find(key, t.get()); }

std::vector<std::pair<int, int>> to_list(const Tree& t) { return search_tree::to_list(t.get()); }

bool is_bst(const Tree& t) { return all_keys(t, 0, false, 0, false); }

std::string show(const Tree& t) {
  if (!t) return "E";
  return "(T " + show(t->left) + " " + std::to_string(t->key) + " " + std::to_string(t->value) + " " +
         show(t->right) + ")";
}

const std::vector<std::string>& properties() {
  static const std::vector<std::string> names = {
      "InsertValid",     "DeleteValid",       "UnionValid",     "InsertPost",      "DeletePost",
      "UnionPost",       "InsertModel",       "DeleteModel",    "UnionModel",      "InsertInsert",
      "InsertDelete",    "InsertUnion",       "DeleteInsert",   "DeleteDelete",    "DeleteUnion",
      "UnionDeleteInsert", "UnionUnionIdem", "UnionUnionAssoc"};
  return names;
}

Needs needs(const std::string& p) {
  static const std::map<std::string, Needs> table = {
      {"InsertValid", {1, 1, 1}},  {"DeleteValid", {1, 1, 0}},  {"UnionValid", {2, 0, 0}},
      {"InsertPost", {1, 2, 1}},   {"DeletePost", {1, 2, 0}},   {"UnionPost", {2, 1, 0}},
      {"InsertModel", {1, 1, 1}},  {"DeleteModel", {1, 1, 0}},  {"UnionModel", {2, 0, 0}},
      {"InsertInsert", {1, 2, 2}}, {"InsertDelete", {1, 2, 1}}, {"InsertUnion", {2, 1, 1}},
      {"DeleteInsert", {1, 2, 2}}, {"DeleteDelete", {1, 2, 0}}, {"DeleteUnion", {2, 1, 0}},
      {"UnionDeleteInsert", {2, 1, 1}}, {"UnionUnionIdem", {1, 0, 0}}, {"UnionUnionAssoc", {3, 0, 0}}};
  const auto it = table.find(p);
  if (it == table.end()) throw std::invalid_argument("bst: no property named " + p);
  return it->second;
}

Verdict check(const std::string& p, const Args& a) {
  const Tree& t = a.t1;
  const Tree& u = a.t2;
  const int k = a.k1, k2 = a.k2, v = a.v1, v2 = a.v2;
  const bool one = is_bst(t);
  if (!one) return std::nullopt;
  const bool two = is_bst(u);
  if (p == "InsertValid") return is_bst(insert(k, v, t));
  if (p == "DeleteValid") return is_bst(remove(k, t));
  if (p == "UnionValid") return two ? std::optional(is_bst(unite(t, u))) : std::nullopt;
  if (p == "InsertPost") return find(k2, insert(k, v, t)) == (k == k2 ? std::optional(v) : find(k2, t));
  if (p == "DeletePost") return find(k2, remove(k, t)) == (k == k2 ? std::nullopt : find(k2, t));
  if (p == "UnionPost") {
    if (!two) return std::nullopt;
    const auto found = find(k, unite(t, u));
    const auto expected = find(k, t) ? find(k, t) : find(k, u);
    return found == expected;
  }
  if (p == "InsertModel") return to_list(insert(k, v, t)) == model_insert(k, v, to_list(t));
  if (p == "DeleteModel") return to_list(remove(k, t)) == model_delete(k, to_list(t));
  if (p == "UnionModel") return two ? std::optional(to_list(unite(t, u)) == model_union(to_list(t), to_list(u))) : std::nullopt;
  if (p == "InsertInsert")
    return equivalent(insert(k, v, insert(k2, v2, t)), k == k2 ? insert(k, v, t) : insert(k2, v2, insert(k, v, t)));
  if (p == "InsertDelete")
    return equivalent(insert(k, v, remove(k2, t)), k == k2 ? insert(k, v, t) : remove(k2, insert(k, v, t)));
  if (p == "InsertUnion") return two ? std::optional(equivalent(insert(k, v, unite(t, u)), unite(insert(k, v, t), u))) : std::nullopt;
  if (p == "DeleteInsert")
    return equivalent(remove(k, insert(k2, v2, t)), k == k2 ? remove(k, t) : insert(k2, v2, remove(k, t)));
  if (p == "DeleteDelete") return equivalent(remove(k, remove(k2, t)), remove(k2, remove(k, t)));
  if (p == "DeleteUnion") return two ? std::optional(equivalent(remove(k, unite(t, u)), unite(remove(k, t), remove(k, u)))) : std::nullopt;
  if (p == "UnionDeleteInsert")
    return two ? std::optional(equivalent(unite(remove(k, t), insert(k, v, u)), insert(k, v, unite(t, u)))) : std::nullopt;
  if (p == "UnionUnionIdem") return equivalent(unite(t, t), t);
  if (p == "UnionUnionAssoc") {
    if (!two || !is_bst(a.t3)) return std::nullopt;
    return equivalent(unite(unite(t, u), a.t3), unite(t, unite(u, a.t3)));
  }
  throw std::invalid_argument("bst: no property named " + p);
}

}  // namespace pbt::bst
