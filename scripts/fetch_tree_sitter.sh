#!/usr/bin/env bash
# Fetches the tree-sitter runtime and the bash and Rust grammars as npm packages (npm
# pack: no install, no lock file) and unpacks them into DEST. Called by CMake
# at configure time; does nothing when DEST already holds the pinned versions.
# The tarballs' SHA-256 are pinned so a changed package is refused, not built.
set -euo pipefail

dest=${1:?usage: fetch_tree_sitter.sh DEST}
runtime=tree-sitter@0.25.0
grammar=tree-sitter-bash@0.25.1
rust_grammar=tree-sitter-rust@0.24.0
declare -A sha256=(
  [tree-sitter-0.25.0.tgz]=016448ee8e2c23aed7e1155c118cd66cd026e6436f7394b3f3606d30bf9aaa4a
  [tree-sitter-bash-0.25.1.tgz]=d4b2819508ea97cb8953fff7e304a610d443007bd395c8f03a15de9a8ae4a6f9
  [tree-sitter-rust-0.24.0.tgz]=4248da0b9ea40fec13ef010822e7b92a9d1ebdf74f6f2733539b1dbbb086c5bb
)
stamp="$dest/.fetched-$runtime-$grammar-$rust_grammar"
[[ -f "$stamp" ]] && exit 0

command -v npm >/dev/null || { echo "fetch_tree_sitter: npm is missing (make deps installs it)" >&2; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/testgen-ts.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "$runtime" "$grammar" "$rust_grammar" >/dev/null) ||
  { echo "fetch_tree_sitter: npm pack $runtime $grammar $rust_grammar failed (no network to the npm registry?)" >&2; exit 1; }
for tgz in "${!sha256[@]}"; do
  got=$(sha256sum "$tmp/$tgz" | cut -d' ' -f1)
  [[ "$got" == "${sha256[$tgz]}" ]] ||
    { echo "fetch_tree_sitter: $tgz has SHA-256 $got, expected ${sha256[$tgz]}" >&2; exit 1; }
done
mkdir -p "$tmp/runtime" "$tmp/grammar" "$tmp/rust-grammar"
tar xzf "$tmp/tree-sitter-0.25.0.tgz" -C "$tmp/runtime" --strip-components=1
tar xzf "$tmp/tree-sitter-bash-0.25.1.tgz" -C "$tmp/grammar" --strip-components=1
tar xzf "$tmp/tree-sitter-rust-0.24.0.tgz" -C "$tmp/rust-grammar" --strip-components=1
# Replace DEST as a whole so an interrupted fetch never leaves half a tree.
rm -rf "$dest.new"
mkdir -p "$dest.new"
mv "$tmp/runtime" "$tmp/grammar" "$tmp/rust-grammar" "$dest.new/"
touch "$dest.new/.fetched-$runtime-$grammar-$rust_grammar"
rm -rf "$dest"
mv "$dest.new" "$dest"
