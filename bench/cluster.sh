#!/usr/bin/env bash
# The site as a cluster, on loopback: a throwaway PostgreSQL (scripts/postgres.sh), three release
# servers on it and Debian's nginx in front (round robin, keepalive, a failed or 502/503 answer is
# retried on the next server, POSTs included). Four phases; each must have 0 failures:
#   limit    31 status lookups from 127.0.0.2 before any load: 200 thirty times, then 429 with
#            Retry-After, whichever servers answered (the limit must be shared by the servers)
#   steady   wrk (2 threads, 64 connections, PHASE) on pages and lookups (bench/cluster.lua)
#   kill     the same, and server 2 is killed (-9) halfway; it is started again after the phase
#   rolling  the same for 3*PHASE+10s, while each server in turn gets SIGTERM, exits, is started
#            again and answers /readyz 200
#   outage   PostgreSQL stopped: guides 200, lookups 503 with Retry-After, /readyz 503; started
#            again: lookups 200 without restarting any server
# A failure is a socket error, a status of 500 or more, or one not in 200/404/422/429. Prints a
# table per phase (requests, req/s, p99, errors) and exits 1 if any phase had a failure.
# Usage: bench/cluster.sh   PHASE=10s by default; SHORT=1 (the test command) makes it 4s.
#   SMSITE_BIN (default $CARGO_TARGET_DIR/release/smsite) and SITE_ROOT (default target/site): the
#   server to run; CLUSTER_DATABASE: a SQLite file for the servers instead of PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
. scripts/postgres.sh
. bench/lib.sh

if [ -n "${SHORT:-}" ]; then phase="${PHASE:-4s}"; else phase="${PHASE:-10s}"; fi
secs="${phase%s}"
[[ "$secs" =~ ^[0-9]+$ ]] && [ "$secs" -ge 2 ] || { echo "PHASE must be whole seconds (2 or more), like 10s"; exit 1; }
# Three restarts take up to 3 x (5 s drain + start-up): the rolling phase needs the longer load.
rolling_secs=$((3 * secs + 10))
bin="${SMSITE_BIN:-$CARGO_TARGET_DIR/release/smsite}"
site_root="${SITE_ROOT:-target/site}"
[ -x "$bin" ] || { echo "no $bin: build the site first (make run), or give SMSITE_BIN"; exit 1; }
[ -d "$site_root" ] || { echo "no $site_root: build the site first (make run), or give SITE_ROOT"; exit 1; }
bench_wrk
command -v nginx >/dev/null || apt_install nginx

lookup_path=/api/v1/applications/status
lookup_body='{"number":"TR-2026-900001-I","date_of_birth":"1990-04-12"}'

work="$(mktemp -d)"
declare -a pids ports
wrk_pid='' nginx_pid=''

# True while the process runs (a child that exited stays a zombie until `wait`: not running).
alive() {
  local state
  state="$(ps -o stat= -p "$1" 2>/dev/null)" && [[ "$state" != Z* ]]
}

show_logs() {
  for i in 1 2 3; do
    if [ -f "$work/server$i.log" ]; then
      echo "--- server $i (port ${ports[$i]:-}), last lines:"; tail -n 15 "$work/server$i.log"
    fi
  done
  if [ -s "$work/nginx/logs/error.log" ]; then
    echo "--- nginx error log, last lines:"; tail -n 15 "$work/nginx/logs/error.log"
  fi
}

cleanup() {
  local rc="$1"
  if [ -n "$wrk_pid" ]; then kill "$wrk_pid" 2>/dev/null || true; fi
  if [ -n "$nginx_pid" ]; then kill -TERM "$nginx_pid" 2>/dev/null || true; wait "$nginx_pid" 2>/dev/null || true; fi
  # All three at once, then wait for each: their drains overlap.
  for i in 1 2 3; do if [ -n "${pids[$i]:-}" ]; then kill -TERM "${pids[$i]}" 2>/dev/null || true; fi; done
  for i in 1 2 3; do stop_server_n "$i" TERM >/dev/null || true; done
  if [ "$rc" != 0 ]; then show_logs; fi
  pg_stop
  rm -rf "$work"
}
trap 'cleanup $?' EXIT
# Ctrl-C or a TERM to this script still runs the EXIT trap (bash skips it on an untrapped TERM).
trap 'exit 130' INT TERM

