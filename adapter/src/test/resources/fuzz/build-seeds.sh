#!/bin/sh
# Rebuilds the tiny DWARF seed modules from tiny.c (a few KB each: every type kind, location lists, inlining).
# clang-19 writes DWARF 5, clang-16 DWARF 4; no libc, so the DWARF is only this file's.
set -e
cd "$(dirname "$0")"
for v in "19 5 O0" "19 5 O2" "16 4 O0" "16 4 O2"; do
  set -- $v
  PATH=/usr/lib/llvm-$1/bin:$PATH clang-$1 --target=wasm32 -nostdlib -Wl,--no-entry -g -gdwarf-$2 -$3 tiny.c \
    -o tiny_dw$2_$3.wasm
done
ls -l tiny_dw*.wasm
