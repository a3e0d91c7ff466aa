package dev.wasmcore.inspect;

/**
 * Why the program stopped and what wrote the dump.
 *
 * @param trapId a short id, e.g. "memory-access-out-of-bounds", "unreachable", or "trap" when unknown
 * @param description the trap as a sentence, e.g. "memory access out of bounds" (from the dump or inferred from the
 *     trapping instruction)
 * @param producer who wrote the dump, e.g. "V8 capture", "wasmtime", "wasm-coredump rewriter"
 * @param layout the corestack layout read, e.g. "tool-conventions Coredump.md" or "rewriter (counts first)"
 * @param summary one or two lines for a console: trap and the top source frame
 */
public record CrashInfo(String trapId, String description, String producer, String layout, String summary) {}
