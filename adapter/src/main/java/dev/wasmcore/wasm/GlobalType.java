package dev.wasmcore.wasm;

import dev.wasmcore.binary.ByteReader;

/** A global's type (core spec 5.3.10): value type and mutability. */
public record GlobalType(ValType type, boolean mutable) {
  public static GlobalType read(ByteReader r) {
    ValType t = ValType.read(r);
    long at = r.position();
    int m = r.u8();
    // bit 0 mutable; bit 1 shared (shared-everything threads) is accepted and ignored
    if ((m & ~0x03) != 0) {
      throw r.error(at, "invalid global mutability 0x" + Integer.toHexString(m));
    }
    return new GlobalType(t, (m & 1) != 0);
  }

  @Override
  public String toString() {
    return mutable ? "(mut " + type + ")" : type.toString();
  }
}
