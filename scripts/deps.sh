#!/usr/bin/env bash
# Installs the Debian packages testgen needs, and nothing when all are present.
# Idempotent and quiet on a machine that already has everything.
set -euo pipefail

packages=(
  cmake ninja-build g++ pkg-config make python3
  libgtest-dev libbenchmark-dev
  nlohmann-json3-dev libcli11-dev libfmt-dev libxxhash-dev liblua5.4-dev
  # compilers the quest front's tests compile and cross-link with
  clang tcc pcc
  # the abi hunt: expectations files, and other architectures under qemu-user
  libtomlplusplus-dev qemu-user
  gcc-aarch64-linux-gnu libc6-dev-arm64-cross
  gcc-riscv64-linux-gnu libc6-dev-riscv64-cross
  # GNU time: the peak memory figures of bench/quest_bench.py
  time
  # libFuzzer targets of our own readers (fuzz/): clang 16 has the C++20
  # library support (std::source_location) that clang 14 lacks
  clang-16 libclang-rt-16-dev
  # the bash front: real-world bash functions to translate and check
  bash-doc
  # generated crates' tests: Debian's proptest (offline), and llvm-22, whose
  # llvm-profdata / llvm-cov read rustc 1.95's coverage profiles
  librust-proptest-dev librust-proptest+std-dev llvm-22
  # the property-testing benchmarks (bench/pbt) compare against RapidCheck
  librapidcheck-dev
  # shards on a real scheduler: the cluster test starts a single-node Slurm
  slurmctld slurmd slurm-client munge
  # the report's browser test renders it in headless Chromium
  chromium
)
# npm fetches tree-sitter and tree-sitter-bash at configure time; it comes
# with the nodejs package on some machines and as its own package on others.
command -v npm >/dev/null || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

sudo=""
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "deps: need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
echo "deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
# A fresh machine may have empty or stale package lists.
$sudo apt-get update -qq >/dev/null
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
