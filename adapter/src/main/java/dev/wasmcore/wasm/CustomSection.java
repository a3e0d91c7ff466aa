package dev.wasmcore.wasm;

import dev.wasmcore.binary.ByteRegion;

/**
 * A custom section (id 0): its name and its content after the name, not copied.
 *
 * @param name the section name
 * @param headerOffset file offset of the section id byte
 * @param content the bytes after the name
 */
public record CustomSection(String name, long headerOffset, ByteRegion content) {}
