#pragma once
// The x86-64 System V psABI's view of the types of a case: size and
// alignment (LP64), the classes of each eightbyte of an argument (psABI
// 3.2.3), and whether it travels in registers or on the stack once the six
// integer and eight SSE registers are used up. The abi hunt uses these
// classes as coverage features, so that the engine steers toward argument
// shapes it has not seen; they guide the search and judge nothing, so
// rare corners (packed bitfields, _Alignas inside packed structs) are
// approximated. On other architectures they still sort cases into classes
// that tend to travel differently.

#include <cstdint>
#include <string>
#include <vector>

#include "c_type.h"
#include "test_case.h"

namespace testgen::abi {

struct Layout {
  uint64_t size = 0;
  uint64_t align = 1;
};
Layout layout_of(const CType& type);

enum class ArgClass : uint8_t { kNoClass, kInteger, kSse, kSseUp, kX87, kX87Up, kComplexX87, kMemory };

/// One class per eightbyte; {kMemory} for a type passed in memory; empty
/// for a type of size 0 (GNU empty structs), which passes nothing.
std::vector<ArgClass> classify(const CType& type);
/// "INTEGER+SSE", "MEMORY", "X87+X87UP", "NONE" (size 0).
std::string class_mix(const std::vector<ArgClass>& classes);

struct Placement {
  std::string position;  ///< "param3", "vararg0", "result"
  Layout layout;
  std::vector<ArgClass> classes;
  bool on_stack = false;  ///< arguments: memory class, x87, or out of registers; result: returned in memory
};
/// Where each parameter, variadic argument and the result go, in order.
std::vector<Placement> place(const Signature& signature);

}  // namespace testgen::abi
