// testgen generators for the RBT workload: naive (any colours, any shape,
// any keys) and bespoke (keys inserted one by one with the workload's own
// insert, as ETNA's handwritten generator does).
#pragma once

#include "gens_testgen.h"
#include "workloads/rbt.h"

namespace pbt::testgen_gens {

inline Gen<int64_t> rbt_key() { return g::choose(0, 31); }

inline Gen<rbt::Tree> naive_rbt() {
  return g::recursive<rbt::Tree>([](Gen<rbt::Tree> self) {
    return g::bind(g::iszero(), [self](bool zero) {
      auto leaf = g::unit(rbt::leaf());
      if (zero) return g::smaller<rbt::Tree>({leaf});
      auto branch = g::map(g::tuple(g::flip(), self, naive_int(), naive_int(), self), [](const auto& p) {
        return rbt::node(std::get<0>(p) ? rbt::Color::kRed : rbt::Color::kBlack, std::get<1>(p),
                         static_cast<int>(std::get<2>(p)), static_cast<int>(std::get<3>(p)), std::get<4>(p));
      });
      return g::smaller<rbt::Tree>({leaf, branch});
    });
  });
}

// Longer lists than BST's: some of the deletion's cases (a join of two red
// subtrees whose inner children join to a red node) need a tree three
// black levels deep.
inline Gen<rbt::Tree> bespoke_rbt() {
  return g::map(g::list(g::choose(0, 40), g::tuple(rbt_key(), small_key())), [](const auto& kvs) {
    rbt::Tree t = rbt::leaf();
    for (const auto& [k, v] : kvs) t = rbt::insert(static_cast<int>(k), static_cast<int>(v), t);
    return t;
  });
}

}  // namespace pbt::testgen_gens
