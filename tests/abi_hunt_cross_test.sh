# testgen abi hunt on other architectures: the cross gcc, a static link,
# qemu-user; the signature names the architecture and replay rebuilds it.
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
source "$here/abi_lib.sh"

# Another architecture: the cross gcc, a static link, qemu-user; the
# signature names the architecture and replay rebuilds it the same way.
run "$TESTGEN" abi hunt --arch riscv64 --pair 'gcc:gcc -fshort-enums' --test scalars --runs 32 --rng-seed 1 \
  --corpus-root cross -q
expect_rc 1
id=$(check_hunt 'gcc:gcc -fshort-enums' 'gcc:gcc -fshort-enums|riscv64|mismatch|layout|sizeof enum' 'void f(enum t_e1 {')
grep -q '^qemu-riscv64 ./case$' "cross/rejected/$id/commands.sh" || fail "commands: $(cat "cross/rejected/$id/commands.sh")"
check_reproducer "cross/rejected/$id"
run "$TESTGEN" abi hunt --arch aarch64 --pair gcc:clang --pair clang:gcc --test aggregates --runs 16 --rng-seed 1 -q
expect_rc 0

echo "abi hunt on other architectures: ok"
