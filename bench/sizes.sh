#!/usr/bin/env bash
# Sizes of the built site's assets: raw, gzip -9 and brotli (quality 11, as served pre-compressed).
# Run after a release build (`make run` or `make test`); prints a table.
set -euo pipefail
cd "$(dirname "$0")/.."
pkg="${LEPTOS_SITE_ROOT:-target/site}/pkg"
[ -d "$pkg" ] || { echo "no $pkg: build the site first (cargo leptos build --release)"; exit 1; }
printf '%-28s %10s %10s %10s\n' file raw gzip brotli
for f in "$pkg"/*.wasm "$pkg"/*.js "$pkg"/*.css; do
  [ -f "$f" ] || continue
  raw=$(stat -c %s "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  br=$(brotli -q 11 -c "$f" | wc -c)
  printf '%-28s %10d %10d %10d\n' "$(basename "$f")" "$raw" "$gz" "$br"
done
