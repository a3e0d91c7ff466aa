#!/usr/bin/env bash
# Makes the class-data-sharing archive that adapter/wasmcore uses to start faster, for the jar as built now and the
# Java runtime given (default: the one the launcher would find: JAVA_HOME, then PATH):
#   Java 25 and newer: an AOT cache (JEP 483/514: classes loaded and linked ahead of time, with method profiles),
#   Java 17 to 24:     a static AppCDS archive (-Xshare:dump of the classes a training run loaded).
# The training run is `wasmcore bench --train` on the project's demo sample: `bt --json` plus a DAP session through
# the real server in one JVM, so the archive holds what both the CLI and the server load. The archive goes to
# adapter/target/cds/wasmcore-<runtime version>.{aot,jsa}; the launcher ignores it once the jar is newer. Run again
# after each build of the jar (adapter/src/bench/run.sh does both).
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
sample_core="$repo_dir/src/out/c_dw5_O0.core"
sample_wasm="$repo_dir/src/out/c_dw5_O0.wasm"
[ -f "$sample_core" ] && [ -f "$sample_wasm" ] || { echo "cds.sh: the demo sample $sample_core is missing" >&2; exit 1; }
mkdir -p "$adapter_dir/target/cds"
base="$adapter_dir/target/cds/wasmcore-${java_version//[^A-Za-z0-9._-]/_}"
tmp="$base.$$.tmp"
trap 'rm -f "$tmp" "$tmp.config" "$tmp.classlist"' EXIT
# The same GC as the launcher passes, so archived heap objects can be used.
if [ "$feature" -ge 25 ]; then
  "$java_cmd" -XX:+UseSerialGC -XX:AOTCacheOutput="$tmp" -Xlog:disable -Xlog:all=error:stderr \
    -jar "$jar" bench --train "$sample_core" "$sample_wasm" >/dev/null
  mv -f "$tmp" "$base.aot"
  echo "cds.sh: wrote $base.aot" >&2
else
  # A static archive (the classes the training run loaded, dumped with -Xshare:dump) rather than a dynamic one
  # (-XX:ArchiveClassesAtExit): it also holds the JDK classes in one mapping and starts a cold bt 10-15 ms sooner.
  # The class path must be the very jar path the launcher passes to -jar.
  "$java_cmd" -XX:+UseSerialGC -XX:DumpLoadedClassList="$tmp.classlist" -Xlog:disable -Xlog:all=error:stderr \
    -jar "$jar" bench --train "$sample_core" "$sample_wasm" >/dev/null
  "$java_cmd" -XX:+UseSerialGC -Xshare:dump -XX:SharedClassListFile="$tmp.classlist" -XX:SharedArchiveFile="$tmp" \
    -Xlog:disable -Xlog:all=error:stderr -cp "$jar" >/dev/null
  mv -f "$tmp" "$base.jsa"
  echo "cds.sh: wrote $base.jsa" >&2
fi
