# quest users' own Lua 2.5: suites that call its library, $ pragmas, and
# every customisation point (Quest.header, Quest.main, CMD, suite fields)
# either taking effect or named in a message.
DATA="$(cd "$(dirname "$0")" && pwd)/data/lua25"
source "$(dirname "$0")/lib.sh"
QUEST=("$TESTGEN" quest)

# A Lua 2.5 suite that calls format and strlen generates programs that pass.
run "${QUEST[@]}" "$DATA/mysuite.lua" -test mine -n 20 -s 0 -seed 4
expect_rc 0
expect_err_contains "-- loaded mysuite.lua"
cp out mine.c
cc -std=c11 -w mine.c -o mine || fail "mine.c does not compile"
./mine > run.txt || fail "mine exited $?: $(head -5 run.txt)"
grep -q "Q_NOINLINE.*_callee(" mine.c || fail "no callee in mine.c"
grep -Eq "(long double|float|struct|\[)" <(grep "Q_NOINLINE.*_callee(" mine.c) && fail "mine made types beyond its four scalars"
run "${QUEST[@]}" "$DATA/mysuite.lua" -list
expect_out_contains "mine: 4 scalar kinds, up to 6 parameters"

# Errors name the file and line the $file/$line pragmas give.
run "${QUEST[@]}" "$DATA/broken.lua"
expect_rc 3
expect_err_contains "broken.lua:3: attempt to perform arithmetic on a nil value"

# A customisation point takes effect: ANSI.argc sets the parameter count.
run "${QUEST[@]}" -e 'ANSI.argc=R.unit(12)' 'ANSI.vargc=R.unit(0)' -n 5 -s 0 -seed 2
expect_rc 0
[[ $(grep "Q_NOINLINE.*_callee(" out | grep -c "arg11") == 5 ]] || fail "ANSI.argc=R.unit(12) was ignored"
grep "Q_NOINLINE.*_callee(" out | grep -q "arg12" && fail "more than 12 parameters"

# Quest.header, Quest.main and CMD.n from a file.
run "${QUEST[@]}" "$DATA/mymain.lua" -seed 3
expect_rc 0
expect_err_contains "my main: 2 cases of ansi"
expect_out_contains "/* my header */"
[[ $(grep -c "^/\* seed: " out) == 3 ]] || fail "CMD.n=2 did not give 2 cases (seed lines: $(grep -c '^/\* seed: ' out))"

# A field nothing reads is named, not silently dropped.
run "${QUEST[@]}" -e 'ANSI.argcc=R.unit(3)' -n 1 -seed 1
expect_rc 0
expect_err_contains "warning: ANSI.argcc was set, but nothing read it"
run "${QUEST[@]}" -e 'CMD.nn=3' -n 1 -seed 1
expect_err_contains "warning: CMD.nn was set"

# exit(n) ends the run with n; nothing is left half-written.
run "${QUEST[@]}" -2 -o gone -e 'function Quest.stereo(o) local m, c = Quest.open2(o.out); File.write(m, "x"); exit(3) end'
expect_rc 3
ls gone-* 2>/dev/null && fail "exit(3) left files: $(ls gone-*)"

# Without -unsafe, Lua writes only the two files -2 names.
run "${QUEST[@]}" -e 'File.open_out("elsewhere.c")'
expect_rc 3
expect_err_contains "run with -unsafe"
[[ -e elsewhere.c ]] && fail "File.open_out wrote elsewhere.c without -unsafe"

# The manual.
run "${QUEST[@]}" -man
expect_rc 0
expect_out_contains "DIFFERENCES FROM QUEST"
expect_out_contains "QUEST_ABORT"
echo "quest lua25: ok"
