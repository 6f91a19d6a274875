#!/usr/bin/env bash
# Size and speed report: builds pkg/, runs the native criterion benchmark,
# then times the WebAssembly package in Node. Figures go to stdout as Markdown.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
scripts/setup.sh >/dev/null
wasm-pack build --target web --release >/dev/null 2>&1
cargo bench --bench engine -- --warm-up-time 1 --measurement-time 3 >/dev/null 2>&1
node scripts/bench.mjs
