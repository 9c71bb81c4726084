#!/usr/bin/env bash
# Installs everything the build and the tests need, on a machine that reaches only the package
# registries (Rust crates, npm, Python and Debian packages). Idempotent and quiet when all is there.
# The offline wasm32 route is the one in shared/TOOLCHAIN.md.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

CARGO_LEPTOS_VERSION=0.3.11
CARGO_DENY_VERSION=0.20.2
# Must equal the wasm-bindgen crate pinned in Cargo.toml (checked below).
WASM_BINDGEN_VERSION=0.2.130

say() { printf 'bootstrap: %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
export PATH="$HOME/.cargo/bin:$PATH"

# --- Debian packages -------------------------------------------------------------------------
need_pkgs=()
for p in chromium brotli wrk postgresql nginx lld-22 rustc-web cargo-web rust-web-src rust-web-clippy rustfmt-web nodejs npm python3-venv fonts-noto-core fonts-noto-cjk; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need_pkgs+=("$p")
done
# Java for the HTML checker (npm's vnu-jar); any Java will do, so only when none is there.
command -v java >/dev/null || need_pkgs+=(default-jre-headless)
if [ "${#need_pkgs[@]}" -gt 0 ]; then
  # node/npm usually come with the machine; only install them if really absent.
  command -v node >/dev/null && need_pkgs=("${need_pkgs[@]/nodejs}") && need_pkgs=("${need_pkgs[@]/npm}")
  mapfile -t need_pkgs < <(printf '%s\n' "${need_pkgs[@]}" | grep -v '^$' || true)
  if [ "${#need_pkgs[@]}" -gt 0 ]; then
    say "installing Debian packages: ${need_pkgs[*]}"
    # The tests run their own throwaway PostgreSQL (scripts/postgres.sh) on a free port: Debian's
    # package need not create and start a system cluster on 5432 (one there would do no harm).
    if printf '%s\n' "${need_pkgs[@]}" | grep -qx postgresql && [ ! -e /etc/postgresql-common/createcluster.d/smsite.conf ]; then
      as_root mkdir -p /etc/postgresql-common/createcluster.d
      echo 'create_main_cluster = false' | as_root tee /etc/postgresql-common/createcluster.d/smsite.conf >/dev/null
    fi
    as_root apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${need_pkgs[@]}" >/dev/null
  fi
fi

# Debian's Rust 1.96 as a rustup toolchain: it builds the cargo tools (their lock files need 1.96)
# and, on machines where rustup cannot fetch wasm32, the site itself.
rustup toolchain list 2>/dev/null | grep -q '^debian-web' || rustup toolchain link debian-web /usr

# --- wasm32 target ---------------------------------------------------------------------------
has_rustup_wasm() { rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; }
has_debian_wasm() {
  rustup toolchain list 2>/dev/null | grep -q '^debian-web' &&
    ls /usr/lib/rustlib/wasm32-unknown-unknown/lib/ 2>/dev/null | grep -Eq '^libstd(-[0-9a-f]+)?\.rlib$'
}
# SMSITE_OFFLINE_WASM=1 forces the offline route (to test it on a machine that has the internet).
if ! has_debian_wasm && { [ -n "${SMSITE_OFFLINE_WASM:-}" ] || ! has_rustup_wasm; }; then
  # A machine with the internet gets rustup's target; give it a short time before falling back.
  if [ -z "${SMSITE_OFFLINE_WASM:-}" ] && timeout 45 rustup target add wasm32-unknown-unknown >/dev/null 2>&1 && has_rustup_wasm; then
    say "wasm32 target installed by rustup"
  else
    say "rustup cannot fetch wasm32; building its standard library from Debian's Rust source"
    sysroot_tmp="$(mktemp -d)"
    (cd /usr/lib/rustlib/src/rust/library &&
      RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 \
      RUSTFLAGS="-Zforce-unstable-if-unmarked -Cembed-bitcode=yes -Cpanic=abort" \
      /usr/bin/cargo build -q --locked --release --target wasm32-unknown-unknown -p sysroot \
        --target-dir "$sysroot_tmp")
    as_root mkdir -p /usr/lib/rustlib/wasm32-unknown-unknown/lib
    as_root cp "$sysroot_tmp"/wasm32-unknown-unknown/release/deps/*.rlib /usr/lib/rustlib/wasm32-unknown-unknown/lib/
    as_root rm -f /usr/lib/rustlib/wasm32-unknown-unknown/lib/libsysroot-*.rlib
    rm -rf "$sysroot_tmp"
  fi
fi
# rustc links wasm with `rust-lld` from its sysroot; Debian's rustc-web does not ship it, but
# lld-22 is the same program (rustc passes `-flavor wasm`).
if has_debian_wasm && [ ! -e /usr/lib/rustlib/x86_64-unknown-linux-gnu/bin/rust-lld ]; then
  as_root mkdir -p /usr/lib/rustlib/x86_64-unknown-linux-gnu/bin
  as_root ln -sf /usr/lib/llvm-22/bin/lld /usr/lib/rustlib/x86_64-unknown-linux-gnu/bin/rust-lld
fi
# shellcheck source=env.sh
. "$root/scripts/env.sh"

# --- cargo tools -----------------------------------------------------------------------------
# Tools build with Debian's 1.96 in their own scratch folder, never in the site's target folder.
tool_install() { env -u CARGO_TARGET_DIR RUSTUP_TOOLCHAIN=debian-web cargo install -q "$@"; }
if ! cargo-leptos --version 2>/dev/null | grep -q "$CARGO_LEPTOS_VERSION"; then
  say "installing cargo-leptos $CARGO_LEPTOS_VERSION (about 20 minutes on 2 cores, once)"
  # Its own release profile asks for full LTO and one codegen unit, so its last crate compiles
  # alone on one core for about 15 minutes. The tool's speed does not matter (the site's build
  # does): without them it installs in about half the time.
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    tool_install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked
fi
if ! cargo-deny --version 2>/dev/null | grep -q "$CARGO_DENY_VERSION"; then
  say "installing cargo-deny $CARGO_DENY_VERSION (licences and sources check; a few minutes, once)"
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    tool_install cargo-deny --version "$CARGO_DENY_VERSION" --locked
fi
grep -q "wasm-bindgen = \"=$WASM_BINDGEN_VERSION\"" Cargo.toml || {
  say "Cargo.toml must pin wasm-bindgen = \"=$WASM_BINDGEN_VERSION\""; exit 1; }
if ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Its lock file pins webpki-roots 1.0.11, which the registry here lacks: build from the crate's
  # source with that one dependency moved back a patch version.
  # `cargo install --locked` fails on that pin, but only after unpacking the source: use it.
  tool_install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --locked >/dev/null 2>&1 || true
  if ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
    src="$(ls -d "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/wasm-bindgen-cli-"$WASM_BINDGEN_VERSION" | head -n1)"
    src_tmp="$(mktemp -d)"
    cp -r "$src" "$src_tmp/cli"
    (cd "$src_tmp/cli" &&
      env -u CARGO_TARGET_DIR RUSTUP_TOOLCHAIN=debian-web cargo update -q -p webpki-roots --precise 1.0.10 &&
      tool_install --path . --locked)
    rm -rf "$src_tmp"
  fi
fi

# --- npm tools: wasm-opt (binaryen) and the browser tests -------------------------------------
npm_ci() { # $1 = folder with package-lock.json; reinstall only when the lock file changed
  local dir="$1" stamp="$1/node_modules/.lock-stamp"
  if [ ! -f "$stamp" ] || ! cmp -s "$dir/package-lock.json" "$stamp"; then
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
    cp "$dir/package-lock.json" "$stamp"
  fi
}
npm_ci "$root/scripts/tools"
[ -f "$root/end2end/package-lock.json" ] && npm_ci "$root/end2end"

# --- Python tools: schemathesis (the API fuzz run), pinned in scripts/tools/requirements.txt ----
venv="$root/scripts/tools/.venv"
if [ ! -f "$venv/.req-stamp" ] || ! cmp -s "$root/scripts/tools/requirements.txt" "$venv/.req-stamp"; then
  say "installing schemathesis into scripts/tools/.venv"
  rm -rf "$venv"
  /usr/bin/python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check -r "$root/scripts/tools/requirements.txt"
  cp "$root/scripts/tools/requirements.txt" "$venv/.req-stamp"
fi
exit 0