# Starts server N on its port with the cluster's settings; returns when its /readyz answers 200.
start_server_n() {
  local i="$1" port="${ports[$1]}" log="$work/server$1.log" t0
  echo "--- started $(date +%T.%N)" >>"$log"
  # SMSITE_TRUSTED_PROXIES=1: the client is the address nginx appended to X-Forwarded-For.
  SMSITE_DATABASE="$database" SMSITE_TRUSTED_PROXIES=1 \
  SMSITE_STATUS_LIMIT=30 SMSITE_STATUS_WINDOW=60 SMSITE_DRAIN_SECONDS=5 \
  LEPTOS_SITE_ROOT="$site_root" LEPTOS_SITE_ADDR="127.0.0.1:$port" LEPTOS_ENV=PROD \
    "$bin" >>"$log" 2>&1 &
  pids[$i]=$!
  t0="$(date +%s.%N)"
  until [ "$(curl -s -o /dev/null --max-time 2 -w '%{http_code}' "http://127.0.0.1:$port/readyz")" = 200 ]; do
    alive "${pids[$i]}" || { echo "server $i exited before /readyz answered 200"; return 1; }
    if awk -v t0="$t0" -v now="$(date +%s.%N)" 'BEGIN { exit !(now - t0 > 60) }'; then
      echo "server $i: /readyz did not answer 200 within 60 s"; return 1
    fi
    sleep 0.1
  done
  ready_after="$(awk -v t0="$t0" -v now="$(date +%s.%N)" 'BEGIN { printf "%.1f", now - t0 }')"
}

# Sends SIGNAL to server N and waits for it to exit (20 s at most, then -9). Prints how it exited.
stop_server_n() {
  local i="$1" pid="${pids[$1]:-}" t0 rc=0
  [ -n "$pid" ] || return 0
  t0="$(date +%s.%N)"
  kill -"$2" "$pid" 2>/dev/null || true
  while alive "$pid"; do
    if awk -v t0="$t0" -v now="$(date +%s.%N)" 'BEGIN { exit !(now - t0 > 20) }'; then
      echo "server $i still running 20 s after SIG$2: killed"; kill -9 "$pid" 2>/dev/null || true
    fi
    sleep 0.05
  done
  wait "$pid" 2>/dev/null || rc=$?
  pids[$i]=''
  echo "server $i: SIG$2, exited with status $rc after $(awk -v t0="$t0" -v now="$(date +%s.%N)" 'BEGIN { printf "%.1f", now - t0 }') s"
}

# --- the cluster -------------------------------------------------------------------------------
if [ -n "${CLUSTER_DATABASE:-}" ]; then
  database="$CLUSTER_DATABASE"
else
  pg_start
  database="$PG_URL"
fi
ports[1]="$(free_port "${CLUSTER_PORT:-3500}")"
ports[2]="$(free_port $((ports[1] + 1)))"
ports[3]="$(free_port $((ports[2] + 1)))"
# Server 1 alone first: it loads the demo applications into the empty database.
for i in 1 2 3; do
  start_server_n "$i"
  echo "server $i on 127.0.0.1:${ports[$i]}: ready after $ready_after s"
done

# nginx as a prefix of its own (pid, logs, temp files in the work folder), in the foreground as a
# child of this script. The access log names the server that answered (the limit phase shows it).
nginx_port="$(free_port "${NGINX_PORT:-8500}")"
url="http://127.0.0.1:$nginx_port"
mkdir -p "$work/nginx/logs" "$work/nginx/tmp"
# Workers run as nobody/www-data when started as root: they write the temp folders in here.
chmod 755 "$work"
cat >"$work/nginx/nginx.conf" <<EOF
worker_processes 2;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log warn;
events { worker_connections 4096; }
http {
  log_format upstream '\$remote_addr \$request_method \$uri \$status \$upstream_addr \$upstream_status \$request_time';
  access_log $work/nginx/logs/access.log upstream;
  client_body_temp_path $work/nginx/tmp/body;
  proxy_temp_path $work/nginx/tmp/proxy;
  fastcgi_temp_path $work/nginx/tmp/fastcgi;
  uwsgi_temp_path $work/nginx/tmp/uwsgi;
  scgi_temp_path $work/nginx/tmp/scgi;
  keepalive_requests 1000000;
  # max_fails=0: by default one refused connect keeps a server out for 10 s (fail_timeout), so three
  # restarts in turn within 10 s leave none in (502 "no live upstreams") though two always answer.
  # Without it a request may try a server that is down first: on loopback that costs nothing.
  upstream smsite {
    server 127.0.0.1:${ports[1]} max_fails=0;
    server 127.0.0.1:${ports[2]} max_fails=0;
    server 127.0.0.1:${ports[3]} max_fails=0;
    keepalive 32;
  }
  server {
    listen 127.0.0.1:$nginx_port;
    location / {
      proxy_pass http://smsite;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      # A server that is gone or draining: the request goes to the next one, even a POST (a
      # lookup only reads).
      proxy_next_upstream error timeout http_502 http_503 non_idempotent;
      proxy_next_upstream_tries 3;
      proxy_connect_timeout 1s;
    }
  }
}
EOF
nginx -t -q -p "$work/nginx" -e "$work/nginx/logs/error.log" -c "$work/nginx/nginx.conf"
nginx -p "$work/nginx" -e "$work/nginx/logs/error.log" -c "$work/nginx/nginx.conf" &
nginx_pid=$!
for _ in $(seq 1 50); do
  curl -fsS -o /dev/null "$url/healthz" 2>/dev/null && break
  alive "$nginx_pid" || { echo "nginx exited"; exit 1; }
  sleep 0.1
done
echo "nginx on $url; phases of $secs s (rolling: $rolling_secs s)"

# Rows of the table: phase requests req/s p99 errors, then a note.
declare -a rows
failed=0
add_row() { # PHASE REQUESTS RPS P99 ERRORS NOTE
  rows+=("$(printf '%-8s %9s %9s %8s %7s  %s' "$@")")
  [ "$5" = 0 ] || failed=1
}

# --- phase 1: limit ------------------------------------------------------------------------------
# Before any load: nothing else has looked anything up from 127.0.0.2.
limit_errors=0 limit_note='' times=()
t_start="$(date +%s.%N)"
for n in $(seq 1 31); do
  expected=200
  [ "$n" = 31 ] && expected=429
  out="$(curl -sS --interface 127.0.0.2 --max-time 10 -o /dev/null -D "$work/limit.headers" \
    -w '%{http_code} %{time_total}' -H 'Content-Type: application/json' --data "$lookup_body" \
    "$url$lookup_path" 2>/dev/null)" || true
  code="${out%% *}" took="${out#* }"
  times+=("${took:-0}")
  if [ "$code" != "$expected" ]; then
    limit_errors=$((limit_errors + 1))
    limit_note+="#$n: $code, not $expected; "
  elif [ "$n" = 31 ] && ! grep -qi '^retry-after:' "$work/limit.headers"; then
    limit_errors=$((limit_errors + 1))
    limit_note+="#31: 429 without Retry-After; "
  fi
done
limit_rps="$(awk -v t0="$t_start" -v now="$(date +%s.%N)" 'BEGIN { printf "%.1f", 31 / (now - t0) }')"
limit_p99="$(printf '%s\n' "${times[@]}" | sort -g | awk '{ t[NR] = $1 } END { i = int(NR * 0.99 + 0.999); printf "%.2f", t[i] * 1000 }')"
served="$(awk -v p="$lookup_path" '$1 == "127.0.0.2" && $3 == p { print $5 }' "$work/nginx/logs/access.log" | sort | uniq -c |
  awk '{ printf "%s%s x%s", (NR > 1 ? ", " : ""), $2, $1 }')"
