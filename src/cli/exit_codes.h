#pragma once
// testgen's exit codes, one per outcome, so scripts can tell them apart.

namespace testgen::cli {

inline constexpr int kExitOk = 0;         ///< done, nothing found (or a replay that passes)
inline constexpr int kExitFinding = 1;    ///< a failure was found (or a replay still fails)
inline constexpr int kExitUsage = 2;      ///< bad command line
inline constexpr int kExitBadInput = 3;   ///< an input file is malformed or missing
inline constexpr int kExitGenerator = 4;  ///< a generator could not produce values
inline constexpr int kExitStorage = 5;    ///< the corpus could not be written (a full disk, permissions)
inline constexpr int kExitInternal = 70;  ///< a bug in testgen

}  // namespace testgen::cli
