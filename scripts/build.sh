#!/usr/bin/env bash
# Builds the WebAssembly package (pkg/) and copies it beside the page (www/pkg/).
#
# Two modules from the same crate (Cargo.toml [features]):
#   pkg/savings_plan_first.js + _bg.wasm  the first screen's engine (no `full`):
#                                         calculate, compare, solveInstallment,
#                                         validateProduct, catalog
#   pkg/savings_plan.js + _bg.wasm        the whole engine (`full`, the default):
#                                         the same and reconcile; www/engine.js
#                                         loads it when a view first needs it
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
wasm-pack build --target web --release
first=target/pkg-first
rm -rf "$first"
wasm-pack build --target web --release --out-dir "$first" --out-name savings_plan_first -- --no-default-features
cp "$first"/savings_plan_first.js "$first"/savings_plan_first_bg.wasm "$first"/savings_plan_first.d.ts pkg/
# pkg/package.json lists the files npm packs: add the first screen's module.
node -e '
  const fs = require("fs");
  const pkg = JSON.parse(fs.readFileSync("pkg/package.json", "utf8"));
  for (const f of ["savings_plan_first_bg.wasm", "savings_plan_first.js", "savings_plan_first.d.ts"]) if (!pkg.files.includes(f)) pkg.files.push(f);
  fs.writeFileSync("pkg/package.json", JSON.stringify(pkg, null, 2) + "\n");
'
rm -rf www/pkg && mkdir -p www/pkg
cp pkg/savings_plan.js pkg/savings_plan_bg.wasm pkg/savings_plan.d.ts \
   pkg/savings_plan_first.js pkg/savings_plan_first_bg.wasm pkg/savings_plan_first.d.ts pkg/package.json www/pkg/
# What a CDN serves and npm publishes: dist/, www/ with each .js and .css minified (scripts/minify.mjs).
node scripts/minify.mjs
