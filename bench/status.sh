#!/usr/bin/env bash
# Status lookup throughput and latency: 100,000 fake applications imported into a fresh database,
# then wrk (64 connections, 20 s) POSTs lookups of random ones (one in five with a wrong date of
# birth). Prints the import time, requests per second and p50/p99 latency.
# Run after a release build (`make run` or `make test`).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
. scripts/serve.sh
command -v wrk >/dev/null || { echo "installing wrk"; apt-get install -y -qq wrk >/dev/null; }
count="${BENCH_APPLICATIONS:-100000}"
work="$(mktemp -d)"
trap 'stop_server; rm -rf "$work"' EXIT
python3 bench/gen_feed.py "$count" "$work/feed.csv" "$work/lookups.lua"
export SMSITE_DATABASE="$work/status.sqlite3" SMSITE_DEMO_DATA=0 SMSITE_STATUS_LIMIT=1000000000
t0=$(date +%s.%N)
"$CARGO_TARGET_DIR/release/smsite" import "$work/feed.csv" >/dev/null 2>&1
t1=$(date +%s.%N)
printf 'import of %s applications (%s events): %.1f s\n' "$count" "$((count * 2))" "$(echo "$t1 - $t0" | bc)"
start_server "${BENCH_PORT:-3300}" "$work/server.log"
wrk -t2 -c64 -d"${BENCH_SECONDS:-20}"s --latency -s "$work/lookups.lua" \
  "http://127.0.0.1:${BENCH_PORT:-3300}/api/v1/applications/status" | grep -E 'Requests/sec|Latency|p50|99%|Non-2xx|requests in'
