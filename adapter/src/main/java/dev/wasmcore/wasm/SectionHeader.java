package dev.wasmcore.wasm;

import dev.wasmcore.binary.ByteRegion;

/**
 * One section as indexed on open: its id, where its header starts, and its payload (the bytes after the size LEB128).
 *
 * @param id the section id (0 custom, 1 type, ... 12 data count, 13 tag)
 * @param headerOffset file offset of the id byte
 * @param payload the section's payload, not copied
 * @param customName the name of a custom section, else null
 */
public record SectionHeader(int id, long headerOffset, ByteRegion payload, String customName) {
  /** A readable name: {@code code section}, {@code custom section "name"}. */
  public String describe() {
    return id == SectionId.CUSTOM ? "custom section \"" + customName + "\"" : SectionId.name(id) + " section";
  }
}
