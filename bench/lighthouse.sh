#!/usr/bin/env bash
# Lighthouse on four pages (home, a guide, the checker's first question, status) with its defaults:
# mobile form factor, simulated throttling. Prints the performance, accessibility, best-practices
# and SEO scores per page against the targets (performance >= 95, the others 100) and every audit
# that keeps a score below target, with the elements it names. The full reports (JSON and HTML)
# stay in bench/out/lighthouse/.
# Usage: bench/lighthouse.sh [BASE_URL]   (or BASE_URL=...; without one, a release server of this
# build is started on a free port and stopped at the end)
# LIGHTHOUSE_ARGS adds to lighthouse's arguments: `--blocked-url-patterns=*/sw.js` measures the pages
# without the service worker.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
. scripts/serve.sh
. bench/lib.sh
bench_npm
bench_start "${1:-}"
out=bench/out/lighthouse
mkdir -p "$out"
# Debian's Chromium, never a downloaded one. Headless needs no sandbox as root; no GPU here.
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
flags="--headless=new --no-sandbox --disable-gpu"
reports=()
for i in "${!PAGE_PATHS[@]}"; do
  name="${PAGE_NAMES[$i]}"
  echo "lighthouse $name ${PAGE_PATHS[$i]}"
  # One page at a time: the performance score is a simulation fed by this machine's CPU speed, and
  # two runs at once would slow each other.
  if ! bench/node_modules/.bin/lighthouse "$BASE${PAGE_PATHS[$i]}" --quiet \
    --only-categories=performance,accessibility,best-practices,seo \
    --output=json --output=html --output-path="$out/$name" \
    --chrome-flags="$flags" ${LIGHTHOUSE_ARGS:-} >"$work/$name.log" 2>&1; then
    cat "$work/$name.log"; echo "lighthouse failed on ${PAGE_PATHS[$i]}"; exit 1
  fi
  reports+=("$name=$out/$name.report.json")
done
echo
node bench/lighthouse_report.mjs "${reports[@]}"
echo
echo "full reports: $out/<page>.report.html and .report.json"
