# End-to-end tests of how `testgen abi hunt` pins a crash, a hang and a
# compile failure on the one case of a batch that caused it, and of the
# expectations file and -j. The crash and the hang come from
# tests/tools/sabotage-cc (gcc, with every callee taking a double made to
# crash or spin); the compile failure is real (tcc has no _Complex).
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
lua="$here/data/faults.lua"
sabotage="$here/tools/sabotage-cc"

# check_isolated SIGNATURE REDUCED: one finding, with that signature; the
# case as found has a parameter of the guilty kind (so the batch's other
# cases were not blamed) and it is reduced to REDUCED.
check_isolated() {
  python3 - out "$@" <<'PY' || fail "unexpected summary: $(cat out)"
import json, sys
d = json.load(open(sys.argv[1]))
signature, reduced, guilty = sys.argv[2:5]
assert [f["signature"] for f in d["findings"]] == [signature], [f["signature"] for f in d["findings"]]
f = d["findings"][0]
assert guilty in f["found"], f["found"]
assert f["reduced"] == reduced, f["reduced"]
# Batches were split: more builds than batches plus reduction alone would need.
assert d["builds"] > d["runs"] // 8 + f["shrink_calls"] + 1, (d["builds"], d["runs"], f["shrink_calls"])
print(f["case_id"])
PY
}

# A crash in a batch of 8 is pinned on its case by splitting; it happened
# before the callee's first step (its signature says "call").
run "$TESTGEN" abi hunt "$lua" --test faults --pair "gcc:$sabotage crash gcc" --runs 24 --batch 8 --rng-seed 2 \
  --corpus-root corpus -q
expect_rc 1
id=$(check_isolated "gcc:$sabotage crash gcc|x86_64|crash|call|SIGSEGV" "int f(double)" "double")
# The user's Lua file travels with the case, so replay needs nothing else.
[[ -n "$(ls corpus/rejected/"$id"/lua/*faults.lua)" ]] || fail "the Lua file was not kept with the case"
run "$TESTGEN" replay "corpus/rejected/$id" -q
expect_rc 1
expect_out_contains '"same_signature": true'

# A hang is stopped by --run-timeout, its process group killed, and pinned the same way.
run "$TESTGEN" abi hunt "$lua" --test faults --pair "gcc:$sabotage hang gcc" --runs 8 --batch 8 --rng-seed 2 \
  --run-timeout 1.5 --shrink-calls 20 -q
expect_rc 1
check_isolated "gcc:$sabotage hang gcc|x86_64|timeout||" "int f(double)" "double" >/dev/null
# Only this test's programs (their directory is under $WORK): the other
# hunt tests that ctest runs beside this one build and run ./case too.
for pid in $(pgrep -f 'case$' || true); do
  [[ "$(readlink "/proc/$pid/cwd" 2>/dev/null)" == "$WORK"* ]] && fail "a hanging test program outlived the hunt"
done

# A compile failure on some cases only (tcc and _Complex) is blamed on those.
run "$TESTGEN" abi hunt "$lua" --test mixed --pair gcc:tcc --runs 24 --batch 8 --rng-seed 2 -q
expect_rc 1
check_isolated 'gcc:tcc|x86_64|callee-compile-error||error: '"';'"' expected (got "NAME")' \
  "int f(double _Complex)" "_Complex" >/dev/null

# Known failures: expected ones are counted, not reduced, and do not make
# the exit status; a rule that matched nothing is listed.
cat > known.toml <<'EOF'
[[expected]]
pair = "gcc:tcc"
signature = "callee-compile-error|*"
note = "tcc has no _Complex"

[[expected]]
pair = "clang:*"
EOF
run "$TESTGEN" abi hunt "$lua" --test mixed --pair gcc:tcc --runs 24 --batch 8 --rng-seed 2 --expect known.toml -q
expect_rc 0
[[ "$(json out 'd["findings"]')" == "[]" ]] || fail "an expected failure was reported as new: $(cat out)"
[[ "$(json out 'd["known"][0]["status"], d["known"][0]["note"], d["known"][0]["runs"] > 0')" == \
   "expected tcc has no _Complex True" ]] || fail "known: $(cat out)"
[[ "$(json out 'd["expected_not_seen"]')" == "['known.toml:6']" ]] || fail "expected_not_seen: $(cat out)"
printf '[[expected]]\npair = "gcc:tcc"\nstatus = "old"\n' > bad.toml
run "$TESTGEN" abi hunt --test toy --pair gcc:gcc --expect bad.toml -q
expect_rc 3
expect_err_line "testgen: error: bad.toml:3:10: unknown key 'status' (keys: pair, arch, signature, note)"

# Several pairs at once (-j 2) share the budget and the corpus, and give
# the same findings as one at a time.
run "$TESTGEN" abi hunt --pair 'gcc:gcc -fshort-enums' --pair 'gcc -fshort-enums:gcc' --pair gcc:clang \
  --test scalars --runs 48 --rng-seed 1 -j 2 --corpus-root jcorpus -q
expect_rc 1
json out 'sorted(f["signature"] for f in d["findings"])' > parallel
[[ "$(json out 'd["runs"]')" == 48 ]] || fail "runs: $(cat out)"
run "$TESTGEN" abi hunt --pair 'gcc:gcc -fshort-enums' --pair 'gcc -fshort-enums:gcc' --pair gcc:clang \
  --test scalars --runs 48 --rng-seed 1 -j 1 -q
json out 'sorted(f["signature"] for f in d["findings"])' > serial
cmp -s parallel serial || fail "-j 2 found $(cat parallel), -j 1 found $(cat serial)"
grep -q 'fshort-enums|x86_64|mismatch|layout|sizeof enum' parallel || fail "findings: $(cat parallel)"
[[ -f jcorpus/metadata/global_coverage.json ]] || fail "no global coverage in the shared corpus"
echo "abi faults: ok"
