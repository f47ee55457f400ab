# testgen bash --tests / --quality end to end on the spec's factorial: the
# generated unit, property and doc tests exist, pass under cargo test on
# their own, assert bash's values, and every gate of the Quality Report is
# measured on the crate (and fails when its target cannot be met).
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
export CARGO_NET_OFFLINE=true
examples="$here/../examples/bash"

# Usage errors: --quality needs the crate's directory, and no --check with it.
run "$TESTGEN" bash "$examples/factorial.sh" --quality
expect_rc 2
expect_err_contains "--tests and --quality need -o DIR"
run "$TESTGEN" bash "$examples/factorial.sh" -o x --quality --check
expect_rc 2
# Nothing translated: nothing to test, said once (exit 3), and no crate with tests.
printf 'only() {\n  eval "$1"\n}\n' >refused.sh
run "$TESTGEN" bash refused.sh -o refused --tests
expect_rc 3
expect_err_contains "refused.sh: no function could be translated, so there is nothing to test"
[[ ! -d refused/tests ]] || fail "tests were written for nothing"

run "$TESTGEN" bash -q "$examples/factorial.sh" -o fact/ --quality --json --rng-seed 1 --property-cases 200
expect_rc 0
cp "$WORK/out" quality.json
[[ $(json quality.json 'd["meets_quality_gates"]') == True ]] || fail "gates: $(cat quality.json)"
[[ $(json quality.json '[g["name"] for g in d["gates"] if not g["passed"]]') == "[]" ]] || fail "a gate failed"
[[ $(json quality.json 'd["functions"][0]["unit_tests"] >= 4') == True ]] || fail "too few unit tests"
[[ $(json quality.json 'd["functions"][0]["property_tests"] >= 5') == True ]] || fail "too few property tests"
[[ $(json quality.json 'd["functions"][0]["doctests"] >= 1') == True ]] || fail "no doctest"
[[ $(json quality.json 'd["coverage"] >= 80 and d["lines"] > 0') == True ]] || fail "coverage: $(cat quality.json)"
[[ $(json quality.json 'd["mutation_score"] >= 85 and sum(d["mutants"].values()) > 5') == True ]] ||
  fail "mutants: $(cat quality.json)"

# The files the spec names, with bash's values in them.
for f in tests/factorial_test.rs tests/factorial_properties.rs .cargo/mutants.toml testgen-mutation.toml clippy.toml; do
  [[ -f fact/$f ]] || fail "missing $f"
done
grep -q 'fn test_boundary_n_eq_1' fact/tests/factorial_test.rs || fail "no boundary test"
grep -q 'assert_eq!(factorial::factorial(0), 1);' fact/tests/factorial_test.rs || fail "no branch test for n <= 1"
grep -q 'prop_n_times_previous' fact/tests/factorial_properties.rs || fail "no recurrence property"
# The call site `factorial 5 # Should output 120` is a doctest that bash confirmed.
grep -q 'assert_eq!(factorial::factorial(5), 120);' fact/src/factorial.rs || fail "no doctest from the call site"
# cargo-mutants' config holds only keys cargo-mutants accepts.
keys=$(grep -oE '^[a-z_]+ *=' fact/.cargo/mutants.toml | tr -d ' =' | sort -u | tr '\n' ' ')
for k in $keys; do
  case $k in
    examine_globs | examine_re | exclude_globs | exclude_re | timeout_multiplier | minimum_test_timeout) ;;
    *) fail "mutants.toml has a key cargo-mutants rejects: $k" ;;
  esac
done

