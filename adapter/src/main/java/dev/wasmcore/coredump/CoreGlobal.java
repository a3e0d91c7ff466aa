package dev.wasmcore.coredump;

import dev.wasmcore.wasm.GlobalType;
import dev.wasmcore.wasm.WasmValue;

/**
 * A global of the dump's global section: its index, type, and value (the constant of its initializer; missing when
 * the producer wrote no value, as WasmEdge does, or a non-constant initializer).
 */
public record CoreGlobal(long index, GlobalType type, WasmValue value) {}
