#pragma once
// testgen's exit codes, one per outcome, so scripts can tell them apart.
// Errors carry their code as their kind (testgen/errors.h).

#include "testgen/errors.h"

namespace testgen::cli {

inline constexpr int kExitOk = 0;        ///< done, nothing found (or a replay that passes)
inline constexpr int kExitFinding = 1;   ///< a failure was found (or a replay still fails)
inline constexpr int kExitUsage = static_cast<int>(ErrorKind::kUsage);
inline constexpr int kExitBadInput = static_cast<int>(ErrorKind::kBadInput);
inline constexpr int kExitGenerator = static_cast<int>(ErrorKind::kGenerator);
inline constexpr int kExitStorage = static_cast<int>(ErrorKind::kStorage);
inline constexpr int kExitBusy = static_cast<int>(ErrorKind::kBusy);
inline constexpr int kExitGateFailed = 7;  ///< testgen bash --quality: a quality gate failed
inline constexpr int kExitInternal = 70;  ///< a bug in testgen
// 128 + N: stopped by signal N (SIGINT 130, SIGTERM 143), the summary so far printed.

}  // namespace testgen::cli
