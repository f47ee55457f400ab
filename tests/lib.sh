# Shared helpers for the end-to-end tests. Each test script sources this.
set -euo pipefail
: "${TESTGEN:?TESTGEN must point at the testgen binary}"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/testgen-e2e.XXXXXX")
[[ -n "${KEEP_WORK:-}" ]] || trap 'rm -rf "$WORK"' EXIT
cd "$WORK"

fail() { echo "FAIL: $*" >&2; exit 1; }

# run CMD...: runs it, keeping stdout in $WORK/out, stderr in $WORK/err, status in $rc.
run() {
  set +e
  "$@" >"$WORK/out" 2>"$WORK/err"
  rc=$?
  set -e
}

expect_rc() { [[ "$rc" == "$1" ]] || fail "expected exit $1, got $rc; stderr: $(cat "$WORK/err")"; }
expect_err_line() {
  [[ "$(cat "$WORK/err")" == "$1" ]] || fail "stderr was: $(cat "$WORK/err")
expected:   $1"
}
expect_out_contains() { grep -qF -- "$1" "$WORK/out" || fail "stdout lacks '$1': $(head -c 2000 "$WORK/out")"; }
expect_err_contains() { grep -qF -- "$1" "$WORK/err" || fail "stderr lacks '$1': $(head -c 2000 "$WORK/err")"; }
# json FILE EXPR: evaluates a Python expression on the parsed JSON document `d`.
json() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print($2)" "$1"; }
# wait_for TEST...: until the test holds (60 s at most); false if it never does.
wait_for() {
  for _ in $(seq 1 600); do "$@" && return 0; sleep 0.1; done
  return 1
}
# gone PID: not running (a killed process may take a moment to be reaped).
gone() {
  for _ in $(seq 1 100); do
    ps -o stat= -p "$1" 2>/dev/null | grep -qv Z || return 0
    sleep 0.1
  done
  return 1
}
