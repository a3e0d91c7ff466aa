package dev.wasmcore.coredump;

/** One entry of {@code coremodules} ({@code coremodule ::= 0x0 module-name:name}). */
public record CoreModule(int index, String name) {}
