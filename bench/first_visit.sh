#!/usr/bin/env bash
# First visit weight of four pages (home, a guide, the checker's first question, status): each
# opened in a fresh Chromium context (empty cache) as an emulated Pixel 7, until the network is
# idle and the app has hydrated; prints requests and bytes transferred per page, and the guide
# against the 200 KB target. FIRST_VISIT_VERBOSE=1 also lists every request.
# Usage: bench/first_visit.sh [BASE_URL]   (or BASE_URL=...; without one, a release server of this
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
node bench/first_visit.mjs "$BASE" "${args[@]}"
