# What the abi hunt tests share: reading a hunt's summary and checking a
# finding's reproducer. Sourced after lib.sh.

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

