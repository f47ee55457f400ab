# A C++ user's property tests under GoogleTest, as the README has them:
# testgen installed, find_package(testgen), TESTGEN_PROP with EXPECT_EQ
# inside, the codec under test built with testgen_instrument(). The test
# mode misses the planted bug; the instrumented fuzzing mode finds it,
# shrinks it, prints the replay line, keeps it, and the next run replays it
# first. Built with gcc (trace-pc) and, if present, clang 16 (inline 8-bit
# counters): both compilers' coverage paths.
source "$(dirname "$0")/lib.sh"
: "${BUILD_DIR:?}" "${SOURCE_DIR:?}"
cmake --install "$BUILD_DIR" --prefix "$WORK/prefix" >install.log

check_compiler() {
  local cxx=$1 build="$WORK/consumer-$1"
  cmake -S "$SOURCE_DIR/tests/install_consumer" -B "$build" -G Ninja -DCMAKE_PREFIX_PATH="$WORK/prefix" \
    -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_CXX_FLAGS="${CONSUMER_CXX_FLAGS:-}" >configure.log ||
    fail "$cxx: configure failed: $(cat configure.log)"
  cmake --build "$build" --target codec_test codec_test_plain >build.log 2>&1 || fail "$cxx: build failed: $(cat build.log)"
  rm -rf runs && mkdir runs && cd runs

  # Test mode: 200 inputs per property, the same ones every run; random
  # 32-bit values never hit the marker, so it passes and keeps nothing.
  run "$build/codec_test"
  expect_rc 0
  [[ ! -e .testgen ]] || fail "$cxx: a passing run wrote a failure database"

  # Fuzzing mode on the instrumented codec: the comparison with the marker
  # is a hint, coverage keeps the inputs that reach new code.
  TESTGEN_FUZZ_RUNS=200000 run "$build/codec_test" --gtest_filter=Codec.DecodeInvertsEncode
  expect_rc 1
  expect_out_contains "property Codec.DecodeInvertsEncode failed after"
  expect_out_contains "failure: gtest assertion at codec_test.cc:"
  # gtest's own message, from the rerun of the shrunk input, and the shrunk input itself.
  expect_out_contains "Which is: { -1234567 }"
  grep -qx "    \[-1234567\]" "$WORK/out" || fail "$cxx: not shrunk to [-1234567]: $(cat "$WORK/out")"
  replay=$(grep -o "TESTGEN_REPLAY=Codec.DecodeInvertsEncode:[^ ]*" "$WORK/out" | head -1)
  [[ -n $replay ]] || fail "$cxx: no replay line: $(cat "$WORK/out")"
  ls .testgen/Codec.DecodeInvertsEncode/*.json >/dev/null 2>&1 || fail "$cxx: the failure was not kept"

  # The next plain run (test mode) replays the kept failure first and fails.
  run "$build/codec_test"
  expect_rc 1
  expect_out_contains "failed on an input kept from an earlier run"

  # The replay line alone reproduces it, with no database.
  rm -rf .testgen
  env "$replay" TESTGEN_DB=off "$build/codec_test" --gtest_filter=Codec.DecodeInvertsEncode >out 2>err && fail "$cxx: the replay passed"
  grep -qF "failed on the input of TESTGEN_REPLAY" out || fail "$cxx: replay: $(cat out)"
  [[ ! -e .testgen ]] || fail "$cxx: TESTGEN_DB=off wrote a database"

  # The same tests on an uninstrumented codec: fuzzing has nothing to steer
  # by, says so, and misses the bug in as many runs.
  TESTGEN_FUZZ_RUNS=200000 run "$build/codec_test_plain" --gtest_filter=Codec.DecodeInvertsEncode
  expect_rc 0
  expect_err_contains "fuzzing without coverage feedback"

  # A typo in a variable is an error, not a silent test mode.
  TESTGEN_FUZZ_FOR=soon run "$build/codec_test" --gtest_filter=Codec.DecodeInvertsEncode
  expect_rc 1
  expect_out_contains "TESTGEN_FUZZ_FOR=soon: expected a duration"
  cd "$WORK"
}

check_compiler c++
# Under the sanitizer preset the libraries carry gcc's ASan, which clang's runtime cannot link with.
if command -v clang++-16 >/dev/null && [[ -z ${CONSUMER_CXX_FLAGS:-} ]]; then
  check_compiler clang++-16
fi
echo "property_gtest_test: test mode passes, instrumented fuzzing finds and shrinks the bug, the database and the replay line bring it back"
