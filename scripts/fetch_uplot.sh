#!/usr/bin/env bash
# Fetches uPlot (the charting library `testgen report` embeds in its pages) as
# an npm package (npm pack: no install, no lock file) and unpacks its
# minified script, stylesheet and licence into DEST. Called by CMake at
# configure time; does nothing when DEST holds the pinned version. The
# tarball's SHA-256 is pinned so a changed package is refused, not built.
set -euo pipefail

dest=${1:?usage: fetch_uplot.sh DEST}
package=uplot@1.6.32
tgz=uplot-1.6.32.tgz
sha256=4b8a8191e425658e3ea8c8c1314b0fc679c861ee3a1af2b20c7b16ba50b5133d
stamp="$dest/.fetched-$package"
[[ -f "$stamp" ]] && exit 0

command -v npm >/dev/null || { echo "fetch_uplot: npm is missing (make deps installs it)" >&2; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/testgen-uplot.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "$package" >/dev/null) ||
  { echo "fetch_uplot: npm pack $package failed (no network to the npm registry?)" >&2; exit 1; }
got=$(sha256sum "$tmp/$tgz" | cut -d' ' -f1)
[[ "$got" == "$sha256" ]] || { echo "fetch_uplot: $tgz has SHA-256 $got, expected $sha256" >&2; exit 1; }
mkdir -p "$tmp/x"
tar xzf "$tmp/$tgz" -C "$tmp/x" --strip-components=1 package/dist/uPlot.iife.min.js package/dist/uPlot.min.css package/LICENSE
rm -rf "$dest.new"
mkdir -p "$dest.new"
mv "$tmp/x/dist/uPlot.iife.min.js" "$tmp/x/dist/uPlot.min.css" "$tmp/x/LICENSE" "$dest.new/"
touch "$dest.new/.fetched-$package"
rm -rf "$dest"
mv "$dest.new" "$dest"
