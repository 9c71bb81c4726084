#!/usr/bin/env bash
# Every test: formatting and lints, cargo tests, the release build (wasm included), and the browser
# tests in Debian's Chromium against the release server. Installs what it needs first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
. scripts/env.sh
. scripts/serve.sh
. scripts/postgres.sh

step() { printf '\n== %s\n' "$*"; }

step "format"
cargo fmt --all -- --check

step "release build: server and wasm (cargo leptos build --release --precompress --split)"
cargo leptos build --release --precompress --split

step "lints (server and browser builds)"
cargo clippy --release --no-default-features --features ssr --all-targets -- -D warnings
cargo clippy --release --lib --no-default-features --features hydrate --target wasm32-unknown-unknown -- -D warnings

step "licences, banned and duplicate crates, sources (cargo-deny; advisories need GitHub: see README)"
# cargo-deny reads `cargo metadata`, which needs the crates of every platform, not only those a
# build here downloads: fetch them first (from crates.io, the one registry it needs).
cargo fetch --locked -q
# Failures print in full; duplicates (warnings: several come with Leptos and sqlx) as one line each.
deny_out="$(cargo deny --offline check licenses bans sources 2>&1)" || { echo "$deny_out"; exit 1; }
grep -E '^warning\[duplicate\]|ok$' <<<"$deny_out" || true

step "cargo tests, the store, API and limit tests on SQLite and on a throwaway PostgreSQL"
trap 'pg_stop' EXIT
pg_start
SMSITE_TEST_POSTGRES="$PG_URL" cargo test --release --no-default-features --features ssr
pg_stop

step "browser tests (Playwright, /usr/bin/chromium)"
port="${SMSITE_TEST_PORT:-3100}"
log="$(mktemp)"
trap 'stop_server; rm -f "$log"; pg_stop' EXIT
start_server "$port" "$log"
(cd end2end && BASE_URL="http://127.0.0.1:$port" npx playwright test)

step "valid HTML: every page type in every language (W3C Nu Html Checker)"
bash scripts/validate_html.sh "http://127.0.0.1:$port"

step "API fuzz run from the OpenAPI document (schemathesis, bounded, fixed seed)"
# Every response must be documented and match its schema; none may be a 5xx. "Valid by the schema
# but refused" is expected: the API checks meaning (real dates, known countries) beyond the schema.
scripts/tools/.venv/bin/st run "http://127.0.0.1:$port/api/v1/openapi.json" \
  --checks all --exclude-checks positive_data_acceptance \
  --max-examples 200 --seed 20261126 --no-color

step "load: wrk, 256 connections for 5 s over a mix of pages, no error of any kind"
# A bounded version of bench/load.sh's 30 s run: it asserts errors, never a speed.
DURATION=5s BASE_URL="http://127.0.0.1:$port" bash bench/load.sh

step "cluster: PostgreSQL, three servers behind nginx; a kill, a rolling restart, a database outage"
# bench/cluster.sh with 4-second phases: 0 failed requests in every phase, or it fails.
SHORT=1 bash bench/cluster.sh >"$log.cluster" 2>&1 || { cat "$log.cluster"; exit 1; }
sed -n '/^phase  /,/^cluster:/p' "$log.cluster"
rm -f "$log.cluster"

step "no personal data in the server's log"
# The browser tests looked up the demo applications: their numbers and dates of birth must not
# appear in the log in full.
if grep -E 'TR-?2026-?900001-?I|EX-?2026-?900008-?A|1990-04-12|1999-03-15' "$log"; then
  echo "the server log above contains a full application number or a date of birth"
  exit 1
fi
