package dev.wasmcore.coredump;

/** The {@code core} section (Coredump.md: {@code process-info ::= 0x0 executable-name:name}). */
public record ProcessInfo(String executableName) {}
