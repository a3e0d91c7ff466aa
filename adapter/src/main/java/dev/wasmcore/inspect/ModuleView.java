package dev.wasmcore.inspect;

/**
 * A module of the dump as the session resolved it.
 *
 * @param index position in the dump's module list
 * @param name the dump's or the name section's module name
 * @param path the module file used, or null when not found
 * @param symbolStatus e.g. "DWARF in module", "DWARF from /x/debug.wasm", "no DWARF (name section only)"
 * @param buildId hex build id or null
 * @param producer the producers section summary (languages, tools) or null
 */
public record ModuleView(int index, String name, String path, String symbolStatus, String buildId,
    String producer) {}
