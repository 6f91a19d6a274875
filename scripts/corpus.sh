#!/usr/bin/env bash
# The recorded corpus (tests/corpus.rs): the engine's JSON output for every
# vector and a few thousand generated plans, byte for byte.
#
#   scripts/corpus.sh record [REV]   record from REV's code (default: main) into
#                                    tests/data/corpus.digest (committed: id + digest
#                                    per case) and target/corpus/recorded.txt (full
#                                    text, for showing differences)
#   scripts/corpus.sh check          this worktree's output against the recording
#
# REV is exported with `git archive` into target/corpus/src-REV and built there
# with this file's generator, so both sides price the same documents; only the
# small adapter to the crate's API (tests/corpus/api*.rs) depends on the revision.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_BUILD_JOBS="${CARGO_BUILD_JOBS:-1}"
here="$PWD"
mkdir -p target/corpus

case "${1:-}" in
  record)
    rev="${2:-main}"
    hash="$(git rev-parse --short=12 "$rev")"
    dir="$here/target/corpus/src-$hash"
    rm -rf "$dir" && mkdir -p "$dir"
    git archive "$hash" | tar -x -C "$dir"
    mkdir -p "$dir/tests/corpus"
    cp tests/corpus.rs "$dir/tests/corpus.rs"
    if grep -q '^pub mod json;' "$dir/src/lib.rs"; then
      cp tests/corpus/api_json_module.rs "$dir/tests/corpus/api.rs"
    else
      cp tests/corpus/api.rs "$dir/tests/corpus/api.rs"
    fi
    (cd "$dir" && CARGO_TARGET_DIR="$here/target" CORPUS_RECORD="$here/target/corpus/recorded.txt" \
      cargo test --quiet --test corpus -- --ignored --nocapture)
    {
      echo "# recorded from $rev at $(git rev-parse "$hash") by scripts/corpus.sh"
      cut -f1,2 target/corpus/recorded.txt
    } > tests/data/corpus.digest
    rm -rf "$dir"
    echo "tests/data/corpus.digest: $(grep -vc '^#' tests/data/corpus.digest) cases from $rev ($hash)"
    ;;
  check)
    recorded="$here/target/corpus/recorded.txt"
    [ -f "$recorded" ] || recorded="$here/tests/data/corpus.digest"
    CORPUS_CHECK="$recorded" cargo test --quiet --test corpus -- --ignored --nocapture
    ;;
  *)
    sed -n '2,14p' "$0"
    exit 2
    ;;
esac
