#!/usr/bin/env bash
# Builds the corpus's rsbig program NATIVELY (x86_64) with panic = "abort", runs it until it aborts with a core dump,
# and prints the two paths (program, core) for `wasmcore bench --native-program P --native-core C`: the lldb-vscode
# side of "opening a crash the way an editor does". Same sources, same crates (Debian's packages, offline, through
# a .cargo/config.toml like the corpus's tools/build.sh uses for the wasm build), same profile (release, debug = 2,
# overflow checks) and Debian's rustc 1.63 like the wasm module; only the target and the panic strategy differ.
# Everything is built under OUT (default /tmp/wasmcore-native-rsbig), never in the checkout.
#
# usage: adapter/src/bench/native-rsbig.sh CORPUS_DIR [OUT]
# needs: apt-get install cargo librust-regex-dev librust-serde-json-dev librust-serde-derive-dev
#        librust-aho-corasick-dev librust-memchr-dev  (and gdb, for the gcore fallback)
set -euo pipefail
corpus="${1:?usage: native-rsbig.sh CORPUS_DIR [OUT]}"
out="${2:-/tmp/wasmcore-native-rsbig}"
src="$corpus/src/rsbig"
[ -f "$src/Cargo.toml" ] || { echo "native-rsbig.sh: $src/Cargo.toml not found" >&2; exit 1; }
mkdir -p "$out"
rm -rf "$out/rsbig/src"
mkdir -p "$out/rsbig/.cargo"
cp -r "$src/Cargo.toml" "$src/Cargo.lock" "$src/src" "$out/rsbig/"
chmod -R u+w "$out/rsbig"
grep -q '^panic = "abort"' "$out/rsbig/Cargo.toml" || printf 'panic = "abort"\n' >> "$out/rsbig/Cargo.toml"
cat > "$out/rsbig/.cargo/config.toml" <<'TOML'
[source.crates-io]
replace-with = "debian"
[source.debian]
directory = "/usr/share/cargo/registry"
[net]
offline = true
TOML
# Debian's toolchain explicitly (a rustup toolchain on PATH would give another compiler than the wasm build's).
(cd "$out/rsbig" && RUSTC=/usr/bin/rustc /usr/bin/cargo build --quiet --release) >&2
program="$out/rsbig/target/release/rsbig"

# Run it until the overflow panic aborts (SIGABRT). The kernel writes the core when core_pattern is a plain file
# name and the limit allows; otherwise (a pipe to a crash collector, or a sandbox that forbids it) gdb stops the
# program at the abort signal and writes the core with gcore.
run="$out/run"
rm -rf "$run" && mkdir -p "$run"
pattern="$(cat /proc/sys/kernel/core_pattern 2>/dev/null || echo core)"
core=""
if [ "${pattern:0:1}" != "|" ]; then
  (cd "$run" && ulimit -c unlimited && "$program" >/dev/null 2>&1) || true
  core="$(find "$run" -maxdepth 1 -name 'core*' -type f | head -1)"
fi
if [ -z "$core" ]; then
  echo "native-rsbig.sh: no core from the kernel (core_pattern '$pattern'); using gdb's gcore" >&2
  (cd "$run" && gdb -q -batch -ex 'handle SIGABRT stop nopass' -ex run -ex "gcore $run/core" "$program" >/dev/null 2>&1)
  core="$run/core"
fi
[ -s "$core" ] || { echo "native-rsbig.sh: no core dump was written" >&2; exit 1; }
echo "$program"
echo "$core"
