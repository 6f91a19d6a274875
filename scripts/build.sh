#!/usr/bin/env bash
# Builds the WebAssembly package (pkg/) and copies it beside the page (www/pkg/).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
wasm-pack build --target web --release
rm -rf www/pkg && mkdir -p www/pkg
cp pkg/savings_plan.js pkg/savings_plan_bg.wasm pkg/savings_plan.d.ts pkg/package.json www/pkg/
