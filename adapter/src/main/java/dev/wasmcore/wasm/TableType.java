package dev.wasmcore.wasm;

/** A table's type (core spec 5.3.9): element reference type and limits. */
public record TableType(ValType elementType, Limits limits) {}
