#include "rbt.h"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "mutant_choice.h"
#include "search_tree.h"

namespace pbt::rbt {
namespace {

enum class Mutant {
  kNone,
  kInsert1,
  kInsert2,
  kInsert3,
  kDelete4,
  kDelete5,
  kMiscolorInsert,
  kMiscolorDelete,
  kMiscolorBalLeft,
  kMiscolorBalRight,
  kMiscolorJoin1,
  kMiscolorJoin2,
  kNoBalanceInsert1,
  kNoBalanceInsert2,
  kSwapCd,
  kSwapBc,
};
Mutant g_mutant = Mutant::kNone;

bool is(Mutant m) { return g_mutant == m; }

constexpr Color R = Color::kRed;
constexpr Color B = Color::kBlack;

bool red(const Tree& t) { return t && t->color == R; }
bool black(const Tree& t) { return t && t->color == B; }
Tree recolor(const Tree& t, Color c) { return node(c, t->left, t->key, t->value, t->right); }

// Okasaki: a black node with a red child that has a red child becomes a red
// node with two black children (four cases, one per red-red position).
Tree balance(Color c, const Tree& l, int k, int v, const Tree& r) {
  if (c == B) {
    if (red(l) && red(l->left)) {
      const Tree& ll = l->left;
      return node(R, node(B, ll->left, ll->key, ll->value, ll->right), l->key, l->value,
                  node(B, l->right, k, v, r));
    }
    if (red(l) && red(l->right)) {
      const Tree& lr = l->right;
      // swap_bc: the middle subtrees trade places.
      if (is(Mutant::kSwapBc))
        return node(R, node(B, l->left, l->key, l->value, lr->right), lr->key, lr->value,
                    node(B, lr->left, k, v, r));
      return node(R, node(B, l->left, l->key, l->value, lr->left), lr->key, lr->value,
                  node(B, lr->right, k, v, r));
    }
    if (red(r) && red(r->left)) {
      const Tree& rl = r->left;
      return node(R, node(B, l, k, v, rl->left), rl->key, rl->value, node(B, rl->right, r->key, r->value, r->right));
    }
    if (red(r) && red(r->right)) {
      const Tree& rr = r->right;
      // swap_cd: the two rightmost subtrees trade places.
      if (is(Mutant::kSwapCd))
        return node(R, node(B, l, k, v, r->left), r->key, r->value, node(B, rr->right, rr->key, rr->value, rr->left));
      return node(R, node(B, l, k, v, r->left), r->key, r->value, node(B, rr->left, rr->key, rr->value, rr->right));
    }
  }
  return node(c, l, k, v, r);
}

// Kahrs' balance for deletion: as Okasaki's for a black node, and two red
// children become black under a red node.
Tree balance_black(const Tree& l, int k, int v, const Tree& r) {
  if (red(l) && red(r)) return node(R, recolor(l, B), k, v, recolor(r, B));
  return balance(B, l, k, v, r);
}

Tree ins(int k, int v, const Tree& t) {
  // miscolor_insert: the new node is black, so its path has one black too many.
  if (!t) return node(is(Mutant::kMiscolorInsert) ? B : R, nullptr, k, v, nullptr);
  // insert_2: an existing key is inserted again instead of replaced.
  if (k < t->key || (is(Mutant::kInsert2) && k == t->key)) {
    // no_balance_insert_1: the left path is not rebalanced.
    if (is(Mutant::kNoBalanceInsert1)) return node(t->color, ins(k, v, t->left), t->key, t->value, t->right);
    return balance(t->color, ins(k, v, t->left), t->key, t->value, t->right);
  }
  if (k > t->key) {
    // no_balance_insert_2: the right path is not rebalanced.
    if (is(Mutant::kNoBalanceInsert2)) return node(t->color, t->left, t->key, t->value, ins(k, v, t->right));
    return balance(t->color, t->left, t->key, t->value, ins(k, v, t->right));
  }
  // insert_3: the value of an existing key is not updated.
  if (is(Mutant::kInsert3)) return t;
  return node(t->color, t->left, k, v, t->right);
}

Tree blacken(const Tree& t) { return red(t) ? recolor(t, B) : t; }

// A black node made red: its subtree loses one black. Only ever applied to
// black nodes of a valid tree; a mutant's tree is left as it is.
Tree redden(const Tree& t) { return black(t) ? recolor(t, R) : t; }

// The left subtree l lost one black height; restore it.
Tree bal_left(const Tree& l, int k, int v, const Tree& r) {
  // miscolor_balLeft: the red left child stays red instead of turning black.
  if (red(l)) return node(R, is(Mutant::kMiscolorBalLeft) ? l : recolor(l, B), k, v, r);
  if (black(r)) return balance_black(l, k, v, recolor(r, R));
  if (red(r) && black(r->left)) {
    const Tree& rl = r->left;
    return node(R, node(B, l, k, v, rl->left), rl->key, rl->value,
                balance_black(rl->right, r->key, r->value, redden(r->right)));
  }
  return node(B, l, k, v, r);  // unreachable from a valid tree
}

// The mirror image: the right subtree r lost one black height.
Tree bal_right(const Tree& l, int k, int v, const Tree& r) {
  // miscolor_balRight: the red right child stays red.
  if (red(r)) return node(R, l, k, v, is(Mutant::kMiscolorBalRight) ? r : recolor(r, B));
  if (black(l)) return balance_black(recolor(l, R), k, v, r);
  if (red(l) && black(l->right)) {
    const Tree& lr = l->right;
    return node(R, balance_black(redden(l->left), l->key, l->value, lr->left), lr->key, lr->value,
                node(B, lr->right, k, v, r));
  }
  return node(B, l, k, v, r);  // unreachable from a valid tree
}

// The two subtrees of a deleted node, every key of a below every key of b,
// joined into one tree.
Tree join(const Tree& a, const Tree& b) {
  if (!a) return b;
  if (!b) return a;
  if (red(a) && red(b)) {
    const Tree bc = join(a->right, b->left);
    if (red(bc)) {
      // miscolor_join_1: the new children are black, a black too many.
      const Color c = is(Mutant::kMiscolorJoin1) ? B : R;
      return node(R, node(c, a->left, a->key, a->value, bc->left), bc->key, bc->value,
                  node(c, bc->right, b->key, b->value, b->right));
    }
    return node(R, a->left, a->key, a->value, node(R, bc, b->key, b->value, b->right));
  }
  if (black(a) && black(b)) {
    const Tree bc = join(a->right, b->left);
    if (red(bc)) {
      // miscolor_join_2: the new children are red under a red node.
      const Color c = is(Mutant::kMiscolorJoin2) ? R : B;
      return node(R, node(c, a->left, a->key, a->value, bc->left), bc->key, bc->value,
                  node(c, bc->right, b->key, b->value, b->right));
    }
    return bal_left(a->left, a->key, a->value, node(B, bc, b->key, b->value, b->right));
  }
  if (red(b)) return node(R, join(a, b->left), b->key, b->value, b->right);
  return node(R, a->left, a->key, a->value, join(a->right, b));
}

Tree del(int k, const Tree& t) {
  if (!t) return nullptr;
  // delete_5: the comparisons are the wrong way round.
  const bool go_left = is(Mutant::kDelete5) ? k > t->key : k < t->key;
  const bool go_right = is(Mutant::kDelete5) ? k < t->key : k > t->key;
  if (go_left) {
    // delete_4: the tree above the deleted node is not rebuilt.
    if (is(Mutant::kDelete4)) return del(k, t->left);
    if (black(t->left)) return bal_left(del(k, t->left), t->key, t->value, t->right);
    // miscolor_delete: the rebuilt node is black, a black too many on this side.
    return node(is(Mutant::kMiscolorDelete) ? B : R, del(k, t->left), t->key, t->value, t->right);
  }
  if (go_right) {
    if (black(t->right)) return bal_right(t->left, t->key, t->value, del(k, t->right));
    return node(R, t->left, t->key, t->value, del(k, t->right));
  }
  return join(t->left, t->right);
}

bool ordered(const Tree& t, const int* lo, const int* hi) {
  if (!t) return true;
  if ((lo && t->key <= *lo) || (hi && t->key >= *hi)) return false;
  return ordered(t->left, lo, &t->key) && ordered(t->right, &t->key, hi);
}

bool no_red_red(const Tree& t) {
  if (!t) return true;
  if (red(t) && (red(t->left) || red(t->right))) return false;
  return no_red_red(t->left) && no_red_red(t->right);
}

// Black nodes on every path to a leaf, or -1 when paths differ.
int black_height(const Tree& t) {
  if (!t) return 1;
  const int l = black_height(t->left), r = black_height(t->right);
  if (l < 0 || l != r) return -1;
  return l + (black(t) ? 1 : 0);
}

using search_tree::Model;
using search_tree::model_delete;
using search_tree::model_insert;

bool equivalent(const Tree& a, const Tree& b) { return to_list(a) == to_list(b); }

}  // namespace

const std::vector<std::string>& mutants() {
  static const std::vector<std::string> names = {
      "insert_1",        "insert_2",          "insert_3",           "delete_4",
      "delete_5",        "miscolor_insert",   "miscolor_delete",    "miscolor_balLeft",
      "miscolor_balRight", "miscolor_join_1", "miscolor_join_2",    "no_balance_insert_1",
      "no_balance_insert_2", "swap_cd",       "swap_bc"};
  return names;
}

void select_mutant(const std::string& name) { g_mutant = static_cast<Mutant>(mutant_index(mutants(), name, "rbt")); }

Tree leaf() { return nullptr; }
Tree node(Color color, Tree left, int key, int value, Tree right) {
  return std::make_shared<const Node>(Node{color, std::move(left), key, value, std::move(right)});
}

Tree insert(int key, int value, const Tree& t) {
  // insert_1: the tree is thrown away.
  if (is(Mutant::kInsert1)) return node(B, nullptr, key, value, nullptr);
  return blacken(ins(key, value, t));
}

Tree remove(int key, const Tree& t) { return blacken(del(key, t)); }

std::optional<int> find(int key, const Tree& t) { return search_tree::find(key, t.get()); }

std::vector<std::pair<int, int>> to_list(const Tree& t) { return search_tree::to_list(t.get()); }

bool is_rbt(const Tree& t) { return ordered(t, nullptr, nullptr) && no_red_red(t) && black_height(t) >= 0; }

const std::vector<std::string>& properties() {
  static const std::vector<std::string> names = {"InsertValid",  "DeleteValid",  "InsertPost",   "DeletePost",
                                                 "InsertModel",  "DeleteModel",  "InsertInsert", "InsertDelete",
                                                 "DeleteInsert", "DeleteDelete"};
  return names;
}

Needs needs(const std::string& p) {
  static const std::map<std::string, Needs> table = {
      {"InsertValid", {1, 1}},  {"DeleteValid", {1, 0}},  {"InsertPost", {2, 1}},   {"DeletePost", {2, 0}},
      {"InsertModel", {1, 1}},  {"DeleteModel", {1, 0}},  {"InsertInsert", {2, 2}}, {"InsertDelete", {2, 1}},
      {"DeleteInsert", {2, 2}}, {"DeleteDelete", {2, 0}}};
  const auto it = table.find(p);
  if (it == table.end()) throw std::invalid_argument("rbt: no property named " + p);
  return it->second;
}

Verdict check(const std::string& p, const Args& a) {
  const Tree& t = a.t;
  const int k = a.k1, k2 = a.k2, v = a.v1, v2 = a.v2;
  if (!is_rbt(t)) return std::nullopt;
  if (p == "InsertValid") return is_rbt(insert(k, v, t));
  if (p == "DeleteValid") return is_rbt(remove(k, t));
  if (p == "InsertPost") return find(k2, insert(k, v, t)) == (k == k2 ? std::optional(v) : find(k2, t));
  if (p == "DeletePost") return find(k2, remove(k, t)) == (k == k2 ? std::nullopt : find(k2, t));
  if (p == "InsertModel") return to_list(insert(k, v, t)) == model_insert(k, v, to_list(t));
  if (p == "DeleteModel") return to_list(remove(k, t)) == model_delete(k, to_list(t));
  if (p == "InsertInsert")
    return equivalent(insert(k, v, insert(k2, v2, t)), k == k2 ? insert(k, v, t) : insert(k2, v2, insert(k, v, t)));
  if (p == "InsertDelete")
    return equivalent(insert(k, v, remove(k2, t)), k == k2 ? insert(k, v, t) : remove(k2, insert(k, v, t)));
  if (p == "DeleteInsert")
    return equivalent(remove(k, insert(k2, v2, t)), k == k2 ? remove(k, t) : insert(k2, v2, remove(k, t)));
  if (p == "DeleteDelete") return equivalent(remove(k, remove(k2, t)), remove(k2, remove(k, t)));
  throw std::invalid_argument("rbt: no property named " + p);
}

}  // namespace pbt::rbt
