// testgen generators for the STLC workload: naive (any term the grammar
// allows, variables any int) and bespoke (type-directed: a type first, then
// a term of that type, variables only where the context has one of it, as
// ETNA's handwritten generator does).
#pragma once

#include <algorithm>
#include <vector>

#include "gens_testgen.h"
#include "workloads/stlc.h"

namespace pbt::testgen_gens {

inline Gen<stlc::Type> any_type() {
  return g::recursive<stlc::Type>([](Gen<stlc::Type> self) {
    return g::bind(g::iszero(), [self](bool zero) {
      auto boolean = g::unit(stlc::bool_type());
      if (zero) return g::smaller<stlc::Type>({boolean});
      auto fun = g::map(g::tuple(self, self), [](const auto& p) { return stlc::fun_type(std::get<0>(p), std::get<1>(p)); });
      return g::smaller<stlc::Type>({boolean, fun});
    });
  });
}

// Types of at most two arrows deep, as a binder's or an argument's.
inline Gen<stlc::Type> small_type() { return g::resize(2, any_type()); }

inline Gen<stlc::Expr> naive_stlc() {
  return g::recursive<stlc::Expr>([](Gen<stlc::Expr> self) {
    return g::bind(g::iszero(), [self](bool zero) {
      auto variable = g::map(naive_int(), [](int64_t n) { return stlc::var(static_cast<int>(n)); });
      auto literal = g::map(g::flip(), [](bool b) { return stlc::lit(b); });
      if (zero) return g::smaller<stlc::Expr>({variable, literal});
      auto lambda = g::map(g::tuple(small_type(), self), [](const auto& p) { return stlc::abs(std::get<0>(p), std::get<1>(p)); });
      auto apply = g::map(g::tuple(self, self), [](const auto& p) { return stlc::app(std::get<0>(p), std::get<1>(p)); });
      return g::smaller<stlc::Expr>({variable, literal, lambda, apply});
    });
  });
}

// A term of type t in context (innermost binder last), at most `fuel`
// applications deep. Only the option chosen is built, so the recursion
// costs what the term does.
inline Gen<stlc::Expr> typed_expr(std::vector<stlc::Type> context, stlc::Type t, int fuel) {
  std::vector<int64_t> fitting;
  for (size_t i = 0; i < context.size(); ++i)
    if (stlc::same(context[context.size() - 1 - i], t)) fitting.push_back(static_cast<int64_t>(i));
  const int64_t options = 1 + (fitting.empty() ? 0 : 1) + (fuel > 0 ? 1 : 0);
  return g::bind(g::integer(options), [=](int64_t choice) -> Gen<stlc::Expr> {
    if (choice == 0) {  // the introduction form of t
      if (!t) return g::map(g::flip(), [](bool b) { return stlc::lit(b); });
      std::vector<stlc::Type> inner = context;
      inner.push_back(t->from);
      return g::map(typed_expr(inner, t->to, std::max(0, fuel - 1)),
                    [from = t->from](const stlc::Expr& body) { return stlc::abs(from, body); });
    }
    if (choice == 1 && !fitting.empty())
      return g::map(g::elements(fitting), [](int64_t i) { return stlc::var(static_cast<int>(i)); });
    return g::bind(small_type(), [=](const stlc::Type& from) {
      return g::map(g::tuple(typed_expr(context, stlc::fun_type(from, t), fuel - 1), typed_expr(context, from, fuel - 1)),
                    [](const auto& p) { return stlc::app(std::get<0>(p), std::get<1>(p)); });
    });
  });
}

inline Gen<stlc::Expr> bespoke_stlc() {
  return g::bind(small_type(), [](const stlc::Type& t) {
    return g::sized([t](int size) { return typed_expr({}, t, size); });
  });
}

}  // namespace pbt::testgen_gens
