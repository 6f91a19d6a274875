#!/usr/bin/env bash
# `advise` and `payouts` byte for byte against another revision (default:
# main): examples/bulk_dump.rs prices the same generated plans with this
# worktree's code and with REV's (exported with `git archive` into
# target/bulk/src-REV, the example copied in), and the outputs must be equal.
# The recorded corpus (scripts/corpus.sh) does not hold these two entry points.
#
#   scripts/bulk-check.sh [REV] [cases=300]
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_BUILD_JOBS="${CARGO_BUILD_JOBS:-1}"
here="$PWD"
rev="${1:-main}"
cases="${2:-300}"
hash="$(git rev-parse --short=12 "$rev")"
dir="$here/target/bulk/src-$hash"
if [ ! -d "$dir" ]; then
  mkdir -p "$dir"
  git archive "$hash" | tar -x -C "$dir"
fi
cp examples/bulk_dump.rs "$dir/examples/bulk_dump.rs"
(cd "$dir" && CARGO_TARGET_DIR="$here/target/bulk/target" cargo run --quiet --example bulk_dump -- "$cases") > target/bulk/expected.txt
cargo run --quiet --example bulk_dump -- "$cases" > target/bulk/actual.txt
if cmp -s target/bulk/expected.txt target/bulk/actual.txt; then
  echo "$(wc -l < target/bulk/actual.txt) advise and payouts cases byte-identical to $rev ($hash)"
else
  diff <(cut -c1-300 target/bulk/expected.txt) <(cut -c1-300 target/bulk/actual.txt) | head -20
  echo "advise/payouts differ from $rev ($hash)" >&2
  exit 1
fi
