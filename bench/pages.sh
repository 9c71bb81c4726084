#!/usr/bin/env bash
# Page throughput and latency, server-side rendering against a static-file baseline: wrk
# (THREADS=2, CONNECTIONS=64, DURATION=10s) on four pages (home, a guide, the checker's first
# question, status), on the Rust server and on Debian's nginx serving saved copies of the same
# four pages, on the same machine in the same run. ROUNDS=5 rounds, each page on smsite then on
# nginx, interleaved: on two cores one run of either swings by ±20%, so the table gives the median
# round. Target (issue #11): a kept home, guide and status page at >= 80% of nginx's requests per
# second.
# Usage: bench/pages.sh [BASE_URL]   (or BASE_URL=...; without one, a release server of this build
# is started on a free port and stopped at the end)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
. scripts/serve.sh
. bench/lib.sh
duration="${DURATION:-10s}" connections="${CONNECTIONS:-64}" threads="${THREADS:-2}" rounds="${ROUNDS:-5}"
NGINX_PID=
stop_nginx() {
  if [ -n "$NGINX_PID" ]; then kill -QUIT "$NGINX_PID" 2>/dev/null || true; wait "$NGINX_PID" 2>/dev/null || true; NGINX_PID=; fi
}
# Called by bench_start's exit trap.
bench_on_exit() { stop_nginx; }
bench_wrk
# Debian's package may start a system nginx on port 80; this benchmark runs its own on a free port.
command -v nginx >/dev/null || apt_install nginx
bench_start "${1:-}"

# wrk sends no Accept-Encoding, so both servers send the pages uncompressed: the same bytes on both
# sides, and neither spends time compressing (smsite compresses pages per response when asked,
# nginx would too with gzip on; a static server with pre-compressed copies would be another test).
www="$work/www"
files=()
for i in "${!PAGE_PATHS[@]}"; do
  path="${PAGE_PATHS[$i]}"
  file="$www$path"
  [[ "$path" == */ ]] && file="${file}index.html"
  mkdir -p "$(dirname "$file")"
  status="$(curl -sS -o "$file" -D "$work/headers.$i" -w '%{http_code}' "$BASE$path")"
  [ "$status" = 200 ] || { echo "$BASE$path answered $status, not 200"; exit 1; }
  files+=("$file")
done

