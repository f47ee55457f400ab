// RapidCheck generators for the workloads, the same shapes as testgen's
// (gens_testgen*.h): naive ones from the types alone, bespoke ones valid by
// construction. Recursion is bounded by depth, RapidCheck's usual way.
#pragma once

#include <rapidcheck.h>

#include <algorithm>
#include <vector>

#include "workloads/bst.h"
#include "workloads/rbt.h"
#include "workloads/stlc.h"

namespace pbt::rc_gens {

inline rc::Gen<int> small_key() { return rc::gen::inRange(0, 16); }

// Depth 6 trees at most, as testgen's naive generators have at their default size.
inline int depth_for(int size) { return 1 + size / 17; }

inline rc::Gen<bst::Tree> naive_bst(int depth) {
  if (depth <= 0) return rc::gen::just(bst::leaf());
  return rc::gen::oneOf(rc::gen::just(bst::leaf()),
                        rc::gen::apply([](bst::Tree l, int k, int v, bst::Tree r) { return bst::node(l, k, v, r); },
                                       rc::gen::lazy([depth] { return naive_bst(depth - 1); }), rc::gen::arbitrary<int>(),
                                       rc::gen::arbitrary<int>(), rc::gen::lazy([depth] { return naive_bst(depth - 1); })));
}

// Up to `most` bindings of the given keys and small values (the length is
// drawn first, uniformly, as testgen's g::list does).
inline rc::Gen<std::vector<std::pair<int, int>>> bindings(int most, rc::Gen<int> key) {
  return rc::gen::mapcat(rc::gen::inRange(0, most + 1), [key](int n) {
    return rc::gen::container<std::vector<std::pair<int, int>>>(static_cast<size_t>(n), rc::gen::pair(key, small_key()));
  });
}

// As testgen's: up to 12 keys of 0..15 inserted into the empty tree.
inline rc::Gen<bst::Tree> bespoke_bst() {
  return rc::gen::map(bindings(12, small_key()),
                      [](const std::vector<std::pair<int, int>>& kvs) {
                        bst::Tree t = bst::leaf();
                        for (const auto& [k, v] : kvs) t = bst::insert(k, v, t);
                        return t;
                      });
}

inline rc::Gen<rbt::Tree> naive_rbt(int depth) {
  if (depth <= 0) return rc::gen::just(rbt::leaf());
  return rc::gen::oneOf(
      rc::gen::just(rbt::leaf()),
      rc::gen::apply([](bool red, rbt::Tree l, int k, int v,
                        rbt::Tree r) { return rbt::node(red ? rbt::Color::kRed : rbt::Color::kBlack, l, k, v, r); },
                     rc::gen::arbitrary<bool>(), rc::gen::lazy([depth] { return naive_rbt(depth - 1); }),
                     rc::gen::arbitrary<int>(), rc::gen::arbitrary<int>(),
                     rc::gen::lazy([depth] { return naive_rbt(depth - 1); })));
}

inline rc::Gen<int> rbt_key() { return rc::gen::inRange(0, 32); }

// As testgen's: up to 40 keys of 0..31 (RBT's deeper deletion cases need them).
inline rc::Gen<rbt::Tree> bespoke_rbt() {
  return rc::gen::map(bindings(40, rbt_key()),
                      [](const std::vector<std::pair<int, int>>& kvs) {
                        rbt::Tree t = rbt::leaf();
                        for (const auto& [k, v] : kvs) t = rbt::insert(k, v, t);
                        return t;
                      });
}

inline rc::Gen<stlc::Type> any_type(int depth) {
  if (depth <= 0) return rc::gen::just(stlc::bool_type());
  return rc::gen::oneOf(rc::gen::just(stlc::bool_type()),
                        rc::gen::apply(stlc::fun_type, rc::gen::lazy([depth] { return any_type(depth - 1); }),
                                       rc::gen::lazy([depth] { return any_type(depth - 1); })));
}

inline rc::Gen<stlc::Expr> naive_stlc(int depth) {
  auto variable = rc::gen::map(rc::gen::arbitrary<int>(), [](int n) { return stlc::var(n); });
  auto literal = rc::gen::map(rc::gen::arbitrary<bool>(), [](bool b) { return stlc::lit(b); });
  if (depth <= 0) return rc::gen::oneOf(variable, literal);
  return rc::gen::oneOf(variable, literal,
                        rc::gen::apply(stlc::abs, any_type(2), rc::gen::lazy([depth] { return naive_stlc(depth - 1); })),
                        rc::gen::apply(stlc::app, rc::gen::lazy([depth] { return naive_stlc(depth - 1); }),
                                       rc::gen::lazy([depth] { return naive_stlc(depth - 1); })));
}

// A term of type t in context (innermost binder last), at most `fuel`
// applications deep: the same choices as testgen's typed_expr.
inline rc::Gen<stlc::Expr> typed_expr(std::vector<stlc::Type> context, stlc::Type t, int fuel) {
  std::vector<int> fitting;
  for (size_t i = 0; i < context.size(); ++i)
    if (stlc::same(context[context.size() - 1 - i], t)) fitting.push_back(static_cast<int>(i));
  std::vector<rc::Gen<stlc::Expr>> options;
  if (!t) {
    options.push_back(rc::gen::map(rc::gen::arbitrary<bool>(), [](bool b) { return stlc::lit(b); }));
  } else {
    options.push_back(rc::gen::lazy([=] {
      std::vector<stlc::Type> inner = context;
      inner.push_back(t->from);
      return rc::gen::map(typed_expr(inner, t->to, std::max(0, fuel - 1)),
                          [from = t->from](const stlc::Expr& body) { return stlc::abs(from, body); });
    }));
  }
  if (!fitting.empty()) options.push_back(rc::gen::map(rc::gen::elementOf(fitting), [](int i) { return stlc::var(i); }));
  if (fuel > 0) {
    options.push_back(rc::gen::lazy([=] {
      return rc::gen::mapcat(any_type(2), [=](const stlc::Type& from) {
        return rc::gen::apply(stlc::app, typed_expr(context, stlc::fun_type(from, t), fuel - 1),
                              typed_expr(context, from, fuel - 1));
      });
    }));
  }
  return rc::gen::join(rc::gen::elementOf(options));
}

inline rc::Gen<stlc::Expr> bespoke_stlc() {
  return rc::gen::mapcat(any_type(2), [](const stlc::Type& t) {
    return rc::gen::withSize([t](int size) { return typed_expr({}, t, depth_for(size)); });
  });
}

}  // namespace pbt::rc_gens
