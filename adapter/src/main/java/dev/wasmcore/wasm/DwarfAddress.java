package dev.wasmcore.wasm;

/**
 * An address as DWARF for wasm counts it: relative to the start of the Code section's payload (the byte right after
 * the section-size LEB128, where the function count is). {@code DW_AT_low_pc}, line tables and ranges use it.
 */
public record DwarfAddress(long value) {
  public DwarfAddress {
    if (value < 0) {
      throw new IllegalArgumentException("negative DWARF address " + value);
    }
  }

  @Override
  public String toString() {
    return "0x" + Long.toHexString(value);
  }
}
