#!/usr/bin/env bash
# Installs everything the build and the tests need, skipping what is present.
# Idempotent: on a machine that has run it once it finishes in seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

export PATH="$HOME/.cargo/bin:$PATH"

step() { printf '\n== %s\n' "$*"; }

step "rust target wasm32-unknown-unknown"
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi

step "wasm-bindgen-cli 0.2.130 (must match the crate's pinned wasm-bindgen)"
if ! wasm-bindgen --version 2>/dev/null | grep -q ' 0.2.130'; then
  # no --locked: the registry copy lacks a locked dependency
  cargo install wasm-bindgen-cli --version 0.2.130
fi

step "wasm-pack 0.15.1"
if ! wasm-pack --version 2>/dev/null | grep -q ' 0.15.1'; then
  cargo install wasm-pack --version 0.15.1 --locked
fi

step "Debian chromium, chromedriver, CJK fonts"
if ! [ -x /usr/bin/chromium ] || ! [ -x /usr/bin/chromedriver ] || ! fc-list 2>/dev/null | grep -qi 'Noto.*CJK'; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver fonts-noto-cjk >/dev/null
  else
    sudo apt-get update -qq
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver fonts-noto-cjk >/dev/null
  fi
fi

step "poppler-utils (pdfinfo, pdftotext, pdftoppm: the printed quote's tests and renderings)"
if ! command -v pdfinfo >/dev/null || ! command -v pdftotext >/dev/null || ! command -v pdftoppm >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null
  else
    sudo apt-get update -qq
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null
  fi
fi

step "node tooling (binaryen's wasm-opt, playwright-core, axe-core)"
if [ ! -d tools/node_modules ] || [ tools/package.json -nt tools/node_modules/.installed ]; then
  (cd tools && npm install --no-audit --no-fund --loglevel=error && touch node_modules/.installed)
fi
if [ -f tests/browser/package.json ] && { [ ! -d tests/browser/node_modules ] || [ tests/browser/package.json -nt tests/browser/node_modules/.installed ]; }; then
  (cd tests/browser && npm install --no-audit --no-fund --loglevel=error && touch node_modules/.installed)
fi
echo "setup done"
