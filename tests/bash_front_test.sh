# The bash front end to end: a script becomes a crate that builds, passes
# clippy and rustfmt offline, and answers as bash does; refusals and syntax
# errors are named with file, line and column; the output directory is
# never half-written and never someone else's.
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
examples="$here/../examples/bash"
export CARGO_NET_OFFLINE=true

# --- factorial: build, lint, format, and the harness against bash.
run "$TESTGEN" bash "$examples/factorial.sh" -o crates/factorial/
expect_rc 0
[[ "$(json out 'd["translated"]')" == 1 ]] || fail "factorial not translated: $(cat out)"
(cd crates/factorial && cargo build --offline -q && cargo clippy --offline -q --all-targets -- -D warnings &&
  cargo fmt --check) || fail "the factorial crate does not build cleanly"
hex() { printf 'x'; printf '%s' "$1" | od -An -tx1 | tr -d ' \n'; }
inputs=(5 1 0 -3 20 abc "")
# Each request: standard input, function, arguments (hex); each answer: status, stdout, files.
for a in "${inputs[@]}"; do printf 'x %s %s\n' "$(hex factorial)" "$(hex "$a")"; done >requests
crates/factorial/target/debug/harness <requests >answers
i=0
while read -r status output files; do
  a=${inputs[$i]}
  expected_out=$(bash -c 'source "$1" >/dev/null; factorial "$2"' _ "$examples/factorial.sh" "$a" 2>/dev/null | od -An -tx1 | tr -d ' \n')
  expected_status=$(bash -c 'source "$1" >/dev/null; factorial "$2" >/dev/null 2>&1; echo $?' _ "$examples/factorial.sh" "$a")
  [[ "$output" == "x$expected_out" && "$status" == "$expected_status" ]] ||
    fail "factorial '$a': Rust gave $status $output, bash $expected_status x$expected_out"
  i=$((i + 1))
done <answers
[[ $i == "${#inputs[@]}" ]] || fail "the harness answered $i of ${#inputs[@]} requests"

# --- The check: equivalent on generated inputs, every line covered.
run "$TESTGEN" bash -q "$examples/factorial.sh" --check --json --runs 60 -o crates/factorial
expect_rc 0
[[ "$(json out 'd["functions"][0]["equivalent"]')" == True ]] || fail "check: $(cat out)"
# Rewriting a crate replaces it in place: the earlier build stays, no staging is left.
[[ -d crates/factorial/target/debug ]] || fail "the earlier build was not kept"
! compgen -G "crates/.factorial.tmp-*" >/dev/null || fail "a staging directory was left behind"
[[ "$(json out 'd["functions"][0]["bash_lines_run"] == d["functions"][0]["bash_lines"]')" == True ]] || fail "coverage: $(cat out)"
(( $(json out 'd["functions"][0]["distinct_inputs"]') >= 20 )) || fail "too few inputs: $(cat out)"

# --- A bash that answers wrongly from 7 on: the check finds it and shrinks it to 7.
cat >wrong-bash <<'SH'
#!/bin/bash
out=$(bash "$@"; s=$?; echo x; exit $s); status=$?
n=${!#}
if [[ $n =~ ^[0-9]+$ ]] && (( n >= 7 && n < 1000 )); then echo 999; exit 0; fi
printf '%s' "${out%x}"
exit $status
SH
chmod +x wrong-bash
run "$TESTGEN" bash -q "$examples/factorial.sh" --check --json --runs 300 --bash "$PWD/wrong-bash" -o crates/factorial
expect_rc 1
[[ "$(json out 'd["functions"][0]["difference"]["input"]')" == "factorial 7" ]] || fail "not shrunk to 7: $(cat out)"
[[ "$(json out 'd["functions"][0]["difference"]["kind"]')" == "stdout differs" ]] || fail "$(cat out)"

# --- With --corpus-root the difference is a case; replay re-runs it with the real bash, where it passes.
run "$TESTGEN" bash -q "$examples/factorial.sh" --check --json --runs 300 --bash "$PWD/wrong-bash" --corpus-root corpus
expect_rc 1
case_id=$(json out 'd["functions"][0]["difference"]["case_id"]')
[[ -f corpus/rejected/$case_id/script.sh ]] || fail "the case does not keep its script"
run "$TESTGEN" replay "corpus/rejected/$case_id"
expect_rc 0
[[ "$(json out 'd["front"] + " " + d["value"]')" == "bash factorial 7" ]] || fail "replay: $(cat out)"

# --- A refused construct is named; the other functions are still translated.
printf 'ok() { echo fine; }\nbad() {\n  local x\n  coproc cat\n}\n' >t.sh
run "$TESTGEN" bash t.sh -o crates/t
expect_rc 3
expect_err_contains "testgen: error: t.sh:4:3: unsupported bash construct 'coproc' in function 'bad'"
[[ -f crates/t/src/ok.rs && ! -e crates/t/src/bad.rs ]] || fail "expected ok.rs and no bad.rs"
[[ "$(json out '[f["name"] for f in d["functions"] if f["translated"]]')" == "['ok']" ]] || fail "JSON: $(cat out)"

# --- A syntax error names its place, and nothing is written.
printf 'f() {\n  if true; then echo x\n}\n' >broken.sh
run "$TESTGEN" bash broken.sh -o crates/broken
expect_rc 3
expect_err_contains "broken.sh:"
expect_err_contains "syntax error"
[[ ! -e crates/broken ]] || fail "a crate was written for a script with a syntax error"

# --- A directory testgen did not write is not overwritten.
mkdir -p mine && echo keep >mine/notes.txt
run "$TESTGEN" bash "$examples/fibonacci.sh" -o mine
expect_rc 2
expect_err_contains "not written by testgen"
[[ "$(cat mine/notes.txt)" == keep ]] || fail "someone else's directory was changed"

# --- A missing script and an unknown flag.
run "$TESTGEN" bash nowhere.sh
expect_rc 3
expect_err_contains "nowhere.sh: cannot read the script"
run "$TESTGEN" bash "$examples/factorial.sh" --frobnicate
expect_rc 2
echo "bash front: ok"
