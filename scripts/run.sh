#!/usr/bin/env bash
# Builds the release site and serves it on http://127.0.0.1:3000 (LEPTOS_SITE_ADDR to change).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
. scripts/env.sh
cargo leptos build --release --precompress --split
echo "serving on http://${LEPTOS_SITE_ADDR:-127.0.0.1:3000}/ (Ctrl-C to stop)"
LEPTOS_SITE_ROOT="${LEPTOS_SITE_ROOT:-target/site}" LEPTOS_ENV=PROD \
  exec "$CARGO_TARGET_DIR/release/smsite"
