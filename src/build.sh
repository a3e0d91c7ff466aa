#!/bin/bash
# build.sh: build wasmcore's sample modules, capture their core dumps and write their
# expected answers, into src/out/ (or OUTDIR).
#
# usage: src/build.sh [--install] [OUTDIR]
#   --install  first apt-get install the Debian packages listed below (as root)
#   OUTDIR     where NAME.wasm, NAME.core and expected/NAME.json go (default: src/out)
#
# The outputs are committed, so nothing else in the project needs a compiler. They are
# reproducible: the same toolchain versions (see src/README.md) give the same bytes, which
#   src/build.sh /tmp/rebuild && diff -r src/out /tmp/rebuild
# checks. Takes about 30 seconds.
set -euo pipefail

# Debian 12 (bookworm) packages, plus Node.js 20 or later (for the captures).
PACKAGES=(
  clang-19 lld-19 libclang-rt-19-dev-wasm32 libc++-19-dev-wasm32 libc++abi-19-dev-wasm32  # C and C++, LLVM 19
  clang-16 lld-16 libclang-rt-16-dev-wasm32 wasi-libc                                     # C with LLVM 16 (DWARF 4); wasm-ld-16 links Rust
  llvm-16                                                                                 # llvm-symbolizer-16 for expected/*.json
  rustc libstd-rust-dev-wasm32                                                            # Debian's rustc 1.63 and its wasm32-wasi std
)
if [ "${1:-}" = "--install" ]; then
  shift
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${PACKAGES[@]}"
fi

SRC=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-$SRC/out}
mkdir -p "$OUT/expected"
OUT=$(cd "$OUT" && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

NODE=${NODE:-node}
RUSTC=${RUSTC:-/usr/bin/rustc}     # Debian's rustc: it has the wasm32-wasi std (a rustup rustc may come first on PATH)

# Debian's clang runs binaryen's wasm-opt after linking at -O1 and above when it finds one on
# PATH, and binaryen rewrites (DWARF 4) or rejects (DWARF 5) the debug info. So clang gets a
# PATH holding only the drivers and linkers it needs.
mkdir -p "$WORK/bin"
for tool in clang-16 clang-19 clang++-19 wasm-ld-16 wasm-ld-19; do ln -s "/usr/bin/$tool" "$WORK/bin/$tool"; done
cc() { PATH="$WORK/bin" "$@"; }

# DWARF records the source folder as /wasmcore/src (comp_dir and file names), wherever the
# checkout is: a debugger maps /wasmcore/src back to this folder.
WASI=(--target=wasm32-wasi --sysroot=/usr -ffile-prefix-map="$SRC"=/wasmcore/src)

# ---- C: src/c/inventory.c (the demo sample is c_dw5_O0)
cd "$SRC/c"
cc clang-19 "${WASI[@]}" -g -gdwarf-5 -O0 inventory.c -o "$OUT/c_dw5_O0.wasm"
cc clang-19 "${WASI[@]}" -g -gdwarf-5 -O2 inventory.c -o "$OUT/c_dw5_O2.wasm"
cc clang-16 "${WASI[@]}" -g -gdwarf-4 -O0 inventory.c -o "$OUT/c_dw4_O0.wasm"

# ---- C++: src/cpp/orders.cpp, libc++ 19 (Debian's wasm32 libc++abi has no exception runtime)
cd "$SRC/cpp"
cc clang++-19 "${WASI[@]}" -fno-exceptions -g -gdwarf-5 -O0 orders.cpp -o "$OUT/cpp_dw5_O0.wasm"
cc clang++-19 "${WASI[@]}" -fno-exceptions -g -gdwarf-5 -O2 orders.cpp -o "$OUT/cpp_dw5_O2.wasm"

# ---- Rust: src/rust/telemetry.rs (rustc 1.63 writes DWARF 4; Debian ships no rust-lld)
cd "$SRC/rust"
RUST=(--target wasm32-wasi -g -C linker=wasm-ld-16 --remap-path-prefix="$SRC"=/wasmcore/src)
"$RUSTC" "${RUST[@]}" -C opt-level=0 "$SRC/rust/telemetry.rs" -o "$OUT/rs_O0.wasm"
"$RUSTC" "${RUST[@]}" -C opt-level=2 "$SRC/rust/telemetry.rs" -o "$OUT/rs_O2.wasm"

# ---- core dumps: run each module under Node until it traps, with the capture tool
SAMPLES=(c_dw5_O0 c_dw5_O2 c_dw4_O0 cpp_dw5_O0 cpp_dw5_O2 rs_O0 rs_O2)
cd "$OUT"
for name in "${SAMPLES[@]}"; do
  "$NODE" "$SRC/capture/wasmcore-capture.mjs" --deterministic --quiet --out "$OUT/$name.core" \
      --frames-json "$WORK/$name.frames.json" "$name.wasm" >/dev/null 2>"$WORK/$name.log" \
    || { echo "capture of $name failed:" >&2; cat "$WORK/$name.log" >&2; exit 1; }
done

# ---- check every capture against V8's own stack trace text (function index and file offset per frame)
for name in "${SAMPLES[@]}"; do
  "$NODE" "$SRC/tools/check-v8-trace.mjs" "$OUT/$name.wasm" "$WORK/$name.frames.json" >/dev/null 2>"$WORK/$name.v8.log" \
    || { cat "$WORK/$name.v8.log" >&2; exit 1; }
done

# ---- expected/NAME.json: the captured frames symbolized by llvm-symbolizer-16, plus the
# hand-written facts of src/facts/NAME.json
for name in "${SAMPLES[@]}"; do
  "$NODE" "$SRC/tools/expected.mjs" --module "$OUT/$name.wasm" --frames "$WORK/$name.frames.json" \
      --facts "$SRC/facts/$name.json" --out "$OUT/expected/$name.json"
done
echo "built ${#SAMPLES[@]} modules, cores and expected files in $OUT"
