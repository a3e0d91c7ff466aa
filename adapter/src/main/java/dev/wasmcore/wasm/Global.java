package dev.wasmcore.wasm;

/** A global defined by the module (core spec 5.5.9): its index in the global index space, type and initializer. */
public record Global(long index, GlobalType type, ConstExpr init) {}
