#!/usr/bin/env bash
# Builds testgen's libFuzzer targets (clang, ASan + UBSan: CMake preset fuzz)
# and runs each for SECONDS (default 60): first over its kept regression
# inputs (fuzz/regressions/<target>/, every one of which must pass), then
# fuzzing from them, keeping a growing corpus in build/fuzz/corpora/<target>/.
# A crash stops with the target's name and the input libFuzzer saved.
#   scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=(fuzz_tree_json fuzz_case_json fuzz_run_summary fuzz_scenario fuzz_expectations fuzz_lua_suite fuzz_bash_script)

[[ -f build/fuzz/build.ninja ]] || cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target "${targets[@]}" >/dev/null
for t in "${targets[@]}"; do
  regressions="fuzz/regressions/$t"
  corpus="build/fuzz/corpora/$t"
  mkdir -p "$corpus" "build/fuzz/crashes/$t"
  if compgen -G "$regressions/*" >/dev/null; then
    build/fuzz/fuzz/"$t" -runs=0 "$regressions"/* >/dev/null 2>"build/fuzz/crashes/$t/regressions.log" ||
      { echo "fuzz: $t fails on a kept regression input:" >&2; tail -30 "build/fuzz/crashes/$t/regressions.log" >&2; exit 1; }
  fi
  dirs=("$corpus")
  [[ -d "$regressions" ]] && dirs+=("$regressions")
  [[ -d "fuzz/seeds/$t" ]] && dirs+=("fuzz/seeds/$t")
  # The bash front's fuzzer starts from the example scripts.
  [[ $t == fuzz_bash_script ]] && dirs+=(examples/bash)
  if ! build/fuzz/fuzz/"$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
      -artifact_prefix="build/fuzz/crashes/$t/" "${dirs[@]}" >"build/fuzz/crashes/$t/fuzz.log" 2>&1; then
    echo "fuzz: $t found a failure (input in build/fuzz/crashes/$t/):" >&2
    grep -E "ERROR|SUMMARY|Test unit written|==[0-9]+==" "build/fuzz/crashes/$t/fuzz.log" | head -20 >&2
    exit 1
  fi
  runs=$(grep -oE "Done [0-9]+ runs" "build/fuzz/crashes/$t/fuzz.log" | tail -1 || true)
  echo "fuzz: $t: ${runs:-done} in ${seconds} s, no failure"
done
