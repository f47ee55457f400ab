# Bad input of every kind, as an impatient user or a misbehaving runner
# gives it: numbers out of range, generators that run away, directories
# where files belong, runners that print bytes that are not UTF-8 or
# summaries of the wrong shape or leave links and huge logs, quest's output
# on a full disk, Lua that tries to run programs.
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
seeds="$here/../examples/raftlog/seeds"
run "$TESTGEN" seed-index "$seeds" --corpus-root c
expect_rc 0

# --- Numbers: every numeric option is range-checked (exit 2, the range said).
bad_number() {  # bad_number EXPECTED_TEXT ARGS...
  local text=$1
  shift
  run "$TESTGEN" "$@"
  expect_rc 2
  expect_err_contains "$text"
}
bad_number "'-1' is not a whole number from 0 to 1e+12" fuzz --budget -1 --corpus-root c
bad_number "'nan' is not a number from 0 to 1e+07" fuzz --time nan --corpus-root c
bad_number "'inf' is not a number from 0 to 1e+07" puzzle hi --time inf
bad_number "'0' is not a number from 0.001 to 86400" fuzz --runner-timeout 0 --corpus-root c
bad_number "'-1' is not a number from 0.001 to 86400" campaign --protocol raft --budget 5 --runner-timeout -1 --corpus-root c
bad_number "'NaN' is not a number from 0.001 to 86400" abi hunt --run-timeout NaN
bad_number "'nan' is not a number from 0 to 0.999" puzzle hi --alpha nan
bad_number "'1000000000' is not a whole number from 0 to 100" campaign --protocol raft --budget 5 --max-mutations 1000000000
bad_number "'100000' is not a whole number from 0 to 64" puzzle tree-sum-100 --size 100000
bad_number "'1.5' is not a whole number from 1 to 256" abi hunt -j 1.5
bad_number "'0' is not a whole number from 1 to 1e+09" minimize x --max-calls 0

# --- Runaway generation: a bound naming the generator (exit 4), memory bounded.
cat > loop.lua <<'EOF2'
local g
g = R.bind(R.int, function(x) return g end)
Test.loop = {doc = "returns itself from bind", test = function()
  return {args = R.list(R.unit(1), g), varargs = R.list(R.unit(0), R.int), result = R.int, static = R.flip}
end}
EOF2
run "$TESTGEN" quest -test loop loop.lua -n 1
expect_rc 4
expect_err_contains "bind@loop.lua:2: the value nests deeper than 2000 levels"
run "$TESTGEN" abi hunt loop.lua --test loop --pair gcc:gcc --runs 4 -q
expect_rc 4
expect_err_contains "/loop.lua:2: the value nests deeper than 2000 levels"
run "$TESTGEN" quest -s 50 -n 2
expect_rc 4
expect_err_contains "one value needed more than 2000000 choices"

# --- Directories where files belong.
mkdir -p dir.lua seeds-with-dir/sub.toml
cp "$seeds/steady.toml" seeds-with-dir/
run "$TESTGEN" quest dir.lua -n 1
expect_rc 3
expect_err_contains "dir.lua: is a directory, expected a Lua file"
run "$TESTGEN" seed-index seeds-with-dir --corpus-root d
expect_rc 0
[[ "$(json out '[s["name"] for s in d["seeds"]]')" == "['steady.toml']" ]] || fail "a directory was indexed: $(cat out)"
run "$TESTGEN" fuzz --budget 3 --corpus-root c -q
case_dir=c/accepted/$(ls c/accepted | head -1)
mv "$case_dir/config.toml" config.toml.away && mkdir "$case_dir/config.toml"
run "$TESTGEN" replay "$case_dir" -q
expect_rc 3
expect_err_contains "config.toml: is a directory, expected a TOML file"
rmdir "$case_dir/config.toml" && mv config.toml.away "$case_dir/config.toml"

# --- Runners that print what nobody planned for.
runner() {  # runner NAME BODY: a runner script in $WORK
  printf '#!/bin/sh\n%s\n' "$2" > "$WORK/$1"
  chmod +x "$WORK/$1"
}
check_case() {  # check_case DIR: a whole case (its files there, its JSON valid UTF-8)
  for f in case.json tree.json config.toml run_summary.json mutations.json; do
    [[ -f "$1/$f" ]] || fail "$1 lacks $f"
  done
  python3 -c "import json,sys; json.load(open(sys.argv[1], encoding='utf-8'))" "$1/case.json" ||
    fail "$1/case.json is not valid UTF-8 JSON"
}
runner latin1.sh 'printf "d\351j\340 vu \377\n" >&2; exit 3'
run "$TESTGEN" fuzz --budget 1 --no-shrink --runner-cmd "$WORK/latin1.sh {config}" --corpus-root c -q
expect_rc 1
[[ "$(json out 'd["findings"][0]["signature"]')" == "runner error: runner exit N" ]] || fail "latin1: $(cat out)"
id=$(json out 'd["findings"][0]["case_id"]')
check_case "c/rejected/$id"
[[ "$(json "c/rejected/$id/case.json" 'd["detail"]')" == 'runner exit 3: d\xe9j\xe0 vu \xff' ]] ||
  fail "the runner's bytes were not escaped: $(json "c/rejected/$id/case.json" 'd["detail"]')"

