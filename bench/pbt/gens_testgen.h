// testgen generators for the workloads: naive (derived from the types alone,
// as a user would write them without thinking about validity) and bespoke
// (valid by construction, as ETNA's handwritten generators are).
#pragma once

#include <cstdint>

#include "testgen/gen.h"
#include "workloads/bst.h"

namespace pbt::testgen_gens {

namespace g = testgen::gen;
using testgen::Gen;

inline Gen<int64_t> naive_int() { return g::choose(INT32_MIN, INT32_MAX); }

// Any shape, any keys: a tree is a leaf or a node of two trees, a key and a value.
inline Gen<bst::Tree> naive_bst() {
  return g::recursive<bst::Tree>([](Gen<bst::Tree> self) {
    return g::bind(g::iszero(), [self](bool zero) {
      auto leaf = g::unit(bst::leaf());
      if (zero) return g::smaller<bst::Tree>({leaf});
      auto branch = g::map(g::tuple(self, naive_int(), naive_int(), self), [](const auto& p) {
        return bst::node(std::get<0>(p), static_cast<int>(std::get<1>(p)), static_cast<int>(std::get<2>(p)),
                         std::get<3>(p));
      });
      return g::smaller<bst::Tree>({leaf, branch});
    });
  });
}

// ETNA's bespoke BST: insert a list of small keys into the empty tree.
inline Gen<int64_t> small_key() { return g::choose(0, 15); }
inline Gen<bst::Tree> bespoke_bst() {
  return g::map(g::list(g::choose(0, 12), g::tuple(small_key(), small_key())), [](const auto& kvs) {
    bst::Tree t = bst::leaf();
    for (const auto& [k, v] : kvs) t = bst::insert(static_cast<int>(k), static_cast<int>(v), t);
    return t;
  });
}

}  // namespace pbt::testgen_gens