# The generated tests run on their own, and they assert something: a wrong
# translation of the base case (`echo 2` for `echo 1`) fails them.
(cd fact && cargo test -q >"$WORK/cargo" 2>&1) || fail "cargo test: $(tail -30 "$WORK/cargo")"
grep -q 'test result: ok' "$WORK/cargo" || fail "cargo test ran nothing"
sed -i 's/String::from("echo"), String::from("1")/String::from("echo"), String::from("2")/' fact/src/factorial.rs
grep -q 'String::from("echo"), String::from("2")' fact/src/factorial.rs || fail "the mutation was not applied"
(cd fact && timeout 600 cargo test -q >"$WORK/cargo" 2>&1) && fail "the tests pass on a wrong translation"
grep -q 'FAILED' "$WORK/cargo" || fail "cargo test failed without a failing test: $(tail "$WORK/cargo")"

# bash-doc's fact recurses forever on 0 (in bash and in Rust alike): its
# properties draw only inputs bash ran, so the generated tests end.
fact_doc=/usr/share/doc/bash/examples/functions/fact
if [[ -f $fact_doc ]]; then
  run "$TESTGEN" bash -q "$fact_doc" -o factdoc --tests --rng-seed 1
  expect_rc 0
  grep -q 'proptest::sample::select(vec!\[' factdoc/tests/fact_properties.rs || fail "fact's properties draw new integers"
fi

# A gate that is not met fails, is named, and exits 7: a function without
# an example in its comments or calls has no doctest. While that run writes
# its crate, a second run on the same DIR stops at once (exit 6).
printf 'double() {\n  echo $(( $1 * 2 ))\n}\n' >double.sh
"$TESTGEN" bash double.sh -o double --quality --rng-seed 1 --runs 50 --property-cases 50 >double.out 2>double.err &
first=$!
for _ in $(seq 1 600); do grep -q "running the generated tests" double.err && break; sleep 0.5; done
run "$TESTGEN" bash -q double.sh -o double/ --tests
expect_rc 6
expect_err_contains "another testgen run is writing this crate"
set +e
wait $first
rc=$?
set -e
[[ $rc == 7 ]] || fail "a failed gate: exit $rc: $(tail -5 double.err)"
grep -qF "FAIL doctests: 0 of 1 functions have doctests" double.out || fail "the gate is not named: $(cat double.out)"
grep -qF "Quality Gates: ❌ FAIL" double.out || fail "no verdict: $(cat double.out)"

# SIGTERM half-way through mutation testing (the same crate again: its
# target/ is kept, so it gets there quickly) stops the run with 143, nothing
# left running, the crate intact and the lock gone.
"$TESTGEN" bash double.sh -o double --quality --rng-seed 1 --runs 50 --property-cases 50 2>term.err &
first=$!
for _ in $(seq 1 1200); do grep -q "mutation testing" term.err && break; sleep 0.5; done
grep -q "mutation testing" term.err || fail "never reached mutation testing: $(cat term.err)"
kill -TERM $first
set +e
wait $first
rc=$?
set -e
[[ $rc == 143 ]] || fail "SIGTERM: exit $rc: $(tail -5 term.err)"
# Processes working in the crate (cargo, rustc, test binaries) by their working directory.
working_in_crate() {
  for p in /proc/[0-9]*; do
    [[ $(readlink "$p/cwd" 2>/dev/null) == "$WORK/double"* ]] && echo "${p#/proc/}"
  done
  return 0
}
nothing_in_crate() { [[ -z $(working_in_crate) ]]; }
wait_for nothing_in_crate || fail "processes left running: $(working_in_crate)"
[[ ! -e .double.testgen-lock ]] || fail "the lock file was left behind"
grep -q '" \* 2 "' double/src/double.rs || fail "the crate was left mutated"
for w in double/target/testgen-mutants/worker-*; do
  [[ ! -f $w/src/double.rs ]] || cmp -s "$w/src/double.rs" double/src/double.rs || fail "$w was left mutated"
done
(cd double && cargo build -q --offline) || fail "the crate no longer builds"

echo "bash quality: factorial passes every gate; the tests catch a wrong translation; a missing doctest fails" \
  "its gate; a second run on one DIR is refused; SIGTERM leaves nothing running"
