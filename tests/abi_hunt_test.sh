# End-to-end tests of `testgen abi hunt` with real ABI differences: gcc with
# and without -fshort-enums, -fpcc-struct-return and -fpack-struct must each
# be found within a small budget and reduced to one small function, whose
# case directory holds a reproducer that still fails, by replay and by its
# own commands.sh.
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"

# check_hunt PAIR SIGNATURE_PREFIX REDUCED_PREFIX: the summary in `out` has a
# finding of PAIR with that signature, reduced to one parameter (varargs
# included) and a prototype starting with REDUCED_PREFIX; prints its case id.
check_hunt() {
  python3 - out "$@" <<'PY' || fail "unexpected hunt summary for $1: $(cat out)"
import json, sys
d = json.load(open(sys.argv[1]))
pair, signature, reduced = sys.argv[2:5]
assert d["pairs"] == [pair], d["pairs"]
hits = [f for f in d["findings"] if f["signature"].startswith(signature)]
assert hits, [f["signature"] for f in d["findings"]]
f = hits[0]
assert f["reduced"].startswith(reduced), f["reduced"]
params = f["reduced"][f["reduced"].index(" f(") + 3:-1]
assert "..." not in params and params.count("{") <= 1 and "}, " not in params, f["reduced"]
assert len(f["reduced"]) < len(f["found"]) or f["reduced"] == f["found"], (f["reduced"], f["found"])
assert f["reproducer_bytes"] > 0
print(f["case_id"])
PY
}

# check_reproducer DIR: replay fails with the same signature; commands.sh
# rebuilds it and exits non-zero; the report names a field or the failure.
check_reproducer() {
  local dir=$1
  for f in case-main.c case-callee.c commands.sh report.txt tree.json case.json; do
    [[ -f "$dir/$f" ]] || fail "$dir lacks $f"
  done
  run "$TESTGEN" replay "$dir" -q
  expect_rc 1
  expect_out_contains '"same_signature": true'
  set +e
  sh "$dir/commands.sh" >/dev/null 2>&1
  local status=$?
  set -e
  [[ $status -ne 0 && $status -ne 126 ]] || fail "$dir/commands.sh exited $status, expected the program's failure"
  grep -q '^signature: ' "$dir/report.txt" || fail "report lacks the signature: $(cat "$dir/report.txt")"
}

# -fshort-enums: enums shrink to one byte on the callee side.
run "$TESTGEN" abi hunt --pair 'gcc:gcc -fshort-enums' --test scalars --runs 40 --rng-seed 1 --corpus-root corpus -q
expect_rc 1
id=$(check_hunt 'gcc:gcc -fshort-enums' 'gcc:gcc -fshort-enums|x86_64|mismatch|layout|sizeof enum' 'void f(enum t_e1 {')
check_reproducer "corpus/rejected/$id"
grep -q '^field:     sizeof:q1_e1$' "corpus/rejected/$id/report.txt" || fail "report: $(cat "corpus/rejected/$id/report.txt")"
grep -q '^expected:  0400000000000000$' "corpus/rejected/$id/report.txt" || fail "report: $(cat "corpus/rejected/$id/report.txt")"
grep -q '^received:  0100000000000000$' "corpus/rejected/$id/report.txt" || fail "report: $(cat "corpus/rejected/$id/report.txt")"

# -fpcc-struct-return: every struct is returned through memory on the callee side.
run "$TESTGEN" abi hunt --pair 'gcc:gcc -fpcc-struct-return' --test aggregates --runs 32 --rng-seed 1 \
  --shrink-calls 60 --run-timeout 1 --corpus-root corpus -q
expect_rc 1
id=$(check_hunt 'gcc:gcc -fpcc-struct-return' 'gcc:gcc -fpcc-struct-return|x86_64|' 'struct t_s1 {')
check_reproducer "corpus/rejected/$id"

# -fpack-struct: members lose their alignment on the callee side.
run "$TESTGEN" abi hunt --pair 'gcc:gcc -fpack-struct' --test aggregates --runs 16 --rng-seed 1 \
  --shrink-calls 60 --run-timeout 1 --corpus-root corpus -q
expect_rc 1
id=$(check_hunt 'gcc:gcc -fpack-struct' 'gcc:gcc -fpack-struct|x86_64|mismatch|layout|' 'void f(struct t_s1 {')
check_reproducer "corpus/rejected/$id"

# Another architecture: the cross gcc, a static link, qemu-user; the
# signature names the architecture and replay rebuilds it the same way.
run "$TESTGEN" abi hunt --arch riscv64 --pair 'gcc:gcc -fshort-enums' --test scalars --runs 32 --rng-seed 1 \
  --corpus-root cross -q
expect_rc 1
id=$(check_hunt 'gcc:gcc -fshort-enums' 'gcc:gcc -fshort-enums|riscv64|mismatch|layout|sizeof enum' 'void f(enum t_e1 {')
grep -q '^qemu-riscv64 ./case$' "cross/rejected/$id/commands.sh" || fail "commands: $(cat "cross/rejected/$id/commands.sh")"
check_reproducer "cross/rejected/$id"
run "$TESTGEN" abi hunt --arch aarch64 --pair gcc:clang --pair clang:gcc --test aggregates --runs 16 --rng-seed 1 -q
expect_rc 0

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

# The same compilers agree: nothing to find.
run "$TESTGEN" abi hunt --pair 'gcc:gcc -O2' --test toy --runs 5 --rng-seed 1 -q
expect_rc 0
[[ "$(json out 'd["findings"]')" == "[]" ]] || fail "findings where compilers agree: $(cat out)"

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
echo "abi hunt: ok"
