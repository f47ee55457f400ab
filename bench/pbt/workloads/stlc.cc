#include "stlc.h"

#include <algorithm>
#include <stdexcept>

#include "mutant_choice.h"

namespace pbt::stlc {
namespace {

enum class Mutant {
  kNone,
  kShiftVarNone,
  kShiftVarAll,
  kShiftVarLeq,
  kShiftAbsNoIncr,
  kSubstVarAll,
  kSubstVarNone,
  kSubstAbsNoShift,
  kSubstAbsNoIncr,
  kSubstTopNoShift,
  kSubstTopNoShiftBack,
};
Mutant g_mutant = Mutant::kNone;

bool is(Mutant m) { return g_mutant == m; }

// Adds d to every variable of e at or above the cutoff c (the free ones).
Expr shift(int d, int c, const Expr& e) {
  switch (e->kind) {
    case ExprNode::kVar: {
      const int n = e->index;
      if (is(Mutant::kShiftVarNone)) return e;
      if (is(Mutant::kShiftVarAll)) return var(n + d);
      if (is(Mutant::kShiftVarLeq)) return var(n <= c ? n : n + d);
      return var(n < c ? n : n + d);
    }
    case ExprNode::kBool:
      return e;
    case ExprNode::kAbs:
      return abs(e->type, shift(d, is(Mutant::kShiftAbsNoIncr) ? c : c + 1, e->body));
    case ExprNode::kApp:
      return app(shift(d, c, e->body), shift(d, c, e->arg));
  }
  throw std::logic_error("stlc: bad expression");
}

// Replaces variable j of e by s.
Expr subst(int j, const Expr& s, const Expr& e) {
  switch (e->kind) {
    case ExprNode::kVar:
      if (is(Mutant::kSubstVarAll)) return s;
      if (is(Mutant::kSubstVarNone)) return e;
      return e->index == j ? s : e;
    case ExprNode::kBool:
      return e;
    case ExprNode::kAbs:
      if (is(Mutant::kSubstAbsNoShift)) return abs(e->type, subst(j + 1, s, e->body));
      if (is(Mutant::kSubstAbsNoIncr)) return abs(e->type, subst(j, shift(1, 0, s), e->body));
      return abs(e->type, subst(j + 1, shift(1, 0, s), e->body));
    case ExprNode::kApp:
      return app(subst(j, s, e->body), subst(j, s, e->arg));
  }
  throw std::logic_error("stlc: bad expression");
}

// The body of an abstraction with its variable replaced by s: (\. e) s.
Expr subst_top(const Expr& s, const Expr& e) {
  if (is(Mutant::kSubstTopNoShift)) return subst(0, s, e);
  if (is(Mutant::kSubstTopNoShiftBack)) return subst(0, shift(1, 0, s), e);
  return shift(-1, 0, subst(0, shift(1, 0, s), e));
}

// Preservation after at most this many steps; terms that grow past the size
// limit stop early (their type must still be preserved).
constexpr int kMaxSteps = 40;
constexpr int kMaxSize = 2000;

}  // namespace

const std::vector<std::string>& mutants() {
  static const std::vector<std::string> names = {
      "shift_var_none",    "shift_var_all",     "shift_var_leq",    "shift_abs_no_incr", "subst_var_all",
      "subst_var_none",    "subst_abs_no_shift", "subst_abs_no_incr", "substTop_no_shift",
      "substTop_no_shift_back"};
  return names;
}

void select_mutant(const std::string& name) { g_mutant = static_cast<Mutant>(mutant_index(mutants(), name, "stlc")); }

Type bool_type() { return nullptr; }
Type fun_type(Type from, Type to) { return std::make_shared<const TypeNode>(TypeNode{std::move(from), std::move(to)}); }
bool same(const Type& a, const Type& b) {
  if (!a || !b) return !a && !b;
  return same(a->from, b->from) && same(a->to, b->to);
}

Expr var(int index) { return std::make_shared<const ExprNode>(ExprNode{ExprNode::kVar, index, false, nullptr, nullptr, nullptr}); }
Expr lit(bool value) {
  return std::make_shared<const ExprNode>(ExprNode{ExprNode::kBool, 0, value, nullptr, nullptr, nullptr});
}
Expr abs(Type type, Expr body) {
  return std::make_shared<const ExprNode>(ExprNode{ExprNode::kAbs, 0, false, std::move(type), std::move(body), nullptr});
}
Expr app(Expr function, Expr argument) {
  return std::make_shared<const ExprNode>(
      ExprNode{ExprNode::kApp, 0, false, nullptr, std::move(function), std::move(argument)});
}

std::optional<Type> type_of(const Expr& e, const std::vector<Type>& context) {
  switch (e->kind) {
    case ExprNode::kVar:
      if (e->index < 0 || e->index >= static_cast<int>(context.size())) return std::nullopt;
      return context[context.size() - 1 - e->index];
    case ExprNode::kBool:
      return bool_type();
    case ExprNode::kAbs: {
      std::vector<Type> inner = context;
      inner.push_back(e->type);
      const auto body = type_of(e->body, inner);
      if (!body) return std::nullopt;
      return fun_type(e->type, *body);
    }
    case ExprNode::kApp: {
      const auto f = type_of(e->body, context);
      const auto x = type_of(e->arg, context);
      if (!f || !x || !*f || !same((*f)->from, *x)) return std::nullopt;
      return (*f)->to;
    }
  }
  return std::nullopt;
}

std::optional<Expr> step(const Expr& e) {
  switch (e->kind) {
    case ExprNode::kVar:
    case ExprNode::kBool:
      return std::nullopt;
    case ExprNode::kAbs:
      if (auto body = step(e->body)) return abs(e->type, *body);
      return std::nullopt;
    case ExprNode::kApp:
      if (e->body->kind == ExprNode::kAbs) return subst_top(e->arg, e->body->body);
      if (auto f = step(e->body)) return app(*f, e->arg);
      if (auto x = step(e->arg)) return app(e->body, *x);
      return std::nullopt;
  }
  return std::nullopt;
}

namespace {
std::string show_type(const Type& t) { return t ? "(" + show_type(t->from) + " -> " + show_type(t->to) + ")" : "Bool"; }
}  // namespace

std::string show(const Expr& e) {
  switch (e->kind) {
    case ExprNode::kVar: return "#" + std::to_string(e->index);
    case ExprNode::kBool: return e->value ? "true" : "false";
    case ExprNode::kAbs: return "(\\" + show_type(e->type) + ". " + show(e->body) + ")";
    case ExprNode::kApp: return "(" + show(e->body) + " " + show(e->arg) + ")";
  }
  return "?";
}

int size(const Expr& e) {
  if (!e) return 0;
  return 1 + size(e->body) + size(e->arg);
}

const std::vector<std::string>& properties() {
  static const std::vector<std::string> names = {"SinglePreserve", "MultiPreserve"};
  return names;
}

void require_property(const std::string& p) {
  const auto& names = properties();
  if (std::find(names.begin(), names.end(), p) == names.end()) throw std::invalid_argument("stlc: no property named " + p);
}

Verdict check(const std::string& p, const Expr& e) {
  const auto type = type_of(e);
  if (!type) return std::nullopt;
  if (p == "SinglePreserve") {
    const auto next = step(e);
    if (!next) return true;
    const auto after = type_of(*next);
    return after && same(*after, *type);
  }
  if (p == "MultiPreserve") {
    Expr now = e;
    for (int i = 0; i < kMaxSteps && size(now) <= kMaxSize; ++i) {
      auto next = step(now);
      if (!next) break;
      now = *next;
    }
    const auto after = type_of(now);
    return after && same(*after, *type);
  }
  throw std::invalid_argument("stlc: no property named " + p);
}

}  // namespace pbt::stlc
