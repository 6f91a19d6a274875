#!/usr/bin/env bash
# Where the .wasm bytes are, for the three modules of the package (scripts/build.sh):
# each built as shipped (wasm-bindgen, then wasm-opt with the crate's flags)
# but keeping the function names, then
#   - the shipped files' sizes, raw and gzip -9;
#   - code bytes per crate and the largest functions (scripts/wasm-sizes.py);
#   - with twiggy installed (`cargo install twiggy`): the dominator tree's top
#     level, where each entry point's line is what it alone keeps alive (the
#     bytes that would go if it were not exported).
#
#   scripts/wasm-sizes.sh [N]      N largest functions per module (default 25)
#
# Output goes to stdout; the named builds stay in target/wasm-sizes/.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CARGO_BUILD_JOBS="${CARGO_BUILD_JOBS:-1}"
top="${1:-25}"
out=target/wasm-sizes
mkdir -p "$out"
# The crate's wasm-opt flags and each module's own (Cargo.toml, as scripts/build.sh),
# plus -g to keep the name section.
flags() { sed -n "s/^$1 = \[\(.*\)\]/\1/p" Cargo.toml | tr -d '",'; }
profile() { if grep -q "^\[profile\.release-$1\]" Cargo.toml; then echo "release-$1"; else echo release; fi; }

gz() { gzip -9c "$1" | wc -c; }

for view in first statement advice; do
  module=savings_plan_$view
  cargo build --quiet --profile "$(profile "$view")" --target wasm32-unknown-unknown --lib --no-default-features --features "$view"
  wasm-bindgen --target web --keep-debug --out-dir "$out/$module" --out-name "$module" "target/wasm32-unknown-unknown/$(profile "$view")/savings_plan.wasm"
  # shellcheck disable=SC2086
  wasm-opt $(flags wasm-opt) $(flags "wasm-opt-$view") -g "$out/$module/${module}_bg.wasm" -o "$out/$module.named.wasm"
  shipped="pkg/${module}_bg.wasm"
  printf '\n==== %s\n' "$module"
  if [ -f "$shipped" ]; then
    printf 'shipped %s: %s B raw, %s B gzip -9\n' "$shipped" "$(stat -c %s "$shipped")" "$(gz "$shipped")"
  fi
  python3 scripts/wasm-sizes.py "$out/$module.named.wasm" "$top"
  if command -v twiggy >/dev/null; then
    # An export's subtree is what only it uses; what several use sits under the
    # shared function (price::price: the whole pricing) or the indirect-call table
    # (core::fmt's Display impls, the allocator's callbacks).
    printf '\n-- dominator tree, top level (twiggy; raw bytes of the named build, names excluded)\n'
    twiggy dominators -d 1 "$out/$module.named.wasm" 2>/dev/null | grep -v '"function names"' | sed -n '3,24p' || true
  fi
done
