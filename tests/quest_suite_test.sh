# Compile-and-run test of one quest suite (SUITE in the environment): the
# emitted C must compile without warnings under -Wall -Wextra -Werror with
# gcc and clang, at -O0 and -O2, in one file and as two files compiled by
# different compilers, and the programs must find nothing, except where a
# compiler bug is known (then the test insists on finding it).
source "$(dirname "$0")/lib.sh"
: "${SUITE:?SUITE names the suite to test}"

std=$("$TESTGEN" quest -list | awk -v s="$SUITE" '$1 == s { print $2 }')
[[ -n "$std" ]] || fail "suite $SUITE is not listed"
flags=(-std="$std" -Wall -Wextra -Werror)

# clang 14 puts an __int128 passed on the stack at an 8-byte boundary where
# the x86-64 psABI (and gcc) put it at 16 (LLVM issue 41784): every run
# with clang in it must report such 16-byte values (the arguments after
# them on the stack come out shifted too).
known_clang_int128_bug() { [[ "$SUITE" == int128 && "$1" == *clang* ]]; }

# gcc and clang pass a struct holding a GNU zero-length array differently
# (gcc's -Wpsabi note says its own ABI for these changed in 4.4): between
# the two, every case that reports a mismatch must contain such an array.
known_zero_length_difference() {
  [[ ("$SUITE" == gcc || "$SUITE" == layout) && ("$1" == gcc:clang* || "$1" == clang:gcc*) ]]
}

# Every case with a mismatch in ./out has a zero-length array in FILE.
mismatches_have_zero_length_arrays() {
  python3 - "$1" <<'EOF'
import re, sys
text = open(sys.argv[1]).read()
seeds = {m.group(1) for m in re.finditer(r'^QUEST-MISMATCH case=\d+ seed=(\d+) ', open('out').read(), re.M)}
for seed in seeds:
    start = text.index('\n/* seed: %s */' % seed)
    end = text.find('\n/* seed: ', start + 5)
    if '[0];' not in text[start:end if end >= 0 else len(text)]:
        sys.exit('case with seed %s has no zero-length array' % seed)
EOF
}

# check NAME: runs ./NAME and checks its verdict for compilers $1.
check() {
  local program=$1 compilers=$2
  run "./$program"
  if known_clang_int128_bug "$compilers"; then
    [[ $rc -gt 0 ]] || fail "$compilers: the known __int128 bug was not found"
    grep -qE '^QUEST-MISMATCH .* expected=[0-9a-f]{32} received=[0-9a-f]{32}$' out ||
      fail "$compilers: no wrong 16-byte value among: $(head -2 out)"
    return 0
  fi
  if known_zero_length_difference "$compilers" && [[ $rc != 0 ]]; then
    mismatches_have_zero_length_arrays two-callee.c || fail "$compilers: $(head -3 out)"
    return 0
  fi
  [[ $rc == 0 && ! -s out ]] || fail "$compilers: exit $rc: $(head -3 out)"
}

for seed in 1 2; do
  "$TESTGEN" quest -test "$SUITE" -n 20 -seed "$seed" > one.c
  for cc in gcc clang; do
    for opt in -O0 -O2; do
      $cc "${flags[@]}" $opt one.c -o one || fail "$cc $opt rejected suite $SUITE, seed $seed"
      check one "$cc $opt seed $seed"
    done
  done
done

"$TESTGEN" quest -test "$SUITE" -n 20 -seed 3 -2 -o two
for pair in gcc:clang clang:gcc; do
  for opt in -O0 -O2; do
    caller=${pair%:*} callee=${pair#*:}
    $caller "${flags[@]}" $opt -c two-main.c -o main.o || fail "$caller $opt rejected two-main.c"
    $callee "${flags[@]}" $opt -c two-callee.c -o callee.o || fail "$callee $opt rejected two-callee.c"
    gcc main.o callee.o -o two
    check two "$pair $opt"
  done
done

# tcc and pcc, where installed, with the suites whose C they accept and get
# right here: toy everywhere, and scalars with tcc.
other_pairs=()
case "$SUITE" in
  toy) other_pairs=(gcc:tcc tcc:gcc gcc:pcc pcc:gcc) ;;
  scalars) other_pairs=(gcc:tcc tcc:gcc) ;;
esac
for pair in "${other_pairs[@]}"; do
  caller=${pair%:*} callee=${pair#*:}
  command -v "$caller" > /dev/null && command -v "$callee" > /dev/null || continue
  $caller -std=c11 -c two-main.c -o main.o 2> /dev/null || fail "$caller rejected two-main.c"
  $callee -std=c11 -c two-callee.c -o callee.o 2> /dev/null || fail "$callee rejected two-callee.c"
  gcc main.o callee.o -o two -z noexecstack /usr/lib/x86_64-linux-gnu/tcc/libtcc1.a 2> /dev/null ||
    gcc main.o callee.o -o two -z noexecstack
  check two "$pair"
done

echo "quest suite $SUITE: ok"
