#!/usr/bin/env bash
# Builds the WebAssembly package (pkg/) and copies it beside the page (www/pkg/).
#
# Three modules from the same crate (Cargo.toml [features] only choose the
# exports of src/wasm.rs), one per view that loads its own, each under the
# 100 KB gzip -9 budget (README "Measured"):
#   pkg/savings_plan_first.js + _bg.wasm      the first screen's (`first`): calculate,
#                                             compare, solveInstallment, validateProduct, catalog
#   pkg/savings_plan_statement.js + _bg.wasm  the statement view's (`statement`): reconcile
#   pkg/savings_plan_advice.js + _bg.wasm     the advice view's (`advice`): advise, payouts
# and pkg/savings_plan.js + .d.ts (scripts/pkg/), the whole engine's API over
# the three (every entry point; its init loads all three).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
modules=(first statement advice)
# wasm-opt runs here rather than in wasm-pack: the crate's flags (Cargo.toml
# [package.metadata.wasm-pack.profile.release]) and the module's own (wasm-opt-<module>,
# its optimisation level among them).
flags() { sed -n "s/^$1 = \[\(.*\)\]/\1/p" Cargo.toml | tr -d '",'; }
# A module's cargo profile: release-<module> where Cargo.toml has one (the advice
# view's, built for speed), release otherwise (opt-level "z").
profile() { if grep -q "^\[profile\.release-$1\]" Cargo.toml; then echo "release-$1"; else echo release; fi; }
rm -rf pkg
for m in "${modules[@]}"; do
  out=target/pkg-$m
  rm -rf "$out"
  wasm-pack build --no-opt --target web --profile "$(profile "$m")" --out-dir "$out" --out-name "savings_plan_$m" -- --no-default-features --features "$m"
  # shellcheck disable=SC2046
  wasm-opt $(flags wasm-opt) $(flags "wasm-opt-$m") "$out/savings_plan_${m}_bg.wasm" -o "$out/savings_plan_${m}_bg.wasm"
  mkdir -p pkg
  cp "$out/savings_plan_$m.js" "$out/savings_plan_${m}_bg.wasm" "$out/savings_plan_$m.d.ts" pkg/
done
cp target/pkg-first/package.json target/pkg-first/README.md pkg/
cp scripts/pkg/savings_plan.js pkg/
node scripts/pkg/compose.mjs
rm -rf www/pkg && mkdir -p www/pkg
cp pkg/*.js pkg/*.wasm pkg/*.d.ts pkg/package.json www/pkg/
# What a CDN serves and npm publishes: dist/, www/ with each .js and .css minified (scripts/minify.mjs).
node scripts/minify.mjs
