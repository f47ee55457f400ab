#!/usr/bin/env bash
# `cmake --install` into a fresh prefix, then build and run a consumer that
# uses find_package(testgen).
source "$(dirname "$0")/lib.sh"
: "${BUILD_DIR:?}" "${SOURCE_DIR:?}"
cmake --install "$BUILD_DIR" --prefix "$WORK/prefix" > install.log
[[ -x "$WORK/prefix/bin/testgen" ]] || fail "no binary installed"
[[ -f "$WORK/prefix/include/testgen/gen.h" ]] || fail "no headers installed"
[[ -f "$WORK/prefix/include/testgen/version.h" ]] || fail "no version header installed"
# The manual page, generated from the table of subcommands: every subcommand has its section.
man1="$WORK/prefix/share/man/man1/testgen.1"
[[ -f "$man1" ]] || fail "no manual page installed"
for s in quest "abi hunt" puzzle seed-index fuzz campaign "corpus merge" report replay minimize; do
  grep -q "^.SS \"testgen $s\"" "$man1" || fail "the manual page lacks testgen $s"
done
grep -q "^.SH EXIT STATUS" "$man1" || fail "the manual page lacks the exit status"
# The consumer is built with the flags the libraries were built with (sanitizers, in the asan preset).
cmake -S "$SOURCE_DIR/tests/install_consumer" -B consumer -G Ninja -DCMAKE_PREFIX_PATH="$WORK/prefix" \
  -DCMAKE_CXX_FLAGS="${CONSUMER_CXX_FLAGS:-}" > configure.log \
  || fail "configure failed: $(cat configure.log)"
cmake --build consumer --target property_example > build.log 2>&1 || fail "build failed: $(cat build.log)"
run ./consumer/property_example
expect_rc 0
# Shrunk: the smallest-first list whose sum reaches 100 with elements <= 50.
[[ "$(cat out)" == *": [50, 50]" ]] || fail "unexpected: $(cat out)"
"$WORK/prefix/bin/testgen" --version > /dev/null || fail "installed binary does not run"
[[ -L "$WORK/prefix/bin/quest" ]] || fail "no quest link installed"
"$WORK/prefix/bin/quest" -n 1 -seed 1 | grep -q "int main(void)" || fail "the installed quest link does not generate C"
echo "install_test: ok ($(cat out))"
