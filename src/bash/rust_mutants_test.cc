#include "rust_mutants.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace testgen::bash {
namespace {

const char* kSource = R"(pub fn f(n: i64) -> i64 {
    if n == 0 && !done() {
        return -1;
    }
    let a = n.wrapping_add(2);
    match a {
        1 => 2,
        x if x > 3 => x,
        _ => 0,
    }
}

pub fn run(sh: &mut Shell) -> Status {
    argv.push(String::from("-le"));
    Ok(sh.status)
}

#[test]
fn test_it() {
    assert_eq!(f(1) + 1, 2);
}
)";

bool has(const std::vector<Mutant>& ms, const std::string& description) {
  return std::any_of(ms.begin(), ms.end(), [&](const Mutant& m) { return m.description == description; });
}

TEST(RustMutants, FindsCargoMutantsOperatorsAndTheGeneratedCodesOwn) {
  std::vector<Mutant> ms = find_mutants("src/f.rs", kSource);
  EXPECT_TRUE(has(ms, "replace f -> i64 with 0"));
  EXPECT_TRUE(has(ms, "replace f -> i64 with -1"));
  EXPECT_TRUE(has(ms, "replace run -> Status with Ok(1)"));
  EXPECT_TRUE(has(ms, "replace == with != in f"));
  EXPECT_TRUE(has(ms, "replace && with || in f"));
  EXPECT_TRUE(has(ms, "delete ! in f"));
  EXPECT_TRUE(has(ms, "delete - in f"));
  EXPECT_TRUE(has(ms, "replace wrapping_add with wrapping_sub in f"));
  EXPECT_TRUE(has(ms, "delete match arm 1 in f"));
  EXPECT_TRUE(has(ms, "replace match guard with false in f"));
  EXPECT_TRUE(has(ms, "replace test operator -le with -gt in run"));
  // Nothing in a #[test] function, and the wildcard arm stays.
  for (const Mutant& m : ms) EXPECT_NE(m.function, "test_it") << m.description;
  EXPECT_FALSE(has(ms, "delete match arm _ in f"));
}

TEST(RustMutants, ApplyingOneChangesOnlyItsBytes) {
  std::string source = kSource;
  std::vector<Mutant> ms = find_mutants("src/f.rs", source);
  auto it = std::find_if(ms.begin(), ms.end(), [](const Mutant& m) { return m.description == "replace == with != in f"; });
  ASSERT_NE(it, ms.end());
  EXPECT_EQ(it->line, 2u);
  std::string mutated = it->apply(source);
  EXPECT_NE(mutated.find("if n != 0 && !done()"), std::string::npos);
  EXPECT_EQ(mutated.size(), source.size());
  auto body = std::find_if(ms.begin(), ms.end(), [](const Mutant& m) { return m.description == "replace f -> i64 with 1"; });
  ASSERT_NE(body, ms.end());
  EXPECT_EQ(body->apply(source).rfind("pub fn f(n: i64) -> i64 { 1 }\n\npub fn run", 0), 0u);
}

}  // namespace
}  // namespace testgen::bash
