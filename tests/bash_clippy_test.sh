# Every crate the bash front writes, for every script of Debian's bash-doc
# examples and of examples/bash, builds offline and passes
# `cargo clippy --all-targets -- -D warnings` and `cargo fmt --check`.
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
corpus=/usr/share/doc/bash/examples/functions
[[ -d $corpus ]] || fail "bash-doc is not installed (make deps installs it)"
export CARGO_TARGET_DIR="$WORK/target" CARGO_NET_OFFLINE=true
checked=0
for script in "$corpus"/* "$here"/../examples/bash/*.sh; do
  name=$(basename "$script")
  run "$TESTGEN" bash -q "$script" -o "crates/$name"
  [[ $rc == 0 || $rc == 3 ]] || fail "$name: exit $rc: $(cat "$WORK/err")"
  (cd "crates/$name" && cargo clippy --offline -q --all-targets -- -D warnings >"$WORK/clippy" 2>&1) ||
    fail "$name: clippy: $(head -40 "$WORK/clippy")"
  (cd "crates/$name" && cargo fmt --check >"$WORK/fmt" 2>&1) || fail "$name: rustfmt: $(head -20 "$WORK/fmt")"
  checked=$((checked + 1))
done
(( checked >= 30 )) || fail "only $checked scripts"
echo "bash clippy: $checked crates clean"
