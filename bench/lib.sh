# Sourced by the page benchmarks (first_visit, pages, lighthouse, load): which server they measure
# and which pages. Needs scripts/env.sh and scripts/serve.sh sourced first, and the caller's EXIT
# trap to call stop_server.

# Prints the first port from $1 on that nothing listens on (bash's /dev/tcp: no extra tools).
free_port() {
  local port="$1"
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}

# Sets BASE: the first argument or BASE_URL when given (a server someone else runs), otherwise a
# release server of this build started here on a free port from BENCH_PORT (default 3400).
bench_server() {
  local given="${1:-${BASE_URL:-}}" log="$2"
  if [ -n "$given" ]; then
    BASE="${given%/}"
    curl -fsS -o /dev/null "$BASE/en/" || { echo "no server answers at $BASE"; return 1; }
    return 0
  fi
  [ -x "$CARGO_TARGET_DIR/release/smsite" ] ||
    { echo "no $CARGO_TARGET_DIR/release/smsite: build the site first (make run), or give BASE_URL"; return 1; }
  local port
  port="$(free_port "${BENCH_PORT:-3400}")"
  start_server "$port" "$log"
  BASE="http://127.0.0.1:$port"
}

# The start every page benchmark shares: a work folder ($work), the server (BASE, see bench_server)
# and the pages (bench_pages). At exit the server started here is stopped and the folder removed,
# after `bench_on_exit` when the script defines one (pages.sh stops its nginx there).
bench_start() {
  work="$(mktemp -d)"
  trap 'if declare -F bench_on_exit >/dev/null; then bench_on_exit; fi; stop_server; rm -rf "$work"' EXIT
  bench_server "${1:-}" "$work/server.log"
  bench_pages
}

# Sets PAGE_NAMES and PAGE_PATHS: the home page, a guide, the checker's first question (the start
# link of /en/check/stay, followed as a visitor would) and the status page.
# The guide is BENCH_GUIDE (default temporary-residence, the largest one) when /en/procedures
# links it, otherwise the first guide listed there.
bench_pages() {
  local procedures guide start
  procedures="$(curl -fsS "$BASE/en/procedures")"
  guide="${BENCH_GUIDE:-temporary-residence}"
  if ! grep -q "href=\"/en/procedures/$guide\"" <<<"$procedures"; then
    guide="$(grep -o 'href="/en/procedures/[^"/]*"' <<<"$procedures" | sed -n '1s|href="/en/procedures/\(.*\)"|\1|p')"
  fi
  [ -n "$guide" ] || { echo "no guide linked from $BASE/en/procedures"; return 1; }
  start="$(curl -fsS "$BASE/en/check/stay" | grep -o '<a [^>]*button--start[^>]*>' |
    sed -n '1s|.*href="\([^"]*\)".*|\1|p')"
  [ -n "$start" ] || { echo "no start link (a.button--start) on $BASE/en/check/stay"; return 1; }
  PAGE_NAMES=(home guide question status)
  PAGE_PATHS=(/en/ "/en/procedures/$guide" "$start" /en/status)
}

# Installs bench/package.json's exact versions (package-lock.json) unless they are there already.
# Never a browser download: the tools drive Debian's Chromium.
bench_npm() {
  export PUPPETEER_SKIP_DOWNLOAD=1 PUPPETEER_SKIP_CHROMIUM_DOWNLOAD=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
  command -v node >/dev/null || apt_install nodejs npm
  # npm ci takes a while (lighthouse is large): run it only when the lock file changed since.
  if [ ! -f bench/node_modules/.installed-lock ] || ! cmp -s bench/package-lock.json bench/node_modules/.installed-lock; then
    echo "installing bench tools (npm ci)"
    (cd bench && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
    cp bench/package-lock.json bench/node_modules/.installed-lock
  fi
}

# Installs Debian packages; the package lists are refreshed first, as a fresh machine has none.
apt_install() {
  echo "installing $*"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# Installs Debian's wrk when missing.
bench_wrk() {
  command -v wrk >/dev/null || apt_install wrk
}
