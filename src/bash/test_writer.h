#pragma once
// The generated tests as files of the crate: tests/<function>_test.rs (unit
// tests), tests/<function>_properties.rs (proptest), tests/common/mod.rs (a
// fresh directory and bash's environment, a seeded runner), the doctests of
// each wrapper, and the configuration they need (.cargo/config.toml for
// Debian's offline proptest, clippy.toml for the complexity gate).

#include <map>
#include <string>
#include <vector>

#include "test_suite.h"

namespace testgen::bash {

struct CrateTests {
  std::map<std::string, std::string> files;  ///< path in the crate -> text
  /// Module -> the `# Examples` section of its wrapper's doc comment.
  std::map<std::string, std::string> examples;
  bool proptest = false;  ///< needs the proptest dev-dependency
};

/// `environment`: the variables bash ran with (NAME=value).
CrateTests render_tests(const TestSuite& suite, const std::vector<std::string>& environment);

}  // namespace testgen::bash
