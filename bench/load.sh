#!/usr/bin/env bash
# Load test: wrk (THREADS=2, CONNECTIONS=256, DURATION=30s) on a mix of pages (bench/mix.lua:
# home in three languages, a guide, the guide list, the checker's start and first question, status,
# news and the stylesheet). Prints requests per second, p50/p99 latency and errors, and exits
# non-zero on any error at all: a socket error (connect, read, write, timeout) or a status of 400
# or more. A read error is usually the server dropping a connection (a panicking handler does).
# Usage: bench/load.sh [BASE_URL]   (or BASE_URL=...; without one, a release server of this build
# is started on a free port and stopped at the end). The test script runs DURATION=5s.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
. scripts/serve.sh
. bench/lib.sh
duration="${DURATION:-30s}" connections="${CONNECTIONS:-256}" threads="${THREADS:-2}"
bench_wrk
bench_start "${1:-}"
css="$(curl -fsS "$BASE/en/" | grep -o 'href="/pkg/[^"]*\.css"' | sed -n '1s|href="\(.*\)"|\1|p')"
paths=(/en/ /az/ /ru/ "${PAGE_PATHS[1]}" /en/procedures /en/check/stay "${PAGE_PATHS[2]}" /en/status /en/news ${css:+"$css"})
# Every path must answer 200 on its own first: a redirect or an error would pass for load.
for path in "${paths[@]}"; do
  status="$(curl -sS -o /dev/null -w '%{http_code}' "$BASE$path")"
  [ "$status" = 200 ] || { echo "$BASE$path answered $status, not 200"; exit 1; }
done

echo "wrk: $threads threads, $connections connections, $duration on $BASE, rotating over:"
printf '  %s\n' "${paths[@]}"
# --timeout 10s: on two busy cores a slow answer is not an error; anything that still fails is.
out="$(wrk -t"$threads" -c"$connections" -d"$duration" --timeout 10s -s bench/mix.lua "$BASE" -- "${paths[@]}" 2>&1)" ||
  { echo "$out"; echo "wrk failed"; exit 1; }
result="$(grep '^RESULT ' <<<"$out")" || { echo "$out"; echo "no result from wrk"; exit 1; }
read -r _ rps p50 p99 requests status connect read_e write_e timeout <<<"$result"
errors=$((status + connect + read_e + write_e + timeout))

echo
printf '%-10s %10s %10s %10s %10s %8s %8s %8s %8s %10s\n' \
  requests 'req/s' 'p50 ms' 'p99 ms' 'status>=400' connect read write timeout 'all errors'
printf '%-10s %10s %10s %10s %10s %8s %8s %8s %8s %10s\n' \
  "$requests" "$rps" "$p50" "$p99" "$status" "$connect" "$read_e" "$write_e" "$timeout" "$errors"
echo
if [ "$errors" = 0 ]; then
  echo "load: no errors"
else
  echo "load: FAILED with $errors errors"
  exit 1
fi
