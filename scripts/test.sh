#!/usr/bin/env bash
# Every test: native engine tests, the WebAssembly build under Node and in
# headless Chromium, the shipped package under node --test, and the page in
# Chromium through Playwright. What .ci/run runs.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
step() { printf '\n==== %s\n' "$*"; }

step "setup"
scripts/setup.sh

step "engine: unit, integration, property, robustness and doc tests (cargo test)"
cargo test --all-targets --quiet
cargo test --doc --quiet

step "build pkg/ and www/pkg/"
scripts/build.sh >/dev/null 2>&1 || scripts/build.sh

step "wasm-bindgen-test under Node"
wasm-pack test --node -- --test wasm

step "wasm-bindgen-test in headless Chromium"
wasm-pack test --headless --chrome --chromedriver /usr/bin/chromedriver -- --test wasm_browser

step "the shipped package under node --test"
node --test tests/node/

if [ -d tests/browser ] && ls tests/browser/*.test.mjs >/dev/null 2>&1; then
  step "the page in Chromium (Playwright)"
  node --test --test-concurrency=1 tests/browser/
fi
