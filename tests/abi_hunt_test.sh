# End-to-end tests of `testgen abi hunt` with real ABI differences: gcc with
# and without -fshort-enums, -fpcc-struct-return and -fpack-struct must each
# be found within a small budget and reduced to one small function, whose
# case directory holds a reproducer that still fails, by replay and by its
# own commands.sh. (Other architectures: abi_hunt_cross_test.sh; minimize,
# determinism, expectations and bad input: abi_hunt_more_test.sh.)
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
source "$here/abi_lib.sh"

# -fshort-enums: enums shrink to one byte on the callee side.
run "$TESTGEN" abi hunt --pair 'gcc:gcc -fshort-enums' --test scalars --runs 40 --rng-seed 1 --corpus-root corpus -q
expect_rc 1
id=$(check_hunt 'gcc:gcc -fshort-enums' 'gcc:gcc -fshort-enums|x86_64|mismatch|layout|sizeof enum' 'void f(enum t_e1 {')
check_reproducer "corpus/rejected/$id"
grep -q '^field:     sizeof:q1_e1$' "corpus/rejected/$id/report.txt" || fail "report: $(cat "corpus/rejected/$id/report.txt")"
grep -q '^expected:  0400000000000000$' "corpus/rejected/$id/report.txt" || fail "report: $(cat "corpus/rejected/$id/report.txt")"
grep -q '^received:  0100000000000000$' "corpus/rejected/$id/report.txt" || fail "report: $(cat "corpus/rejected/$id/report.txt")"

# -fpcc-struct-return: every struct is returned through memory on the callee side.
run "$TESTGEN" abi hunt --pair 'gcc:gcc -fpcc-struct-return' --test aggregates --runs 32 --rng-seed 1 \
  --shrink-calls 60 --run-timeout 1 --corpus-root corpus -q
expect_rc 1
id=$(check_hunt 'gcc:gcc -fpcc-struct-return' 'gcc:gcc -fpcc-struct-return|x86_64|' 'struct t_s1 {')
check_reproducer "corpus/rejected/$id"

# -fpack-struct: members lose their alignment on the callee side.
run "$TESTGEN" abi hunt --pair 'gcc:gcc -fpack-struct' --test aggregates --runs 16 --rng-seed 1 \
  --shrink-calls 60 --run-timeout 1 --corpus-root corpus -q
expect_rc 1
id=$(check_hunt 'gcc:gcc -fpack-struct' 'gcc:gcc -fpack-struct|x86_64|mismatch|layout|' 'void f(struct t_s1 {')
check_reproducer "corpus/rejected/$id"

echo "abi hunt: ok"
