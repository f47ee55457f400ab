#include "type_names.h"

#include <fmt/format.h>

namespace testgen::abi {
namespace {

std::string attributes(const CType& t) {
  std::vector<std::string> parts;
  if (t.packed) parts.push_back("packed");
  if (t.align) parts.push_back(fmt::format("aligned({})", t.align));
  if (parts.empty()) return "";
  return fmt::format("__attribute__(({})) ", fmt::join(parts, ", "));
}

}  // namespace

TypeNames::TypeNames(std::string prefix) : prefix_(std::move(prefix)) {}

void TypeNames::add(const TypePtr& type) {
  if (type->target) add(type->target);
  for (const TypePtr& m : type->members) add(m);
  const bool needs_tag = is_aggregate(type->kind) || type->kind == Kind::kEnum;
  if (!needs_tag || tags_.contains(type.get())) return;
  const char letter = type->kind == Kind::kEnum ? 'e' : 's';
  tags_.emplace(type.get(), fmt::format("{}_{}{}", prefix_, letter, tagged_.size() + 1));
  tagged_.push_back(type);
}

const std::string& TypeNames::tag(const CType& type) const {
  auto it = tags_.find(&type);
  if (it == tags_.end()) throw std::logic_error("TypeNames: a type was spelled before add() saw it");
  return it->second;
}

std::string TypeNames::enumerator(const CType& type, size_t index) const { return fmt::format("{}_{}", tag(type), index); }

std::string TypeNames::member_name(size_t index) {
  if (index < 26) return std::string(1, static_cast<char>('a' + index));
  return fmt::format("m{}", index);
}

std::string TypeNames::specifier(const CType& type) const {
  switch (type.kind) {
    case Kind::kStruct:
    case Kind::kUnion: {
      // Attributes belong to the definition; a reference names the tag only.
      const char* keyword = type.kind == Kind::kStruct ? "struct" : "union";
      if (!inline_bodies_) return fmt::format("{} {}", keyword, tag(type));
      return fmt::format("{} {}{} {}", keyword, attributes(type), tag(type), body(type));
    }
    case Kind::kEnum: {
      std::string s = "enum " + tag(type);
      return inline_bodies_ ? s + " " + body(type) : s;
    }
    default: return base_spelling(type.kind);
  }
}

std::string TypeNames::declare(const CType& type, const std::string& name) const {
  switch (type.kind) {
    case Kind::kPointer: {
      std::string inner = "*" + name;
      if (type.target->kind == Kind::kArray) inner = "(" + inner + ")";
      return declare(*type.target, inner);
    }
    case Kind::kFunctionPointer: {
      std::vector<std::string> params;
      for (const TypePtr& p : type.members) params.push_back(spell(*p));
      if (type.variadic) params.emplace_back("...");
      if (params.empty()) params.emplace_back("void");
      return declare(*type.target, fmt::format("(*{})({})", name, fmt::join(params, ", ")));
    }
    case Kind::kArray: return declare(*type.target, fmt::format("{}[{}]", name, type.length));
    case Kind::kBitfield: {
      // Whether a plain int (or char) bitfield is signed is up to the
      // compiler: spell signed ones out so both sides agree.
      std::string base = base_spelling(type.target->kind);
      if (is_signed_integer(type.target->kind) && type.target->kind != Kind::kSChar) base = "signed " + base;
      return fmt::format("{}{}{} : {}", base, name.empty() ? "" : " ", name, type.length);
    }
    default: {
      std::string spec = specifier(type);
      return name.empty() ? spec : spec + " " + name;
    }
  }
}

std::string TypeNames::body(const CType& type) const {
  std::string out = "{";
  if (type.kind == Kind::kEnum) {
    for (size_t i = 0; i < type.enumerators.size(); ++i)
      out += fmt::format("{} {} = {}", i ? "," : "", enumerator(type, i), type.enumerators[i]);
    return out + " }";
  }
  for (size_t i = 0; i < type.members.size(); ++i) {
    const CType& m = *type.members[i];
    out += " " + declare(m, is_unnamed(m) ? "" : member_name(i));
    if (!is_aggregate(m.kind)) {
      if (m.packed && m.align) out += fmt::format(" __attribute__((packed, aligned({})))", m.align);
      else if (m.packed) out += " __attribute__((packed))";
      else if (m.align) out += fmt::format(" __attribute__((aligned({})))", m.align);
    }
    out += ";";
  }
  return out + " }";
}

std::string TypeNames::definition(const CType& type) const {
  if (type.kind == Kind::kEnum) return fmt::format("enum {} {};", tag(type), body(type));
  return fmt::format("{} {}{} {};", type.kind == Kind::kStruct ? "struct" : "union", attributes(type), tag(type), body(type));
}

std::string TypeNames::describe(const TypePtr& type) {
  TypeNames names("t");
  names.inline_bodies_ = true;
  names.add(type);
  return names.spell(*type);
}

}  // namespace testgen::abi
