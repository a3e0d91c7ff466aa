package dev.wasmcore.wasm;

/** One export (core spec 5.5.10): a name and an index into the space of its kind. */
public record Export(String name, ExternKind kind, long index) {}
