#!/usr/bin/env bash
# What the service worker adds to a first visit of the four pages (bytes over the wire with the
# worker blocked and allowed, its own fetches included), and what its caches hold after a typical
# visit (bench/offline.mjs). OFFLINE_VERBOSE=1 lists the worker's requests.
# Usage: bench/offline.sh [BASE_URL]   (or BASE_URL=...; without one, a release server of this
# build is started on a free port and stopped at the end)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
. scripts/serve.sh
. bench/lib.sh
bench_npm
bench_start "${1:-}"
args=()
for i in "${!PAGE_NAMES[@]}"; do args+=("${PAGE_NAMES[$i]}=${PAGE_PATHS[$i]}"); done
node bench/offline.mjs "$BASE" "${args[@]}"
# Playwright sees the worker script's own download only as its headers: its size as sent.
printf '/sw.js as sent with brotli (the server compresses it at level 5): %s B\n' \
  "$(curl -s -H 'Accept-Encoding: br' -o /dev/null -w '%{size_download}' "$BASE/sw.js")"
