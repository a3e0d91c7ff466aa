package dev.wasmcore.wasm;

import dev.wasmcore.binary.ByteReader;

/**
 * A wasm value type (core spec 5.3.3/5.3.4): a number type, {@code v128}, or a reference type. Abbreviated reference
 * types are one byte; {@code (ref null ht)} (0x63) and {@code (ref ht)} (0x64) carry a heap type, an s33 that is
 * either a type index (&ge; 0) or a negative abstract heap type code.
 *
 * @param code the type byte (0x7F i32, 0x7E i64, 0x7D f32, 0x7C f64, 0x7B v128, 0x70 funcref, 0x6F externref, ...)
 * @param heapType the heap type of 0x63/0x64 reference types, otherwise 0
 */
public record ValType(int code, long heapType) {
  public static final ValType I32 = new ValType(0x7F, 0);
  public static final ValType I64 = new ValType(0x7E, 0);
  public static final ValType F32 = new ValType(0x7D, 0);
  public static final ValType F64 = new ValType(0x7C, 0);
  public static final ValType V128 = new ValType(0x7B, 0);
  public static final ValType FUNCREF = new ValType(0x70, 0);
  public static final ValType EXTERNREF = new ValType(0x6F, 0);

  /** Reads a value type; unknown type bytes are errors because the length of what follows is unknown. */
  public static ValType read(ByteReader r) {
    long at = r.position();
    int b = r.u8();
    if (b == 0x63 || b == 0x64) {
      return new ValType(b, r.varS33());
    }
    if (isSingleByte(b)) {
      return new ValType(b, 0);
    }
    throw r.error(at, "unknown value type 0x" + Integer.toHexString(b));
  }

  /** The one-byte value types this reader knows (number, vector and abbreviated reference types). */
  public static boolean isSingleByte(int b) {
    return (b >= 0x7B && b <= 0x7F) || (b >= 0x69 && b <= 0x74);
  }

  public boolean isNumber() {
    return code >= 0x7C && code <= 0x7F;
  }

  public boolean isReference() {
    return code == 0x63 || code == 0x64 || (code >= 0x69 && code <= 0x74);
  }

  /** The text-format name: {@code i32}, {@code funcref}, {@code (ref null 3)}. */
  public String name() {
    switch (code) {
      case 0x7F: return "i32";
      case 0x7E: return "i64";
      case 0x7D: return "f32";
      case 0x7C: return "f64";
      case 0x7B: return "v128";
      case 0x70: return "funcref";
      case 0x6F: return "externref";
      case 0x6E: return "anyref";
      case 0x6D: return "eqref";
      case 0x6C: return "i31ref";
      case 0x6B: return "structref";
      case 0x6A: return "arrayref";
      case 0x69: return "exnref";
      case 0x71: return "nullref";
      case 0x72: return "nullexternref";
      case 0x73: return "nullfuncref";
      case 0x74: return "nullexnref";
      case 0x63: return "(ref null " + heapTypeName(heapType) + ")";
      case 0x64: return "(ref " + heapTypeName(heapType) + ")";
      default: return "valtype(0x" + Integer.toHexString(code) + ")";
    }
  }

  /** The name of a heap type given as s33: a type index or an abstract heap type (its one-byte code as s7). */
  public static String heapTypeName(long heapType) {
    if (heapType >= 0) {
      return Long.toString(heapType);
    }
    int code = (int) (heapType & 0x7F);
    switch (code) {
      case 0x70: return "func";
      case 0x6F: return "extern";
      case 0x6E: return "any";
      case 0x6D: return "eq";
      case 0x6C: return "i31";
      case 0x6B: return "struct";
      case 0x6A: return "array";
      case 0x69: return "exn";
      case 0x71: return "none";
      case 0x72: return "noextern";
      case 0x73: return "nofunc";
      case 0x74: return "noexn";
      default: return "heaptype(0x" + Integer.toHexString(code) + ")";
    }
  }

  @Override
  public String toString() {
    return name();
  }
}
