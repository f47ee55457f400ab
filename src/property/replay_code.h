#pragma once
// A forced choice tree as one short word for TESTGEN_REPLAY, safe to paste
// into a shell command unquoted:
//
//     node  := kind [value] ['[' child (',' child)* ']']
//     child := [slot '='] node        (the slot is left out when it is one
//                                      more than the previous one; 0 first)
//     kind  := g group | l list | i integer | x index | b bool | e empty
//
// `g[i5,l[i2,i3,i-1]]` is a pair: 5, and a list of two elements 3 and -1.
// Sites and ranges are left out: replay only needs each decision's kind and
// value (source.h's replay rule checks the range when it replays).

#include <string>
#include <string_view>

#include "testgen/choice_tree.h"

namespace testgen::property {

std::string replay_code(const ChoiceTree& tree);
/// Throws UsageError naming the position when `code` is not one.
ChoiceTree tree_from_replay_code(std::string_view code);

}  // namespace testgen::property
