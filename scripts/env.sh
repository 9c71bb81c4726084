# Sourced by the Makefile and scripts: picks the Rust toolchain that has a wasm32 standard library and
# puts the project's build tools on PATH. Prints nothing.
# Why a separate file: bootstrap.sh installs, env.sh only selects, so every make target is cheap.
_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$_root/scripts/tools/node_modules/.bin:$PATH"
if [ -n "${SMSITE_OFFLINE_WASM:-}" ] || ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  if rustup toolchain list 2>/dev/null | grep -q '^debian-web'; then
    export RUSTUP_TOOLCHAIN=debian-web
  fi
fi
# A build folder outside the clone survives CI's fresh clones; override with CARGO_TARGET_DIR.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$_root/target}"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
unset _root
# cargo-leptos sets this for its builds, and leptos reads it at compile time (it names the wasm
# file in the hydration script). Plain `cargo test`/`clippy` must see the same value, or they
# rebuild leptos differently and overwrite the server binary with one that asks for the wrong file.
export LEPTOS_OUTPUT_NAME=smsite