add_row limit 31 "$limit_rps" "$limit_p99" "$limit_errors" "${limit_note}served by: $served"

# --- phases 2-4: wrk ---------------------------------------------------------------------------
# Every page must answer 200 on its own first: a redirect or an error would pass for load.
for path in /en/ /az/ /ru/ /en/procedures /en/status /en/news /en/check/stay; do
  status="$(curl -sS -o /dev/null -w '%{http_code}' "$url$path")"
  [ "$status" = 200 ] || { echo "$url$path answered $status, not 200"; exit 1; }
done

start_wrk() { # NAME SECONDS: wrk in the background, its output in the work folder
  echo "phase $1: wrk -t2 -c64 -d${2}s"
  wrk -t2 -c64 -d"${2}s" --timeout 10s -s bench/cluster.lua "$url" >"$work/wrk.$1" 2>&1 &
  wrk_pid=$!
}
finish_wrk() { # NAME [NOTE]: waits for wrk and adds its row
  local rc=0 result
  wait "$wrk_pid" || rc=$?
  wrk_pid=''
  if [ "$rc" != 0 ] || ! result="$(grep '^RESULT ' "$work/wrk.$1")"; then
    cat "$work/wrk.$1"
    add_row "$1" - - - 1 "wrk failed (status $rc)${2:+; $2}"
    return 0
  fi
  read -r _ rps _ p99 requests failures bad connect read_e write_e timeout ok not_found refused limited server_error <<<"$result"
  # A note that is itself a failure (a restart that outlasted the load) counts as one.
  [ -n "${3:-}" ] && failures=$((failures + 1))
  add_row "$1" "$requests" "$rps" "$p99" "$failures" \
    "200 $ok, 404 $not_found, 422 $refused, 429 $limited, 5xx $server_error, other $((bad - server_error)); connect $connect, read $read_e, write $write_e, timeout $timeout${2:+; $2}"
}

