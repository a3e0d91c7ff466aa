#!/usr/bin/env bash
# The wasmcore extension in a real, headless VS Code (see vscode-e2e.mjs for what is checked).
#   1. installs code-server 4.139.1 (+ Node 24), playwright-core and Debian's chromium into a cache outside the
#      checkout (~/.cache/wasmcore-e2e; idempotent: a second run installs nothing);
#   2. builds the .vsix when it is not there (npm ci, tsc, vsce package with the adapter jar);
#   3. runs the UI test, bounded in time; screenshots and code-server's log go to test-results/e2e/.
# Exit status 0 only when every check passed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
ext="$(cd "$here/../.." && pwd)"
cd "$ext"

cache="$("$here/install.sh" | tail -n 1)"

if [ ! -f "$ext/wasmcore.vsix" ] || [ ! -f "$ext/out/test/samples.js" ]; then
  echo "[e2e] building the extension (.vsix)" >&2
  if [ ! -f "$ext/../adapter/target/wasmcore.jar" ]; then
    (cd "$ext/.." && mvn -B -q -pl adapter package -DskipTests)
  fi
  [ -d node_modules ] || npm ci --no-audit --no-fund
  npm run compile
  npm run package
fi

# hard limit on top of the script's own watchdog (which cleans up first)
exec timeout --kill-after=30 "${WASMCORE_E2E_HARD_TIMEOUT_S:-1800}" \
  node "$here/vscode-e2e.mjs" --cache "$cache" --vsix "$ext/wasmcore.vsix"