runner shape.sh 'echo "{\"version\": 1, \"accept\": true, \"coverage\": {\"union\": \"all of it\"}}"'
run "$TESTGEN" fuzz --budget 1 --no-shrink --runner-cmd "$WORK/shape.sh {config}" --corpus-root c -q
expect_rc 1
[[ "$(json out 'd["findings"][0]["signature"]')" == "runner error: runner stdout" ]] || fail "shape: $(cat out)"
id=$(json out 'd["findings"][0]["case_id"]')
check_case "c/rejected/$id"
[[ "$(json "c/rejected/$id/case.json" 'd["detail"]')" == "runner stdout: 'coverage.union' must be an array" ]] ||
  fail "shape detail: $(json "c/rejected/$id/case.json" 'd["detail"]')"

# Links in the log directory (one to a file outside, one looping) and a log
# larger than --max-log-bytes: the campaign goes on, links are left out,
# the big log is cut and the case says so.
cat > links.py <<'EOF2'
import json, os, sys, tomllib
log = tomllib.load(open(sys.argv[1], "rb"))["log_path"]
os.makedirs(log, exist_ok=True)
os.symlink("/etc/passwd", os.path.join(log, "passwd"))
os.symlink(".", os.path.join(log, "loop"))
os.symlink(os.path.join(log, "nowhere"), os.path.join(log, "dangling"))
open(os.path.join(log, "big_events.csv"), "wb").write(b"time_ms,node,kind\n" + b"0" * 3000000)
open(os.path.join(log, "small.txt"), "w").write("ok\n")
print(json.dumps({"version": 1, "accept": True,
                  "checker_results": [{"checker": "c", "status": "accept", "stdout": "", "coverage": ["seen"]}]}))
EOF2
runner links.sh 'exec python3 "$(dirname "$0")/links.py" "$1"'
run "$TESTGEN" fuzz --budget 3 --max-log-bytes 1000000 --runner-cmd "$WORK/links.sh {config}" --corpus-root links -q
expect_rc 3  # no seeds there
run "$TESTGEN" seed-index "$seeds/steady.toml" --corpus-root links
run "$TESTGEN" fuzz --budget 3 --max-log-bytes 1000000 --runner-cmd "$WORK/links.sh {config}" --corpus-root links -q
expect_rc 0
kept=links/accepted/$(ls links/accepted | head -1)
[[ -f "$kept/logs/small.txt" && ! -e "$kept/logs/passwd" && ! -e "$kept/logs/loop" && ! -e "$kept/logs/dangling" ]] ||
  fail "links were copied: $(ls -la "$kept/logs")"
[[ "$(stat -c %s "$kept/logs/big_events.csv")" == 1000000 ]] || fail "the big log was not cut: $(ls -la "$kept/logs")"
[[ "$(json "$kept/case.json" 'd["truncated_files"]')" == "['logs/big_events.csv']" ]] || fail "the cut is not recorded"

# --- quest's output: nothing before the suite is known, a full disk stops
# it, its header comment survives any command line, -2 replaces both files
# or neither; names that are not UTF-8 are refused.
run "$TESTGEN" quest -test nosuch -n 1
expect_rc 2
[[ ! -s out ]] || fail "quest wrote $(wc -c < out) bytes before knowing the suite"
set +e
"$TESTGEN" quest -n 100000 > /dev/full 2> err
rc=$?
set -e
expect_rc 5
expect_err_contains "writing the output failed"
run "$TESTGEN" quest -n 1 -e $'x = 1 --[[ *\\\n/ and */ ]]'
expect_rc 0
cc -std=c11 -fsyntax-only -x c out || fail "the header comment broke the C file: $(head -3 out)"
echo old > two-main.c
mkdir two-callee.c
run "$TESTGEN" quest -2 -o two -n 2
expect_rc 5
[[ "$(cat two-main.c)" == old ]] || fail "quest -2 replaced one file of two"
[[ -z "$(compgen -G 'two-*.tmp-*')" ]] || fail "quest -2 left temporaries"
run "$TESTGEN" quest -2 -o $'\xff' -n 1
expect_rc 2
expect_err_line "testgen: error: argument 4 is not valid UTF-8: '\\xff'"
run "$TESTGEN" fuzz --corpus-root $'c\xfe' --budget 1
expect_rc 2

# --- Lua is code: no processes, no file writes unless asked.
cat > exec.lua <<'EOF2'
os.execute("touch " .. os.getenv("WORK") .. "/pwned")
EOF2
export WORK
run "$TESTGEN" quest exec.lua -n 1
expect_rc 3
expect_err_contains "os.execute is disabled: Lua suites run without process or file-writing functions"
[[ ! -e pwned ]] || fail "the sandbox let os.execute run"
echo 'local f = io.open("written", "w")' > open.lua
run "$TESTGEN" abi hunt open.lua --pair gcc:gcc --runs 1 -q
expect_rc 3
expect_err_contains "io.open is disabled"
run "$TESTGEN" quest -unsafe exec.lua -n 1
expect_rc 0
[[ -e pwned ]] || fail "-unsafe did not allow os.execute"
echo "hostile input tests passed"
