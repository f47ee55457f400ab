# The bash front on code nobody here wrote: Debian's bash-doc examples.
# Every function of the pure files is translated and equivalent to bash on
# the generated inputs; functions using eval are refused with it named.
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
corpus=/usr/share/doc/bash/examples/functions
[[ -d $corpus ]] || fail "bash-doc is not installed (make deps installs it)"

for file in fact basename dirname isnum2 isvalidip substr seq inetaddr sort-pos-params; do
  run "$TESTGEN" bash -q "$corpus/$file" --check --json --runs 150 --rng-seed 1
  expect_rc 0
  python3 - "$WORK/out" "$file" <<'PY' || fail "$file: $(cat "$WORK/out")"
import json, sys
d = json.load(open(sys.argv[1]))
checked = [f for f in d["functions"] if f["translated"]]
assert checked, "nothing translated"
for f in checked:
    assert f["equivalent"], f"{f['name']} differs: {f.get('difference')}"
    assert f["distinct_inputs"] >= 40, f"{f['name']}: only {f['distinct_inputs']} inputs"
    assert f["bash_lines_run"] >= 1, f"{f['name']}: no line covered"
PY
done

# arrayops: every function indexes arrays by a name it is given, through eval.
run "$TESTGEN" bash "$corpus/arrayops.bash"
expect_rc 3
expect_err_contains "unsupported bash construct 'eval' in function 'apush'"
[[ "$(json out 'd["translated"]')" == 0 ]] || fail "arrayops: $(cat out)"

# array-stuff: bash reads it, tree-sitter-bash cannot parse one function: only that one is lost.
run "$TESTGEN" bash "$corpus/array-stuff"
expect_rc 3
expect_err_contains "in function 'ashift' (bash accepts it"
echo "bash corpus: ok"
