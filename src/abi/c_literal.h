#pragma once
// C source for values: statements that store a value into an lvalue
// exactly, bit for bit, without undefined behaviour and without warnings.

#include <optional>
#include <string>

#include "c_type.h"
#include "type_names.h"
#include "value.h"

namespace testgen::abi {

/// An integer constant of `kind` ("(unsigned short)0xfffeULL", "(int)-5LL").
std::string integer_literal(Kind kind, Int128 value);

/// A constant expression for `value` (of scalar `type`), usable in a static
/// initializer; none for NaNs, infinities and complex numbers, which only
/// statements can store exactly (store_leaf).
std::optional<std::string> constant_leaf(const CType& type, const Value& value, const TypeNames& names);

/// One or more statements that store `value` (of scalar `type`) into
/// `lvalue`. NaNs and complex numbers go through temporaries and memcpy.
std::string store_leaf(const CType& type, const Value& value, const std::string& lvalue, const TypeNames& names);

}  // namespace testgen::abi
