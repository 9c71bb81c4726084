#!/usr/bin/env bash
# Every test: formatting and lints, cargo tests, the release build (wasm included), and the browser
# tests in Debian's Chromium against the release server. Installs what it needs first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
. scripts/env.sh
. scripts/serve.sh

step() { printf '\n== %s\n' "$*"; }

step "format"
cargo fmt --all -- --check

step "release build: server and wasm (cargo leptos build --release)"
cargo leptos build --release

step "lints (server and browser builds)"
cargo clippy --release --no-default-features --features ssr --all-targets -- -D warnings
cargo clippy --release --lib --no-default-features --features hydrate --target wasm32-unknown-unknown -- -D warnings

step "cargo tests"
cargo test --release --no-default-features --features ssr

step "browser tests (Playwright, /usr/bin/chromium)"
port="${SMSITE_TEST_PORT:-3100}"
log="$(mktemp)"
trap 'stop_server; rm -f "$log"' EXIT
start_server "$port" "$log"
(cd end2end && BASE_URL="http://127.0.0.1:$port" npx playwright test)
