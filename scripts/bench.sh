#!/usr/bin/env bash
# `make bench`: micro-benchmarks as ratios against the raw-RNG baseline of the
# same run, then the ablation table (runs to crack each puzzle, 20 seeds).
set -euo pipefail
build=${1:-build/default}
out=$(mktemp)
trap 'rm -f "$out"' EXIT

echo "== engine micro-benchmarks (bench/engine_bench.cc) =="
"$build/bench/engine_bench" --benchmark_min_time=0.2 --benchmark_format=json --benchmark_out="$out" \
  --benchmark_out_format=json > /dev/null
python3 - "$out" <<'PY'
import json, sys
rows = json.load(open(sys.argv[1]))["benchmarks"]
base = next(r for r in rows if r["name"] == "BM_RawRngBetween")
base_ns = base["cpu_time"]
print(f"{'benchmark':<30} {'ns/iter':>10} {'items/s':>12} {'vs raw RNG draw':>16}")
for r in rows:
    ips = r.get("items_per_second")
    extra = f"   oracle calls: {r['oracle_calls']:.0f}" if "oracle_calls" in r else ""
    per_item = r["cpu_time"] / (ips * r["cpu_time"] * 1e-9) if ips else r["cpu_time"]
    print(f"{r['name']:<30} {r['cpu_time']:>10.1f} {ips or 0:>12.3g} {per_item / base_ns:>15.1f}x{extra}")
print("(last column: cost per item (decision) relative to one raw RNG draw of the same run)")
PY

echo
echo "== ablation (bench/ablation.cc) =="
"$build/bench/ablation" "${SEEDS:-20}" "${MAX_RUNS:-200000}"

echo
echo "== quest generation (bench/quest_bench.py) =="
python3 bench/quest_bench.py "$build/testgen" "${REPEATS:-5}"
