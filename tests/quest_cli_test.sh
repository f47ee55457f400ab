# End-to-end tests of `testgen quest` and of the binary invoked as `quest`:
# the manual's examples, errors, determinism, two-file mode, reports.
source "$(dirname "$0")/lib.sh"

ln -s "$TESTGEN" quest
QUEST="$WORK/quest"

# --- Done means: a default file compiles cleanly and passes with gcc and clang
"$TESTGEN" quest -n 20 -s 2 > t.c
for cc in gcc clang; do
  $cc -std=c11 -Wall -Wextra -Werror t.c -o "t_$cc" || fail "$cc rejected the default output"
  run "./t_$cc"
  expect_rc 0
  [[ ! -s out ]] || fail "$cc: the program printed: $(head -3 out)"
done

# --- the same binary under the name quest behaves identically
"$TESTGEN" quest -n 5 -seed 11 -test scalars > a.c
"$QUEST" -n 5 -seed 11 -test scalars > b.c
diff <(tail -n +3 a.c) <(tail -n +3 b.c) > /dev/null || fail "quest and testgen quest differ beyond the command line"
run "$QUEST" -version
expect_rc 0
expect_out_contains "quest (testgen"

# --- -list shows quest's suites and the new ones, with their documentation
run "$QUEST" -list
expect_rc 0
for s in ansi cc gcc mips demo toy scalars aggregates complex int128 bitfields layout varargs registers all; do
  grep -q "^$s " out || fail "-list lacks $s"
done
expect_out_contains "gcc         gnu11  ansi plus GNU empty structs"

# --- the manual's examples, as printed (up to the random choices)
run "$QUEST" -n 3 -s 1 -try Test.ansi.result
expect_rc 0
[[ $(wc -l < out) == 3 ]] || fail "-try printed $(wc -l < out) lines"
run "$QUEST" -n 3 -s 0 'foo=R.oneof{R.any_int,R.any_float}' -try foo
expect_rc 0
grep -qvE '^(unsigned )?(char|short|int|long|long long|float|double)$' out && fail "-try foo printed non-scalars: $(cat out)"
[[ $(wc -l < out) == 3 ]] || fail "-try foo printed $(wc -l < out) lines"
printf 'R = Rand\nu = Uniq.make()\nprint(R.run(R.char,u,3))\nprint(R.run(R.pointer(R.oneof{R.char, R.int, R.long}),u,3))\nprint(R.run(R.array(R.char, R.integer(5)),u,3))\n' > session.lua
run "$QUEST" -i < session.lua
expect_rc 0
[[ "$(sed -n 1p out)" == "char" ]] || fail "-i: R.run(R.char) printed $(sed -n 1p out)"
grep -qE '^(char|int|long) \*$' out || fail "-i: no pointer type in $(cat out)"
grep -qE '^char \[[0-4]\]$' out || fail "-i: no char array in $(cat out)"
run "$QUEST" -help
expect_rc 0
for option in -test -list -n -s -1 -2 -o -seed -pattern -checks -try -e x=y FILE.lua -lua -i -help -version; do
  grep -qF -- "$option" out || fail "-help does not explain $option"
done
run "$TESTGEN" help quest
expect_rc 0
expect_out_contains "usage: testgen quest [-test SUITE]"
run "$QUEST" -lua
expect_rc 0
expect_out_contains "Test.ansi = {"

# --- errors: one line, naming the chunk or file and line, distinct exit codes
run "$QUEST" -test nosuch
expect_rc 2
expect_err_contains "quest: error: unknown suite 'nosuch' (suites: aggregates, all, ansi,"
run "$QUEST" -frob
expect_rc 2
expect_err_contains "quest: error: unknown option '-frob' (options: -test -list"
run "$QUEST" -n 2 -e 'x = ('
expect_rc 3
expect_err_line "quest: error: command line argument 4:1: unexpected symbol near <eof>"
printf 'Test.mine = {doc = "mine", test = function()\n  return nil + 1\nend}\n' > mine.lua
run "$QUEST" mine.lua -test mine
expect_rc 3
expect_err_line "quest: error: mine.lua:2: attempt to perform arithmetic on a nil value"
run "$QUEST" missing.lua
expect_rc 3
expect_err_line "quest: error: missing.lua: cannot read: No such file or directory"
printf 'Test.bad = {doc = "x", test = function() return {args = R.list(R.unit(1), R.bitfield(R.unit(3))),\n  varargs = R.list(R.unit(0), R.int), result = R.int, static = R.flip} end}\n' > bad.lua
run "$QUEST" bad.lua -test bad -n 1
expect_rc 4
expect_err_line "quest: error: suite bad: parameter 0: a bitfield outside a struct or union"
run "$QUEST" -n 1 -try 'R.pointer(R.integer(4))'
expect_rc 4
expect_err_contains "the generator produced a number, not a C type"

