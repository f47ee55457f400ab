# Golden tests: the C emitted for fixed seeds, byte for byte. After an
# intended change of the output, regenerate with
#   UPDATE_GOLDEN=1 TESTGEN=$PWD/build/default/testgen GOLDEN_DIR=$PWD/tests/golden bash tests/quest_golden_test.sh
# and review the diff.
source "$(dirname "$0")/lib.sh"
: "${GOLDEN_DIR:?GOLDEN_DIR points at tests/golden}"

# name: arguments
cases=(
  "ansi-seed1.c:-test ansi -n 2 -seed 1"
  "all-seed2.c:-test all -n 2 -s 1 -seed 2"
  "bitfields-pattern-seed3.c:-test bitfields -n 1 -seed 3 -pattern"
  "scalars-seed4:-test scalars -n 1 -seed 4 -2 -o scalars-seed4"
)
for entry in "${cases[@]}"; do
  name=${entry%%:*}
  read -r -a args <<< "${entry#*:}"
  if [[ "$name" == *.c ]]; then
    "$TESTGEN" quest "${args[@]}" > "$name"
    files=("$name")
  else
    "$TESTGEN" quest "${args[@]}"
    files=("$name-main.c" "$name-callee.c")
  fi
  for f in "${files[@]}"; do
    if [[ -n "${UPDATE_GOLDEN:-}" ]]; then
      cp "$f" "$GOLDEN_DIR/$f"
    else
      diff -u "$GOLDEN_DIR/$f" "$f" > diff.txt || fail "$f differs from its golden file:
$(head -40 diff.txt)"
    fi
  done
done
echo "quest golden: ok"
