#!/usr/bin/env bash
# Release build times: clean (in a scratch target folder, so the usual one is kept), then
# incremental after touching one page. Takes about 15 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
. scripts/env.sh
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
export CARGO_TARGET_DIR="$scratch"
t0=$(date +%s)
cargo leptos build --release --split >/dev/null 2>&1
t1=$(date +%s)
touch src/pages/home.rs
cargo leptos build --release --split >/dev/null 2>&1
t2=$(date +%s)
echo "clean release build:       $((t1 - t0)) s"
echo "incremental release build: $((t2 - t1)) s (after touching src/pages/home.rs)"