# --- determinism: the seed fixes types and values; a case's seed regenerates it
"$QUEST" -n 20 -seed 77 -test all > a.c
"$QUEST" -n 20 -seed 77 -test all > b.c
cmp -s a.c b.c || fail "same seed, different output"
seed=$(grep -o '^/\* seed: [0-9]* \*/' a.c | sed -n 7p | awk '{print $3}')
"$QUEST" -n 1 -seed "$seed" -test all > one.c
python3 - "$seed" <<'EOF' || fail "-seed $seed -n 1 does not reproduce case 6 byte for byte"
import sys
seed = sys.argv[1]
def block(path):
    t = open(path).read()
    start = t.index('\n/* seed: %s */' % seed)
    end = t.find('\n/* seed: ', start + 5)
    return t[start:end if end >= 0 else t.index('\nint main(void)')]
sys.exit(0 if block('a.c') == block('one.c') else 1)
EOF

# --- two files: written whole, compiled by two compilers, cross-checked
"$QUEST" -2 -o pair -n 20 -seed 5 -test all
[[ -s pair-main.c && -s pair-callee.c ]] || fail "-2 -o pair did not write pair-main.c and pair-callee.c"
ls pair-*.tmp-* 2>/dev/null && fail "temporary files left behind"
grep -q "int main(void)" pair-callee.c && fail "the callee file has a main"
gcc -std=c11 -Wall -Wextra -Werror -c pair-main.c -o m.o
clang -std=c11 -Wall -Wextra -Werror -c pair-callee.c -o c.o
gcc m.o c.o -o pair
run ./pair
expect_rc 0

# --- a real layout difference is reported field by field: -fshort-enums on one side
"$QUEST" -2 -o enums -n 20 -seed 4 -test scalars
gcc -std=c11 -c enums-main.c -o m.o
gcc -std=c11 -fshort-enums -c enums-callee.c -o c.o
gcc m.o c.o -o enums
run ./enums
lines=$(grep -c '^QUEST-MISMATCH ' out)
[[ $rc == "$lines" && $lines -gt 0 ]] || fail "exit $rc for $lines mismatch lines"
grep -qE '^QUEST-MISMATCH case=[0-9]+ seed=[0-9]+ function=layout field=sizeof:q[0-9a-f]+_e[0-9]+ expected=04000000(00000000)? received=01000000(00000000)?$' out ||
  fail "no sizeof mismatch line for an enum: $(head -3 out)"

# --- the exit status is capped so that it stays valid: 125 at most
"$QUEST" -2 -o many -n 1500 -seed 4 -test scalars
gcc -std=c11 -c many-main.c -o m.o
gcc -std=c11 -fshort-enums -c many-callee.c -o c.o
gcc m.o c.o -o many
run ./many
[[ $(grep -c '^QUEST-MISMATCH ' out) -gt 125 ]] || fail "expected more than 125 mismatches"
expect_rc 125

# --- pattern mode: values whose bytes name their field compile and pass
"$QUEST" -n 10 -seed 3 -pattern -test aggregates > pat.c
grep -qE '0x([1-9a-f])7\16\15\14\13\12\11\10ULL' pat.c || fail "no 8-byte pattern value (0xf7f6...f0) in pat.c"
gcc -std=c11 -Wall -Wextra -Werror pat.c -o pat
run ./pat
expect_rc 0

# --- -checks statements: one statement per value, no designated initializers
"$QUEST" -n 20 -seed 3 -checks statements -test ansi > st.c
grep -q "q_check_all(q_fn" st.c && fail "-checks statements still wrote a check table"
grep -q "= { \." st.c && fail "-checks statements used designated initializers"
gcc -std=c99 -w st.c -o st || fail "-checks statements does not compile"
run ./st
expect_rc 0
run "$QUEST" -checks nosuch
expect_rc 2
expect_err_contains "option -checks needs table or statements"

# --- -DQUEST_ABORT stops at the first mismatch, like quest's assert
"$QUEST" -2 -o abort -n 20 -seed 4 -test scalars
gcc -std=c11 -DQUEST_ABORT -c abort-main.c -o m.o
gcc -std=c11 -DQUEST_ABORT -fshort-enums -c abort-callee.c -o c.o
gcc m.o c.o -o abort
run ./abort
expect_rc 134
[[ $(grep -c '^QUEST-MISMATCH ' out) == 1 ]] || fail "QUEST_ABORT printed $(grep -c '^QUEST-MISMATCH ' out) mismatches, not 1"

echo "quest cli: ok"
