#!/usr/bin/env bash
# The whole benchmark of issue 10 as it was run for the figures in the notes: builds the jar, makes the launcher's
# CDS archives (Java 17) and AOT caches (Java 25), builds the native rsbig core for the lldb-vscode side, and runs
# `wasmcore bench` with every part. Prints the Markdown table (also written to OUT/bench.md).
#
# The machine this runs on is shared (builds and tests of other work run at the same time), so by default the
# benchmark runs under SCHED_FIFO (chrt -f 10) when allowed: every measured program, wasmcore's and LLVM's alike,
# then runs ahead of the background load. BENCH_CHRT=0 measures under whatever load there is.
#
# usage: adapter/src/bench/run.sh CORPUS_DIR [OUT] [extra wasmcore bench options...]
set -euo pipefail
here="$(cd -P "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
adapter_dir="$(cd "$here/../.." && pwd)"
repo_dir="$(cd "$adapter_dir/.." && pwd)"
corpus="$(cd "${1:?usage: run.sh CORPUS_DIR [OUT] [options...]}" && pwd)"
out="${2:-/tmp/wasmcore-bench}"
shift $(( $# >= 2 ? 2 : 1 ))
mkdir -p "$out"
java25="${JAVA25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"

if [ ! -f "$adapter_dir/target/wasmcore.jar" ] || [ "${BENCH_BUILD:-1}" = 1 ]; then
  mvn -B -q -o -f "$repo_dir/pom.xml" -pl adapter package -DskipTests >&2
fi
"$here/cds.sh"
extra=()
if [ -x "$java25/bin/java" ]; then
  "$here/cds.sh" "$java25"
  extra+=(--java25 "$java25")
fi
mapfile -t native < <("$here/native-rsbig.sh" "$corpus" "$out/native")

prio=()
if [ "${BENCH_CHRT:-1}" = 1 ] && chrt -f 10 true 2>/dev/null; then
  prio=(chrt -f 10)
fi
"${prio[@]}" java -jar "$adapter_dir/target/wasmcore.jar" bench --corpus "$corpus" --work "$out/work" \
  --launcher "$adapter_dir/wasmcore" "${extra[@]}" \
  --native-program "${native[0]}" --native-core "${native[1]}" --markdown "$out/bench.md" "$@"
