#!/usr/bin/env bash
# The installed app's icons (public/icons/*.png) from the site's mark (public/favicon.svg), drawn
# by Debian's Chromium. Run by hand when the mark changes; the PNGs are committed.
# The maskable icon keeps the mark inside the middle 60%: a phone may cut it to a circle.
set -euo pipefail
cd "$(dirname "$0")/.."
out=public/icons
mkdir -p "$out"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mark="$(sed -e 's/<svg [^>]*>//' -e 's#</svg>##' public/favicon.svg)"
draw() { # name size scale
  local name="$1" size="$2" scale="$3"
  local shift
  shift="$(python3 -c "print(16 * (1 - $scale))")"
  cat >"$tmp/$name.html" <<HTML
<!doctype html><html><body style="margin:0;background:#0a3e6e">
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" width="$size" height="$size" style="display:block">
<rect width="32" height="32" fill="#0a3e6e"/><g transform="translate($shift $shift) scale($scale)">$mark</g></svg>
</body></html>
HTML
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
    --screenshot="$out/$name.png" --window-size="$size,$size" "file://$tmp/$name.html" 2>/dev/null
}
draw icon-192 192 1
draw icon-512 512 1
draw maskable-512 512 0.6
ls -l "$out"
