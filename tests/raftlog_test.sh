# End-to-end tests of the bundled simulator (examples/raftlog): raftlog-run
# speaks leanguard-run's protocol, its checkers read the traces, and the
# planted violation is real.
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
: "${RAFTLOG_RUN:?}" "${CHECKERS:?}"
seeds="$here/../examples/raftlog/seeds"

# Every seed runs, is accepted, and reaches coverpoints; same config, same trace.
for seed in "$seeds"/*.toml; do
  cp "$seed" s.toml
  run "$RAFTLOG_RUN" --config s.toml --checker-dir "$CHECKERS" --coverage --coverage-dir cov
  expect_rc 0
  [[ "$(json out 'd["version"], d["accept"], d["determinism"], len(d["checker_results"])')" == "1 True ok 2" ]] ||
    fail "$seed: $(cat out)"
  [[ "$(json out 'len(d["coverage"]["union"]) >= 3')" == True ]] || fail "$seed: little coverage: $(cat out)"
  [[ -f cov/election_safety_coverage.json ]] || fail "no coverage file"
  cp logs/raft_events.csv first.csv
  run "$RAFTLOG_RUN" --config s.toml --checker-dir "$CHECKERS"
  cmp -s first.csv logs/raft_events.csv || fail "$seed: two runs gave different traces"
done

# The planted violation: two leaders in one term (sync_votes = false, a
# voter crashing right after its vote and restarting at once, in a split election).
cp "$here/data/raftlog/two_leaders.toml" s.toml
run "$RAFTLOG_RUN" --config s.toml --checker-dir "$CHECKERS" --coverage
expect_rc 1
[[ "$(json out '[c["status"] for c in d["checker_results"]]')" == "['reject', 'accept']" ]] || fail "$(cat out)"
expect_out_contains 'two leaders in term 1'
expect_out_contains '"vote_regranted_after_restart"'
# With votes persisted, as Raft requires, the same scenario is safe.
sed -i 's/sync_votes = false/sync_votes = true/' s.toml
run "$RAFTLOG_RUN" --config s.toml --checker-dir "$CHECKERS"
expect_rc 0

# Check-only mode re-checks the trace on disk.
run "$RAFTLOG_RUN" --config s.toml --mode check-only --checker-dir "$CHECKERS"
expect_rc 0
expect_out_contains '"status":"skipped"'

# Invalid input: exit 2 with the file and line.
printf 'duration_ms = 500\n[cluster]\nnodes = 12\n' > bad.toml
run "$RAFTLOG_RUN" --config bad.toml --checker-dir "$CHECKERS"
expect_rc 2
expect_err_line "raftlog-run: bad.toml:3: 'nodes' = 12 is out of range [1, 9]"
printf 'threading = "multi"\n' > multi.toml
run "$RAFTLOG_RUN" --config multi.toml --checker-dir "$CHECKERS"
expect_rc 2
expect_out_contains '"determinism":"refused_multiple_threading"'
run "$RAFTLOG_RUN" --config multi.toml --checker-dir "$CHECKERS" --allow-nondeterministic
expect_rc 0
run "$RAFTLOG_RUN" --config multi.toml --mode check-only --checker-dir "$CHECKERS" --allow-nondeterministic
expect_rc 0
run "$RAFTLOG_RUN" --frobnicate
expect_rc 2

# A missing checker is reported as such, and the case is not accepted.
run "$RAFTLOG_RUN" --config s.toml --checker-dir nowhere
expect_rc 1
[[ "$(json out '[c["status"] for c in d["checker_results"]]')" == "['missing_checker', 'missing_checker']" ]] ||
  fail "$(cat out)"

# A checker given a trace it cannot read says where, and exits 2.
printf 'time_ms,node,kind\n' > broken.csv
run "$CHECKERS/log_matching" broken.csv --coverage-out c.json
expect_rc 2
expect_err_line "log_matching: broken.csv:1: not a raftlog trace (header must be 'time_ms,node,kind,term,index,peer,detail')"
[[ "$(json c.json 'd["accept"], "error" in d')" == "False True" ]] || fail "coverage file: $(cat c.json)"
echo "raftlog: ok"
