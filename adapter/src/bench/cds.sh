#!/usr/bin/env bash
# Makes the class-data-sharing archive that adapter/wasmcore uses to start faster, for the jar as built now and the
# Java runtime given (default: the one the launcher would find: JAVA_HOME, then PATH):
#   Java 25 and newer: an AOT cache (JEP 483/514: classes loaded and linked ahead of time, with method profiles),
#   Java 17 to 24:     a static AppCDS archive (-Xshare:dump of the classes a training run loaded).
# Three archives per runtime, because a Java 25 AOT cache loads and links every class it holds at start-up, and a
# `bt` should not pay for the classes of the value renderer or the DAP server (a measured 5 ms): `-bt` is trained by
# `wasmcore bench --train bt` (bt, bt --json), `-cli` by `--train cli` (bt --locals, info, eval) and `-dap` by
# `--train dap` (a DAP session through the real server), each on every sample dump of src/out (C, C++ and Rust;
# DWARF 4 and 5; -O0 and -O2). They go to $WASMCORE_CDS_DIR (default adapter/target/cds) as
# wasmcore-<runtime version>-{bt,cli,dap}.{aot,jsa}; the launcher picks one by sub-command and ignores it once the jar
# is newer. The launcher runs this in the background when it finds none for its jar and runtime (then
# WASMCORE_CDS_LOCK names its lock directory, removed here at the end); adapter/src/bench/run.sh runs it too.
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
cds_dir="${WASMCORE_CDS_DIR:-$adapter_dir/target/cds}"
mkdir -p "$cds_dir"
version_tag="${java_version//[^A-Za-z0-9._-]/_}"
base="$cds_dir/wasmcore-$version_tag"
tmp="$base.$$.tmp"
# A run that fails for this jar leaves a .failed mark newer than the jar, which keeps the launcher from starting
# this again until the jar changes (a run that failed because the jar changed leaves none).
jar_changed=""
cleanup() {
  status=$?
  rm -f "$tmp" "$tmp.config" "$tmp.classlist"
  if [ "$status" -ne 0 ] && [ -z "$jar_changed" ]; then
    touch "$cds_dir/cds-$version_tag.failed"
  elif [ "$status" -eq 0 ]; then
    rm -f "$cds_dir/cds-$version_tag.failed"
  fi
  if [ -n "${WASMCORE_CDS_LOCK:-}" ]; then rmdir "$WASMCORE_CDS_LOCK" 2>/dev/null || true; fi
}
trap cleanup EXIT
samples=()
for core in "$repo_dir"/src/out/*.core; do
  [ -f "${core%.core}.wasm" ] && samples+=("$core" "${core%.core}.wasm")
done
[ "${#samples[@]}" -gt 0 ] || { echo "cds.sh: no sample dumps (*.core with *.wasm) in $repo_dir/src/out" >&2; exit 1; }
# An archive is only valid for the jar it was trained with: one rebuilt meanwhile discards the run.
jar_stamp="$(cksum < "$jar")" # POSIX, unlike stat's options
install_archive() {
  if [ "$(cksum < "$jar")" != "$jar_stamp" ]; then
    echo "cds.sh: $jar changed while the archives were made; run again" >&2
    jar_changed=yes
    exit 1
  fi
  mv -f "$tmp" "$1"
  echo "cds.sh: wrote $1" >&2
}
# The options the launcher passes that an archive must match (the collector, so archived heap objects can be used;
# the reflection setting, see adapter/wasmcore); C1 only for the short commands, as the launcher runs them.
common=(-XX:+UseSerialGC -Djdk.reflect.useNativeAccessorOnly=true -Xlog:disable -Xlog:all=error:stderr)
for workload in bt cli dap; do
  opts=("${common[@]}")
  [ "$workload" = dap ] || opts+=(-XX:TieredStopAtLevel=1)
  if [ "$feature" -ge 25 ]; then
    "$java_cmd" "${opts[@]}" -XX:AOTCacheOutput="$tmp" -cp "$jar" dev.wasmcore.cli.Main \
      bench --train "$workload" "${samples[@]}" >/dev/null
    install_archive "$base-$workload.aot"
  else
    # A static archive (the classes the training run loaded, dumped with -Xshare:dump) rather than a dynamic one
    # (-XX:ArchiveClassesAtExit): it also holds the JDK classes in one mapping and starts a cold bt 10-15 ms
    # sooner. The class path must be the very jar path the launcher passes to -cp.
    "$java_cmd" "${opts[@]}" -XX:DumpLoadedClassList="$tmp.classlist" -cp "$jar" dev.wasmcore.cli.Main \
      bench --train "$workload" "${samples[@]}" >/dev/null
    "$java_cmd" "${opts[@]}" -Xshare:dump -XX:SharedClassListFile="$tmp.classlist" -XX:SharedArchiveFile="$tmp" \
      -cp "$jar" >/dev/null
    install_archive "$base-$workload.jsa"
  fi
done
