#!/usr/bin/env bash
# testgen report, looked at in a real browser: a corpus with findings of
# two puzzles and a progress log, its report rendered by headless Chromium
# (Debian's chromium), a screenshot taken, and the page's DOM read after
# its scripts ran: both plots drew their points, every finding is listed.
source "$(dirname "$0")/lib.sh"
command -v chromium >/dev/null || fail "no chromium: 'make deps' installs Debian's chromium for this test"

for p in pair-42-43 hi; do
  run "$TESTGEN" puzzle "$p" --rng-seed 2 --runs 300000 --corpus-root corpus -q
  expect_rc 1
done
"$TESTGEN" puzzle bytes-bug --runs 3000 --corpus-root corpus -q >/dev/null 2>&1

run "$TESTGEN" report corpus -o report.html
expect_rc 0
expect_err_contains "report written to report.html"
[[ "$(json out 'd["findings"]')" == 2 ]] || fail "report summary: $(cat out)"
"$TESTGEN" report corpus --data > data.json
ids=$(json data.json '" ".join(f["id"] for f in d["findings"])')
[[ $(wc -w <<<"$ids") == 2 ]] || fail "findings in the data: $ids"
# No network at view time: nothing is fetched from elsewhere.
! grep -Eq '<(script|link)[^>]+(src|href)=' report.html || fail "the page loads something from outside"

browser() { timeout 120 chromium --headless --no-sandbox --disable-gpu --window-size=1200,1400 "$@" 2>/dev/null; }
browser --dump-dom "file://$WORK/report.html" > dom.html || fail "chromium could not render the report"
grep -q 'data-report-ready="true"' dom.html || fail "the report's script did not run: $(head -c 500 dom.html)"
for plot in plot-runs plot-time; do
  points=$(grep -o "id=\"$plot\"[^>]*data-points=\"[0-9]*\"" dom.html | grep -o '[0-9]*"$' | tr -d '"')
  [[ -n $points && $points -gt 1 ]] || fail "$plot has no data points in the DOM: $(grep -o "id=\"$plot\"[^>]*" dom.html)"
  grep -q "id=\"$plot\"[^>]*data-drawn=\"true\"" dom.html || fail "$plot was not drawn"
done
grep -q '<canvas' dom.html || fail "uPlot drew no canvas"
for id in $ids; do
  grep -q "data-finding=\"$id\"" dom.html || fail "finding $id is not listed"
done
grep -q 'id="solved-table"' dom.html || fail "no solve table for the puzzles"
browser --screenshot="$WORK/shot.png" "file://$WORK/report.html" >/dev/null || fail "no screenshot"
[[ "$(head -c 8 shot.png | od -An -tx1 | tr -d ' \n')" == "89504e470d0a1a0a" ]] || fail "the screenshot is not a PNG"
[[ $(stat -c %s shot.png) -gt 20000 ]] || fail "the screenshot is nearly empty ($(stat -c %s shot.png) bytes)"

# Bad input: not a corpus (exit 3), a directory for -o (exit 2), nothing half-written.
mkdir plain
run "$TESTGEN" report plain -o x.html
expect_rc 3
expect_err_contains "plain: not a corpus"
[[ ! -e x.html ]] || fail "a report was written for a non-corpus"
run "$TESTGEN" report corpus -o plain
expect_rc 2
expect_err_contains "is a directory"
echo "report_test: the report renders in Chromium: both plots drawn, $(wc -w <<<"$ids") findings listed"
