#!/usr/bin/env bash
# Makes the class-data-sharing archive that adapter/wasmcore uses to start faster, for the jar as built now and the
# Java runtime given (default: the one the launcher would find: JAVA_HOME, then PATH):
#   Java 25 and newer: an AOT cache (JEP 483/514: classes loaded and linked ahead of time, with method profiles),
#   Java 17 to 24:     a static AppCDS archive (-Xshare:dump of the classes a training run loaded).
# Three archives per runtime, because a Java 25 AOT cache loads and links every class it holds at start-up, and a
# `bt` should not pay for the classes of the value renderer or the DAP server (a measured 5 ms): `-bt` is trained by
# `wasmcore bench --train bt` (bt, bt --json), `-cli` by `--train cli` (bt --locals, info, eval) and `-dap` by
# `--train dap` (a DAP session through the real server), each on every sample dump of src/out (C, C++ and Rust;
# DWARF 4 and 5; -O0 and -O2). They go to adapter/target/cds/wasmcore-<runtime version>-{bt,cli,dap}.{aot,jsa}; the
# launcher picks one by sub-command and ignores it once the jar is newer.
# Run again after each build of the jar (the launcher does when it builds the jar; adapter/src/bench/run.sh too).
#
# usage: adapter/src/bench/cds.sh [JAVA_HOME]
set -euo pipefail
here="$(cd -P "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
adapter_dir="$(cd "$here/../.." && pwd)"
repo_dir="$(cd "$adapter_dir/.." && pwd)"
jar="$adapter_dir/target/wasmcore.jar"
if [ -n "${1:-}" ]; then
  java_cmd="$1/bin/java"
elif [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
  java_cmd="$JAVA_HOME/bin/java"
else
  java_cmd="$(command -v java)"
fi
[ -f "$jar" ] || { echo "cds.sh: $jar is missing: build it first (mvn -pl adapter package -DskipTests)" >&2; exit 1; }
java_real="$(readlink -f "$java_cmd")"
java_home="${java_real%/bin/*}"
java_version="$(sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"$/\1/p' "$java_home/release")"
[ -n "$java_version" ] || { echo "cds.sh: no JAVA_RUNTIME_VERSION in $java_home/release" >&2; exit 1; }
feature="${java_version%%[.+-]*}"
samples=()
for core in "$repo_dir"/src/out/*.core; do
  [ -f "${core%.core}.wasm" ] && samples+=("$core" "${core%.core}.wasm")
done
[ "${#samples[@]}" -gt 0 ] || { echo "cds.sh: no sample dumps (*.core with *.wasm) in $repo_dir/src/out" >&2; exit 1; }
mkdir -p "$adapter_dir/target/cds"
base="$adapter_dir/target/cds/wasmcore-${java_version//[^A-Za-z0-9._-]/_}"
tmp="$base.$$.tmp"
trap 'rm -f "$tmp" "$tmp.config" "$tmp.classlist"' EXIT
# The options the launcher passes that an archive must match (the collector, so archived heap objects can be used;
# the reflection setting, see adapter/wasmcore); C1 only for the short commands, as the launcher runs them.
common=(-XX:+UseSerialGC -Djdk.reflect.useNativeAccessorOnly=true -Xlog:disable -Xlog:all=error:stderr)
for workload in bt cli dap; do
  opts=("${common[@]}")
  [ "$workload" = dap ] || opts+=(-XX:TieredStopAtLevel=1)
  if [ "$feature" -ge 25 ]; then
    "$java_cmd" "${opts[@]}" -XX:AOTCacheOutput="$tmp" -cp "$jar" dev.wasmcore.cli.Main \
      bench --train "$workload" "${samples[@]}" >/dev/null
    mv -f "$tmp" "$base-$workload.aot"
    echo "cds.sh: wrote $base-$workload.aot" >&2
  else
    # A static archive (the classes the training run loaded, dumped with -Xshare:dump) rather than a dynamic one
    # (-XX:ArchiveClassesAtExit): it also holds the JDK classes in one mapping and starts a cold bt 10-15 ms
    # sooner. The class path must be the very jar path the launcher passes to -cp.
    "$java_cmd" "${opts[@]}" -XX:DumpLoadedClassList="$tmp.classlist" -cp "$jar" dev.wasmcore.cli.Main \
      bench --train "$workload" "${samples[@]}" >/dev/null
    "$java_cmd" "${opts[@]}" -Xshare:dump -XX:SharedClassListFile="$tmp.classlist" -XX:SharedArchiveFile="$tmp" \
      -cp "$jar" >/dev/null
    mv -f "$tmp" "$base-$workload.jsa"
    echo "cds.sh: wrote $base-$workload.jsa" >&2
  fi
done
