#!/usr/bin/env bash
# Runs ../shared/dap-check on every corpus case, over stdio and over TCP, with the project's launcher.
# Usage (from anywhere): adapter/src/test/scripts/dap-check-all.sh [--include-variants]
#   --include-variants  also the wasmtime-style (_wt) and rewriter-layout (_rw) cases
set -euo pipefail
root=$(cd "$(dirname "$0")/../../../.." && pwd)
shared=${WASMCORE_SHARED:-$root/../shared}
cases=()
for c in "$shared"/corpus/cases/*.json; do
  case "$c" in
    *_wt.json|*_rw.json) [ "${1:-}" = "--include-variants" ] || continue ;;
  esac
  cases+=(--case "$c")
done
cd "$root"
status=0
echo "dap-check (stdio):"
"$shared/dap-check/dap-check" --adapter "$root/adapter/wasmcore" "${cases[@]}" --concurrency 2 --timeout 60000 || status=1
echo "dap-check (tcp):"
"$shared/dap-check/dap-check" --adapter "$root/adapter/wasmcore" "${cases[@]}" --tcp --concurrency 4 --timeout 60000 || status=1
exit $status
