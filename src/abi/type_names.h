#pragma once
// Spelling C types: tags for the structs, unions and enums of one test
// case, member names, declarators ("int (*a[3])(char)"), and definitions in
// an order where every type is defined before it is used.

#include <string>
#include <unordered_map>
#include <vector>

#include "c_type.h"

namespace testgen::abi {

class TypeNames {
 public:
  /// Tags will be "<prefix>_s1", "<prefix>_e2", ...
  explicit TypeNames(std::string prefix);

  /// Gives a tag to every struct, union and enum reachable from `type`.
  void add(const TypePtr& type);
  /// Types with a tag, inner ones first: the order to define them in.
  const std::vector<TypePtr>& tagged() const { return tagged_; }

  /// A declaration of `name` with `type` ("" gives an abstract type name).
  std::string declare(const CType& type, const std::string& name) const;
  std::string spell(const CType& type) const { return declare(type, ""); }
  /// "struct p_s1 { int a; ... };" for a tagged type.
  std::string definition(const CType& type) const;
  const std::string& tag(const CType& type) const;
  /// The name of enumerator `index` of a tagged enum.
  std::string enumerator(const CType& type, size_t index) const;

  /// Member `index` of an aggregate is named a, b, ..., z, m26, m27, ...
  static std::string member_name(size_t index);
  /// True for the members that get no name (zero-width bitfields).
  static bool is_unnamed(const CType& member) { return member.kind == Kind::kBitfield && member.length == 0; }

  /// One line describing a type with its aggregates written out in place,
  /// as `quest -try` prints it.
  static std::string describe(const TypePtr& type);

 private:
  std::string specifier(const CType& type) const;
  std::string body(const CType& type) const;

  std::string prefix_;
  std::vector<TypePtr> tagged_;
  std::unordered_map<const CType*, std::string> tags_;
  bool inline_bodies_ = false;
};

}  // namespace testgen::abi
