package dev.wasmcore.dwarf;

/**
 * A half-open address range {@code [low, high)} in the object's address space (for wasm: offsets in the Code
 * section payload).
 */
public record AddressRange(long low, long high) {
  /** Whether {@code address} lies in the range (unsigned comparison). */
  public boolean contains(long address) {
    return Long.compareUnsigned(address, low) >= 0 && Long.compareUnsigned(address, high) < 0;
  }

  /** Whether the range covers no address. */
  public boolean isEmpty() {
    return Long.compareUnsigned(high, low) <= 0;
  }

  @Override
  public String toString() {
    return "[0x" + Long.toHexString(low) + ", 0x" + Long.toHexString(high) + ")";
  }
}