# The same response headers as smsite's home page (security headers, cache-control, cookie), so
# both send about as many bytes; only those that nginx makes itself (or that differ per request,
# the request id) are left out. The CSP's nonce is frozen at the saved one.
add_headers="$(tr -d '\r' <"$work/headers.0" | awk -F': ' '
  NR > 1 && NF >= 2 {
    name = tolower($1); value = substr($0, length($1) + 3)
    if (name ~ /^(date|content-type|content-length|transfer-encoding|connection|etag|last-modified|x-request-id|server)$/) next
    if (value ~ /["$]/) { print "# left out (quote or $ in the value): " name; next }
    printf "    add_header %s \"%s\" always;\n", name, value
  }')"

# A minimal nginx as a prefix of its own (pid, logs and temp files in the work folder, no root-owned
# paths), in the foreground as a child of this script so the trap can stop it.
# access_log is on, to a file: smsite logs a line per request too, so both pay for a log line.
# keepalive_requests is raised because hyper keeps a connection for any number of requests, while
# nginx would close each one after 1,000 and make wrk reconnect.
nginx_port="$(free_port "${NGINX_PORT:-8400}")"
mkdir -p "$work/nginx/logs" "$work/nginx/tmp"
# Workers run as nobody/www-data when started as root: they must be able to read the pages.
chmod 755 "$work"; chmod -R a+rX "$www"
cat >"$work/nginx/nginx.conf" <<EOF
worker_processes auto;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log $work/nginx/logs/access.log;
  client_body_temp_path $work/nginx/tmp/body;
  proxy_temp_path $work/nginx/tmp/proxy;
  fastcgi_temp_path $work/nginx/tmp/fastcgi;
  uwsgi_temp_path $work/nginx/tmp/uwsgi;
  scgi_temp_path $work/nginx/tmp/scgi;
  sendfile on;
  tcp_nopush on;
  keepalive_timeout 65;
  keepalive_requests 1000000;
  gzip off;
  types { }
  default_type "text/html; charset=utf-8";
  server {
    listen 127.0.0.1:$nginx_port;
    root $www;
    index index.html;
$add_headers
  }
}
EOF
nginx -t -q -p "$work/nginx" -e "$work/nginx/logs/error.log" -c "$work/nginx/nginx.conf"

run_wrk() { # URL -> the RESULT fields, or the wrk output on failure
  local out
  out="$(wrk -t"$threads" -c"$connections" -d"$duration" --timeout 10s -s bench/report.lua "$1" 2>&1)" || { echo "$out" >&2; return 1; }
  grep '^RESULT ' <<<"$out" | cut -d' ' -f2- || { echo "$out" >&2; return 1; }
}

echo "wrk: $threads threads, $connections connections, $duration per page and server, $rounds rounds; smsite at $BASE"
nginx -p "$work/nginx" -e "$work/nginx/logs/error.log" -c "$work/nginx/nginx.conf" &
NGINX_PID=$!
for _ in $(seq 1 50); do
  curl -fsS -o /dev/null "http://127.0.0.1:$nginx_port${PAGE_PATHS[0]}" 2>/dev/null && break
  kill -0 "$NGINX_PID" 2>/dev/null || { echo "nginx exited:"; cat "$work/nginx/logs/error.log"; exit 1; }
  sleep 0.1
done
for i in "${!PAGE_PATHS[@]}"; do
  # The saved copy must come back byte for byte, or nginx is not serving the same page.
  curl -fsS "http://127.0.0.1:$nginx_port${PAGE_PATHS[$i]}" | cmp -s - "${files[$i]}" ||
    { echo "nginx does not serve the saved ${PAGE_PATHS[$i]}"; exit 1; }
done
# Every round's results, one line per run: page index, round, server, then the RESULT fields.
runs="$work/runs"
: >"$runs"
for round in $(seq 1 "$rounds"); do
  for i in "${!PAGE_PATHS[@]}"; do
    echo "  round $round: ${PAGE_NAMES[$i]} ${PAGE_PATHS[$i]} (smsite, nginx)"
    echo "$i $round smsite $(run_wrk "$BASE${PAGE_PATHS[$i]}")" >>"$runs"
    echo "$i $round nginx $(run_wrk "http://127.0.0.1:$nginx_port${PAGE_PATHS[$i]}")" >>"$runs"
  done
done
# The median round of each page (by the ratio of the two), and every round's ratio.
declare -a ssr nginx_res all_ratios
for i in "${!PAGE_PATHS[@]}"; do
  best="$(awk -v i="$i" '$1 == i && $3 == "smsite" { s[$2] = $4 } $1 == i && $3 == "nginx" { n[$2] = $4 }
    END { for (r in s) printf "%s %.1f\n", r, (n[r] > 0 ? 100 * s[r] / n[r] : 0) }' "$runs" | sort -k2 -n)"
  all_ratios[$i]="$(cut -d' ' -f2 <<<"$best" | paste -sd' ')"
  median_round="$(sed -n "$(( ($(wc -l <<<"$best") + 1) / 2 ))p" <<<"$best" | cut -d' ' -f1)"
  ssr[$i]="$(awk -v i="$i" -v r="$median_round" '$1 == i && $2 == r && $3 == "smsite" { $1 = $2 = $3 = ""; print }' "$runs")"
  nginx_res[$i]="$(awk -v i="$i" -v r="$median_round" '$1 == i && $2 == r && $3 == "nginx" { $1 = $2 = $3 = ""; print }' "$runs")"
done
stop_nginx

echo
printf '%-9s %8s %12s %8s %8s %12s %8s %8s %8s  %-18s %s\n' page KB 'smsite r/s' 'p50 ms' 'p99 ms' 'nginx r/s' 'p50 ms' 'p99 ms' 'ratio' 'rounds' 'errors (smsite / nginx)'
below=0 errors=0
for i in "${!PAGE_PATHS[@]}"; do
  read -r s_rps s_p50 s_p99 _ s_st s_co s_re s_wr s_to <<<"${ssr[$i]}"
  read -r n_rps n_p50 n_p99 _ n_st n_co n_re n_wr n_to <<<"${nginx_res[$i]}"
  ratio="$(awk -v s="$s_rps" -v n="$n_rps" 'BEGIN { printf "%.1f", (n > 0 ? 100 * s / n : 0) }')"
  kb="$(awk -v b="$(stat -c %s "${files[$i]}")" 'BEGIN { printf "%.1f", b / 1000 }')"
  s_err=$((s_st + s_co + s_re + s_wr + s_to)) n_err=$((n_st + n_co + n_re + n_wr + n_to))
  errors=$((errors + s_err + n_err))
  # The issue's target names home, guide and status; the question page is shown for comparison.
  if [ "${PAGE_NAMES[$i]}" != question ] && awk -v r="$ratio" 'BEGIN { exit !(r < 80) }'; then
    below=$((below + 1))
  fi
  printf '%-9s %8s %12s %8s %8s %12s %8s %8s %7s%%  %-18s %s\n' "${PAGE_NAMES[$i]}" "$kb" "$s_rps" "$s_p50" "$s_p99" \
    "$n_rps" "$n_p50" "$n_p99" "$ratio" "${all_ratios[$i]}" \
    "status>=400 $s_st/$n_st, connect $s_co/$n_co, read $s_re/$n_re, write $s_wr/$n_wr, timeout $s_to/$n_to"
done
echo
echo "KB: the uncompressed page (1 KB = 1000 bytes); ratio: smsite req/s as a share of nginx's in"
echo "the median round; rounds: each round's ratio (%), lowest first"
if [ "$below" = 0 ]; then
  echo "target >= 80% of nginx on home, guide and status: met"
else
  echo "target >= 80% of nginx on home, guide and status: MISSED on $below of them"
fi
[ "$errors" = 0 ] || echo "WARNING: $errors errors in total (see the last column)"
