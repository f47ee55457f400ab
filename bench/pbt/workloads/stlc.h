// ETNA's STLC workload, written from its published description: the simply
// typed lambda calculus with booleans, de Bruijn indices, shifting and
// substitution, ten planted bugs in shift and subst ("mutants"), and type
// preservation under one reduction step and under many.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace pbt::stlc {

struct TypeNode;
/// null: Bool; otherwise a function type.
using Type = std::shared_ptr<const TypeNode>;
struct TypeNode {
  Type from, to;
};

struct ExprNode;
using Expr = std::shared_ptr<const ExprNode>;
struct ExprNode {
  enum Kind { kVar, kBool, kAbs, kApp } kind;
  int index = 0;      // kVar: de Bruijn index
  bool value = false; // kBool
  Type type;          // kAbs: the parameter's type
  Expr body, arg;     // kAbs: body; kApp: function (body) and argument (arg)
};

/// Which planted bug is active: "" for none, else a name of mutants().
void select_mutant(const std::string& name);
const std::vector<std::string>& mutants();

Type bool_type();
Type fun_type(Type from, Type to);
bool same(const Type& a, const Type& b);
Expr var(int index);
Expr lit(bool value);
Expr abs(Type type, Expr body);
Expr app(Expr function, Expr argument);

/// The type of e in the context (innermost binder first), or nullopt when e
/// is ill-typed there.
std::optional<Type> type_of(const Expr& e, const std::vector<Type>& context = {});
/// One leftmost-outermost beta step (under binders too), or nullopt for a
/// normal form.
std::optional<Expr> step(const Expr& e);
std::string show(const Expr& e);
int size(const Expr& e);

/// The properties, by ETNA's names: false when it fails, nullopt when the
/// term is not well-typed in the empty context (the precondition).
using Verdict = std::optional<bool>;
Verdict check(const std::string& property, const Expr& e);
const std::vector<std::string>& properties();
/// Throws std::invalid_argument unless `property` is one of properties().
void require_property(const std::string& property);

}  // namespace pbt::stlc
