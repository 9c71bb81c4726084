# Sourced: a throwaway PostgreSQL (Debian's package) for the tests and benchmarks, on 127.0.0.1 at
# a free port, its data and socket in a temp folder, built for speed (nothing is fsynced: it lives
# only as long as the run). Usage:
#   . scripts/postgres.sh
#   trap 'pg_stop' EXIT    # or call pg_stop from your own EXIT trap; safe before pg_start, twice
#   pg_start               # exports PG_URL=postgres://smsite@127.0.0.1:PORT/smsite, PG_DIR, PG_PORT
#   pg_pause; pg_resume    # the database goes away and comes back (same port, same data)
# Quiet unless something fails; then the server's log is printed and the function returns 1.
# PG_BASE_PORT (default 5440) is where the search for a free port starts.

# Debian installs each major version under /usr/lib/postgresql/N/bin, off PATH. pg_config may come
# from libpq-dev alone (no server there): it counts only when initdb is beside it.
_pg_bindir() {
  local dir
  dir="$(pg_config --bindir 2>/dev/null || true)"
  if [ -z "$dir" ] || [ ! -x "$dir/initdb" ]; then
    dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
  fi
  [ -n "$dir" ] && [ -x "$dir/initdb" ] || { echo "no PostgreSQL server found (Debian package postgresql)" >&2; return 1; }
  echo "$dir"
}

# The first port from $1 on that nothing listens on (the same test as bench/lib.sh's free_port,
# copied so this file stands alone).
_pg_free_port() {
  local port="$1"
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}

# initdb and the server refuse to run as root: as root, they run as Debian's `postgres` user.
_pg_as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

_pg_ctl() { _pg_as_owner "$_PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" "$@"; }

_pg_fail() { # MESSAGE [LOG]: the message and the end of the log (default: the server's)
  echo "postgres: $1" >&2
  if [ -f "${2:-$PG_DIR/server.log}" ]; then tail -n 50 "${2:-$PG_DIR/server.log}" >&2; fi
  return 1
}

pg_start() {
  _PG_BIN="$(_pg_bindir)" || return 1
  # As root the folder must be reachable by `postgres`: /tmp, whatever TMPDIR says.
  if [ "$(id -u)" = 0 ]; then
    PG_DIR="$(mktemp -d /tmp/smsite-pg.XXXXXX)"
    chown postgres: "$PG_DIR"
  else
    PG_DIR="$(mktemp -d -t smsite-pg.XXXXXX)"
  fi
  export PG_DIR
  # -N: no fsync of the new files, the first of the speed settings below.
  _pg_as_owner "$_PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -A trust -E UTF8 --locale=C -N \
    >"$PG_DIR/init.log" 2>&1 || { _pg_fail "initdb failed" "$PG_DIR/init.log"; return 1; }
  # Trust on loopback and the socket only (the socket sits in the temp folder, not /var/run).
  printf '%s\n' 'local all all trust' 'host all all 127.0.0.1/32 trust' >"$PG_DIR/data/pg_hba.conf"
  PG_PORT="$(_pg_free_port "${PG_BASE_PORT:-5440}")"
  export PG_PORT
  # max_connections: three servers with pools of 8 plus the tests, with room to spare.
  cat >>"$PG_DIR/data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_DIR'
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
wal_level = minimal
max_wal_senders = 0
checkpoint_timeout = 1h
max_wal_size = 1GB
EOF
  [ "$(id -u)" = 0 ] && chown postgres: "$PG_DIR/data/pg_hba.conf"
  _pg_ctl -w -t 30 -s start >/dev/null 2>&1 || { _pg_fail "the server did not start"; return 1; }
  _pg_as_owner "$_PG_BIN/psql" -h "$PG_DIR" -p "$PG_PORT" -U postgres -d postgres -qAtX -v ON_ERROR_STOP=1 \
    -c 'CREATE ROLE smsite LOGIN CREATEDB' -c 'CREATE DATABASE smsite OWNER smsite' >/dev/null 2>>"$PG_DIR/server.log" ||
    { _pg_fail "creating role and database smsite failed"; return 1; }
  export PG_URL="postgres://smsite@127.0.0.1:$PG_PORT/smsite"
}

# Stops the server but keeps its data, so pg_resume brings back the same database.
pg_pause() {
  _pg_ctl -w -t 30 -s -m fast stop >/dev/null 2>&1 || { _pg_fail "the server did not stop"; return 1; }
}

# Starts it again on the same port (in postgresql.conf) and data. Fails if something took the port.
pg_resume() {
  _pg_ctl -w -t 30 -s start >/dev/null 2>&1 || { _pg_fail "the server did not start again"; return 1; }
}

# Stops the server (if running) and removes the folder. Never fails, so an EXIT trap can call it.
pg_stop() {
  if [ -n "${PG_DIR:-}" ] && [ -d "$PG_DIR" ]; then
    if [ -f "$PG_DIR/data/postmaster.pid" ]; then
      _pg_ctl -w -t 10 -s -m fast stop >/dev/null 2>&1 ||
        _pg_ctl -w -t 10 -s -m immediate stop >/dev/null 2>&1 || true
    fi
    rm -rf "$PG_DIR"
  fi
  unset PG_DIR PG_PORT PG_URL
  return 0
}