start_wrk steady "$secs"
finish_wrk steady

start_wrk kill "$secs"
sleep $((secs / 2))
kill -9 "${pids[2]}"
wait "${pids[2]}" 2>/dev/null || true
pids[2]=''
echo "server 2: killed (-9)"
finish_wrk kill "server 2 killed at $((secs / 2)) s"
start_server_n 2
echo "server 2 started again: ready after $ready_after s"

start_wrk rolling "$rolling_secs"
rolling_start=$SECONDS
note=''
# Restart N starts at 1 + (N-1) x PHASE seconds into the load, or when the one before is done.
for i in 1 2 3; do
  wait_until=$((rolling_start + 1 + (i - 1) * secs))
  [ "$SECONDS" -ge "$wait_until" ] || sleep $((wait_until - SECONDS))
  stop_server_n "$i" TERM
  start_server_n "$i"
  echo "server $i started again: ready after $ready_after s"
  note+="${note:+, }$i ready after ${ready_after}s"
done
late=''
alive "$wrk_pid" || late="the restarts outlasted the load: raise PHASE"
finish_wrk rolling "restarted: ${note}${late:+; $late}" "$late"

# --- phase 5: outage (PostgreSQL only) ------------------------------------------------------------
# The database goes away: guides keep answering, a lookup is 503 with Retry-After, /readyz is 503;
# it comes back: lookups answer again within a few seconds, with no restart of any server.
if [ -z "${CLUSTER_DATABASE:-}" ]; then
  outage_errors=0 outage_note=''
  expect() { # WHAT EXPECTED GOT
    if [ "$2" != "$3" ]; then outage_errors=$((outage_errors + 1)); outage_note+="$1: $3, not $2; "; fi
  }
  # Another demo application: wrk's wrong dates of birth have locked the first one by now.
  outage_body='{"number":"EX-2026-900008-A","date_of_birth":"1999-03-15"}'
  lookup_code() { curl -sS --interface 127.0.0.3 --max-time 20 -o /dev/null -D "$work/outage.headers" \
    -w '%{http_code}' -H 'Content-Type: application/json' --data "$outage_body" "$url$lookup_path" 2>/dev/null || true; }
  pg_pause
  expect guide 200 "$(curl -sS -o /dev/null -w '%{http_code}' "$url/en/procedures/registration")"
  expect lookup 503 "$(lookup_code)"
  grep -qi '^retry-after:' "$work/outage.headers" || expect 'lookup Retry-After' yes no
  expect readyz 503 "$(curl -sS -o /dev/null -w '%{http_code}' "http://127.0.0.1:${ports[1]}/readyz")"
  pg_resume
  back=''
  for _ in $(seq 1 40); do
    [ "$(lookup_code)" = 200 ] && { back="$SECONDS"; break; }
    sleep 0.5
  done
  [ -n "$back" ] || expect 'lookup after the database came back' 200 'not 200 within 20 s'
  expect 'readyz after' 200 "$(curl -sS -o /dev/null -w '%{http_code}' "http://127.0.0.1:${ports[2]}/readyz")"
  add_row outage - - - "$outage_errors" "${outage_note}database stopped and started: guides 200, lookups 503 then 200"
fi

# --- the table ---------------------------------------------------------------------------------
echo
printf '%-8s %9s %9s %8s %7s  %s\n' phase requests 'req/s' 'p99 ms' errors 'statuses and socket errors'
printf '%s\n' "${rows[@]}"
echo
if [ "$failed" = 0 ]; then
  echo "cluster: no failures"
else
  echo "cluster: FAILED (see the errors column)"
  exit 1
fi
