#!/usr/bin/env bash
# The product: installs what is missing, builds the engine for the browser,
# and serves the page on localhost (prints its address).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
exec node scripts/serve.mjs --root www --port "${PORT:-8080}"
