package dev.wasmcore.wasm;

/**
 * One import (core spec 5.5.5). Exactly one of the descriptor fields applies, by {@code kind}: {@code typeIndex} for
 * functions and tags, {@code table}, {@code memory} or {@code global}.
 */
public record Import(String module, String name, ExternKind kind, long typeIndex, TableType table, Limits memory,
    GlobalType global) {}
