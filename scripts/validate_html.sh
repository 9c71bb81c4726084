#!/usr/bin/env bash
# Every page type, in every language, through the W3C Nu Html Checker (npm's vnu-jar, run with
# Debian's Java): the pages of the sitemap, plus the pages it does not list (checker steps with
# answers and an error, a status answer, search results, the 404 page). Any error fails.
# Usage: scripts/validate_html.sh BASE_URL
set -euo pipefail
cd "$(dirname "$0")/.."
base="${1:?usage: validate_html.sh BASE_URL}"
jar="end2end/node_modules/vnu-jar/build/dist/vnu.jar"
[ -f "$jar" ] || { echo "no $jar: run scripts/bootstrap.sh"; exit 1; }
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT

n=0
save() { # $1 = path (with query), then curl options
  local path="$1"; shift
  n=$((n + 1))
  local code
  code="$(curl -sS --compressed "$@" -o "$dir/$(printf '%03d' "$n").html" -w '%{http_code}' "$base$path")"
  case "$code" in 200 | 404 | 422) ;; *) echo "$path: HTTP $code"; exit 1 ;; esac
  echo "$path" >"$dir/$(printf '%03d' "$n").path"
}
# The sitemap's pages, as paths.
for path in $(curl -fsS "$base/sitemap.xml" | grep -o '<loc>[^<]*</loc>' | sed -e 's#<loc>https\?://[^/]*##' -e 's#</loc>##' | sort -u); do
  save "$path"
done
arrival="$(date -u -d '+4 hours -3 days' +%Y-%m-%d)"
for l in az en ru tr ar fa zh; do
  save "/$l/check/stay/citizenship"
  save "/$l/check/stay/citizenship?citizenship=Atlantis"
  save "/$l/check/stay/arrival?citizenship=GE&length=40&purpose=tourism&arrival=2026-02-31"
  save "/$l/check/stay/answers?arrival=$arrival&citizenship=GE&length=40&purpose=tourism"
  save "/$l/check/stay/result?arrival=$arrival&citizenship=GE&length=40&purpose=tourism"
  save "/$l/search?q=visa"
  save "/$l/no-such-page"
  save "/$l/status" -X POST -d "number=TR-2026-900001-I&dob-day=12&dob-month=4&dob-year=1990"
  save "/$l/status" -X POST -d "number=TR-2026-900001-J&dob-day=12&dob-month=4&dob-year=1990"
  save "/$l/feedback?page=/$l/fees&useful=no"
  save "/$l/feedback?page=/$l/fees&sent=1"
  save "/$l/feedback" -X POST -d "page=/$l/fees&useful=no&step=form&started=0&wrong="
  save "/$l/offline"
  save "/$l/saved"
done
# The checker's offline pages: every question and outcome of a flow on one page.
save "/en/check/stay/offline"
save "/fa/check/registration/offline"

echo "checking $n pages with the Nu Html Checker"
if ! out="$(java -jar "$jar" --errors-only --format gnu "$dir"/*.html 2>&1)"; then
  # Name each page by its address rather than its temporary file.
  while IFS= read -r line; do
    file="${line%%:*}"
    [ -f "${file%.html}.path" ] && line="$(cat "${file%.html}.path"):${line#*:}"
    echo "$line"
  done <<<"$out"
  exit 1
fi
echo "no errors"
