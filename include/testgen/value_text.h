#pragma once
/// \file
/// How a generated value is shown in reports: `operator<<` when the type has
/// one, else its elements ("[1, 2]") or tuple parts ("(1, x)"), else "<value>".
///
/// Example usage:
///     testgen::to_text(std::vector<int>{1, 2});   // "[1, 2]"
///     testgen::to_text(std::string("a\n"));        // "\"a\\n\"": strings are quoted and escaped

#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>

namespace testgen {

/// A string as a C++ literal: quoted, with quotes, backslashes and control bytes escaped.
std::string quoted(std::string_view text);

namespace detail {
template <class T>
concept Streamable = requires(std::ostream& os, const T& v) { os << v; };
}  // namespace detail

template <class T>
std::string to_text(const T& value) {
  if constexpr (std::is_convertible_v<const T&, std::string_view>) {
    return testgen::quoted(std::string_view(value));
  } else if constexpr (std::is_same_v<T, bool>) {
    return value ? "true" : "false";
  } else if constexpr (std::is_same_v<T, char> || std::is_same_v<T, signed char> ||
                       std::is_same_v<T, unsigned char>) {
    return std::to_string(static_cast<int>(value));
  } else if constexpr (requires { value.recorded(); value.get(); }) {
    // A Lazy: shown only if the run that made the tree looked at it.
    return value.recorded() ? to_text(value.get()) : "<not looked at>";
  } else if constexpr (detail::Streamable<T>) {
    std::ostringstream out;
    out << value;
    return out.str();
  } else if constexpr (requires { value.begin(); value.end(); }) {
    std::string out = "[";
    bool first = true;
    for (const auto& x : value) {
      out += first ? "" : ", ";
      out += to_text(x);
      first = false;
    }
    return out + "]";
  } else if constexpr (requires { std::tuple_size<T>::value; }) {
    std::string out = "(";
    std::apply([&](const auto&... xs) {
      bool first = true;
      ((out += (first ? "" : ", ") + to_text(xs), first = false), ...);
    }, value);
    return out + ")";
  } else if constexpr (requires { value.has_value(); *value; }) {
    return value.has_value() ? to_text(*value) : "nullopt";
  } else {
    return "<value>";
  }
}

}  // namespace testgen
