# Sourced: start_server PORT LOGFILE starts the release server in the background and waits until it
# answers; stop_server stops it. Used by the test script and the benchmarks.
start_server() {
  local port="$1" log="$2"
  # Something already answering there would be tested instead of this build: refuse.
  if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
    echo "port $port is already in use by another server: stop it first"; return 1
  fi
  # A fresh status database with the demo applications for every run; many lookups allowed, as
  # every browser test comes from the same address and tries the same numbers.
  SMSITE_DATABASE="${SMSITE_DATABASE:-$(mktemp -d)/status.sqlite3}" \
  SMSITE_STATUS_LIMIT="${SMSITE_STATUS_LIMIT:-10000}" \
  SMSITE_LOCKOUT_FAILURES="${SMSITE_LOCKOUT_FAILURES:-10000}" \
  SMSITE_FEEDBACK_LIMIT="${SMSITE_FEEDBACK_LIMIT:-10000}" \
  LEPTOS_SITE_ROOT="${LEPTOS_SITE_ROOT:-target/site}" \
  LEPTOS_SITE_ADDR="127.0.0.1:$port" \
  LEPTOS_ENV=PROD \
    "$CARGO_TARGET_DIR/release/smsite" >"$log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 100); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$port/en/" 2>/dev/null; then
      kill -0 "$SERVER_PID" 2>/dev/null && return 0
      echo "the server exited; another process answers on port $port:"; cat "$log"; return 1
    fi
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then echo "server exited:"; cat "$log"; return 1; fi
    sleep 0.2
  done
  echo "server did not answer on port $port"; cat "$log"; return 1
}
stop_server() {
  if [ -n "${SERVER_PID:-}" ]; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=
  fi
}
