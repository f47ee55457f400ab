#pragma once
/// \file
/// The kinds of failure testgen reports, one exit code each. Every layer
/// throws a subclass of one of these, and the command line maps them to
/// exit codes in one place (src/cli/errors.cc), so that a full disk, a bad
/// file or a misused generator exits the same way in every subcommand.
///
///     0 ok   1 finding   2 usage   3 bad input   4 generator   5 storage
///     6 corpus busy   70 internal   130/143 interrupted (SIGINT/SIGTERM)

#include <stdexcept>
#include <string>

namespace testgen {

enum class ErrorKind {
  kUsage = 2,      ///< a bad command line, a tool or runner that cannot be used
  kBadInput = 3,   ///< an input file (Lua, TOML, JSON, a case) is malformed or missing
  kGenerator = 4,  ///< a generator cannot produce values (or runs away)
  kStorage = 5,    ///< the corpus could not be written (a full disk, permissions)
  kBusy = 6,       ///< another testgen process is writing the same corpus
};

class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  ErrorKind kind() const { return kind_; }

 private:
  ErrorKind kind_;
};

/// Bad command line, or a tool, compiler or runner named on it that cannot be used.
class UsageError : public Error {
 public:
  explicit UsageError(const std::string& message) : Error(ErrorKind::kUsage, message) {}
};

/// A malformed or missing input file; the message starts with FILE[:LINE[:COL]].
class InputError : public Error {
 public:
  explicit InputError(const std::string& message) : Error(ErrorKind::kBadInput, message) {}
};

/// Writing failed (a full disk, no permission); nothing half-written is left.
class StorageError : public Error {
 public:
  explicit StorageError(const std::string& message) : Error(ErrorKind::kStorage, message) {}
};

/// Another process holds the corpus.
class BusyError : public Error {
 public:
  explicit BusyError(const std::string& message) : Error(ErrorKind::kBusy, message) {}
};

}  // namespace testgen
