# testgen abi hunt: minimize after a hunt with little reduction, the same
# seed giving the same summary, --opt, an expectations file, and bad input.
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
source "$here/abi_lib.sh"

# A hunt allowed almost no reduction leaves a big case; minimize reduces it
# in place, keeping the signature, and the case still replays as failing.
run "$TESTGEN" abi hunt --pair 'gcc:gcc -fshort-enums' --test scalars --runs 40 --rng-seed 1 --shrink-calls 3 \
  --corpus-root small -q
expect_rc 1
dir="small/rejected/$(json out 'd["findings"][0]["case_id"]')"
before=$(json out 'd["findings"][0]["reduced"]')
run "$TESTGEN" minimize "$dir" -q
expect_rc 0
[[ "$(json out 'd["reduced"], d["before"] == d["after"]')" == "True False" ]] || fail "minimize: $(cat out)"
after=$(json out 'd["after"]')
[[ ${#after} -lt ${#before} && "$after" == "void f(enum t_e1 {"* ]] || fail "minimize gave '$after' from '$before'"
grep -qF "function:  $after" "$dir/report.txt" || fail "the report was not rewritten: $(cat "$dir/report.txt")"
[[ -f "$dir/original_tree.json" ]] || fail "minimize lost the tree as found"
check_reproducer "$dir"
run "$TESTGEN" minimize "$dir" -q
expect_rc 0
[[ "$(json out 'd["reduced"]')" == "False" ]] || fail "a minimal case was reduced again: $(cat out)"
run "$TESTGEN" minimize no-such-dir -q
expect_rc 3
expect_err_line "testgen: error: no-such-dir: no such case directory"

# Same seed, same hunt: the summary is byte for byte the same (case ids included).
run "$TESTGEN" abi hunt --pair 'gcc:gcc -fshort-enums' --test scalars --runs 40 --rng-seed 1 -q
cp out first
run "$TESTGEN" abi hunt --pair 'gcc:gcc -fshort-enums' --test scalars --runs 40 --rng-seed 1 -q
cmp -s first out || fail "two hunts with one seed differ: $(diff first out | head -20)"

# The same compilers agree: nothing to find. Runs given with a time: the runs end it.
run "$TESTGEN" abi hunt --pair 'gcc:gcc -O2' --test toy --runs 5 --time 3600 --rng-seed 1 -q
expect_rc 0
[[ "$(json out 'd["findings"]')" == "[]" ]] || fail "findings where compilers agree: $(cat out)"
[[ "$(json out 'd["run_limit"], d["runs"]')" == "5 5" ]] || fail "--runs with --time: $(cat out)"
# --time alone is the budget: the default run count does not end the hunt early.
run "$TESTGEN" abi hunt --pair 'gcc:gcc -O2' --test toy --time 1 --rng-seed 1 -q
expect_rc 0
[[ "$(json out 'd["run_limit"]')" == "None" ]] || fail "--time alone kept a run limit: $(cat out)"

# --opt multiplies the pairs; the levels are part of each pair.
run "$TESTGEN" abi hunt --pair 'gcc:clang' --opt 0,2 --test toy --runs 4 -q
expect_rc 0
[[ "$(json out 'd["pairs"]')" == "['gcc -O0:clang -O0', 'gcc -O2:clang -O2']" ]] || fail "pairs: $(cat out)"

# The example expectations file holds what tcc gets wrong here: a hunt of a
# tcc pair reports nothing new.
run "$TESTGEN" abi hunt --pair tcc:gcc --test ansi --runs 48 --rng-seed 1 --no-shrink \
  --expect "$here/../examples/abi/known-x86_64.toml" -q
expect_rc 0
[[ "$(json out 'len(d["findings"]), len(d["known"]) > 0')" == "0 True" ]] || fail "known tcc bugs: $(cat out)"

# Bad input: one line, exit 2.
run "$TESTGEN" abi hunt --pair 'gcc' -q
expect_rc 2
expect_err_contains "'gcc' is not CALLER:CALLEE"
run "$TESTGEN" abi hunt --pair 'gcc:no-such-cc -O2' -q
expect_rc 2
expect_err_contains "compiler 'no-such-cc' (in --pair 'gcc:no-such-cc -O2') is not installed"
run "$TESTGEN" abi hunt --test nosuch -q
expect_rc 2
expect_err_contains "unknown suite 'nosuch'"
run "$TESTGEN" abi hunt --arch vax -q
expect_rc 2
expect_err_contains "unknown architecture 'vax' (known: x86_64, aarch64, riscv64, i686, ppc64le, s390x, armhf)"
run "$TESTGEN" abi hunt --pair tcc:gcc --arch aarch64 --test toy -q
expect_rc 2
expect_err_contains "skipping tcc:gcc: tcc has no aarch64 form here (gcc and clang do)"
expect_err_contains "no compiler pair can build this suite here"
run "$TESTGEN" abi hunt --pair tcc:gcc --test int128 -q
expect_rc 2
expect_err_contains "skipping tcc:gcc: tcc lacks what suite 'int128' needs (int128)"
echo "abi hunt, the rest: ok"
