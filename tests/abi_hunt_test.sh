# End-to-end test of `testgen abi hunt` with a real ABI difference: gcc with
# and without -fshort-enums must be found within a small budget, reduced to
# one small function, and its replay must still fail.
source "$(dirname "$0")/lib.sh"

run "$TESTGEN" abi hunt --pair 'gcc:gcc -fshort-enums' --test scalars --runs 40 --rng-seed 1 --corpus-root corpus -q
expect_rc 1
python3 - out <<'PY' || fail "unexpected hunt summary: $(cat out)"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["pairs"] == ["gcc:gcc -fshort-enums"], d["pairs"]
assert len(d["findings"]) == 1, d["findings"]
f = d["findings"][0]
assert f["signature"] == "gcc:gcc -fshort-enums|x86_64|mismatch|layout|sizeof enum", f["signature"]
assert f["reduced"].startswith("void f(enum t_e1 {") and f["reduced"].count(",") == 0, f["reduced"]
assert len(f["reduced"]) < len(f["found"]), (f["reduced"], f["found"])
print(f["case_id"])
PY
case_id=$(python3 -c "import json; print(json.load(open('out'))['findings'][0]['case_id'])")
[[ -d "corpus/rejected/$case_id" ]] || fail "no case directory for the finding"
run "$TESTGEN" replay "corpus/rejected/$case_id" -q
expect_rc 1
expect_out_contains '"same_signature": true'

# The same compilers agree: nothing to find.
run "$TESTGEN" abi hunt --pair 'gcc:gcc -O2' --test toy --runs 5 --rng-seed 1 -q
expect_rc 0

run "$TESTGEN" abi hunt --pair 'gcc' -q
expect_rc 2
expect_err_contains "'gcc' is not CALLER:CALLEE"
run "$TESTGEN" abi hunt --pair 'gcc:no-such-cc -O2' -q
expect_rc 2
expect_err_contains "compiler 'no-such-cc' (in --pair 'gcc:no-such-cc -O2') is not installed"
run "$TESTGEN" abi hunt --test nosuch -q
expect_rc 2
expect_err_contains "unknown suite 'nosuch'"
echo "abi hunt: ok"
