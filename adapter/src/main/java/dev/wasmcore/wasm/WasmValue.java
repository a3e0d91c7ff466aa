package dev.wasmcore.wasm;

import java.util.Objects;

/**
 * One typed wasm value as a core dump or a constant expression stores it: a type plus its raw bits, or
 * <em>missing</em> (the producer could not recover it). A missing value is never shown as zero.
 *
 * <p>Floats keep their exact bits (NaN payloads included); {@link #format()} prints them without loss.
 */
public final class WasmValue {
  /** The kinds of value a dump can hold. */
  public enum Kind { I32, I64, F32, F64, V128, REF_NULL, REF_FUNC, MISSING }

  private static final WasmValue MISSING = new WasmValue(Kind.MISSING, null, 0, 0);

  private final Kind kind;
  private final ValType type;
  private final long bits;
  private final long highBits;

  private WasmValue(Kind kind, ValType type, long bits, long highBits) {
    this.kind = kind;
    this.type = type;
    this.bits = bits;
    this.highBits = highBits;
  }

  public static WasmValue i32(int v) {
    return new WasmValue(Kind.I32, ValType.I32, v, 0);
  }

  public static WasmValue i64(long v) {
    return new WasmValue(Kind.I64, ValType.I64, v, 0);
  }

  /** An f32 from its IEEE 754 bits. */
  public static WasmValue f32Bits(int bits) {
    return new WasmValue(Kind.F32, ValType.F32, bits & 0xFFFFFFFFL, 0);
  }

  /** An f64 from its IEEE 754 bits. */
  public static WasmValue f64Bits(long bits) {
    return new WasmValue(Kind.F64, ValType.F64, bits, 0);
  }

  /** A v128 from its low and high 64 bits (little-endian lane order: byte 0 is the low byte of {@code low}). */
  public static WasmValue v128(long low, long high) {
    return new WasmValue(Kind.V128, ValType.V128, low, high);
  }

  /** A null reference of the given reference type. */
  public static WasmValue refNull(ValType type) {
    return new WasmValue(Kind.REF_NULL, Objects.requireNonNull(type), 0, 0);
  }

  /** A reference to function {@code funcIndex}. */
  public static WasmValue refFunc(long funcIndex) {
    return new WasmValue(Kind.REF_FUNC, ValType.FUNCREF, funcIndex, 0);
  }

  /** The producer did not record this value. */
  public static WasmValue missing() {
    return MISSING;
  }

  public Kind kind() {
    return kind;
  }

  public boolean isMissing() {
    return kind == Kind.MISSING;
  }

  /** The value type, or null for a missing value. */
  public ValType type() {
    return type;
  }

  /** The raw bits: an i32 sign-extended, an f32's 32 bits zero-extended, the low half of a v128. */
  public long bits() {
    return bits;
  }

  /** The high 64 bits of a v128, else 0. */
  public long highBits() {
    return highBits;
  }

  /** The value as a signed integer (i32 sign-extended, i64 as is); an error for other kinds. */
  public long asLong() {
    if (kind != Kind.I32 && kind != Kind.I64) {
      throw new IllegalStateException("not an integer: " + this);
    }
    return bits;
  }

  /** The value as a double: f32 exactly widened, f64 as is; an error for other kinds. */
  public double asDouble() {
    if (kind == Kind.F32) {
      return Float.intBitsToFloat((int) bits);
    }
    if (kind == Kind.F64) {
      return Double.longBitsToDouble(bits);
    }
    throw new IllegalStateException("not a float: " + this);
  }

  /** The type name ({@code i32}, {@code f64}, {@code funcref}) or {@code missing}. */
  public String typeName() {
    return type == null ? "missing" : type.name();
  }

  /**
   * The value as text, exactly: integers in signed decimal, floats in the shortest decimal that reads back to the
   * same bits ({@code NaN} with a non-canonical payload as {@code nan:0x...}), v128 as 32 hex digits (high first),
   * references as {@code null} or {@code ref.func N}, and a missing value as {@code <unavailable>}.
   */
  public String format() {
    switch (kind) {
      case I32:
      case I64:
        return Long.toString(bits);
      case F32: {
        float f = Float.intBitsToFloat((int) bits);
        if (Float.isNaN(f)) {
          int payload = (int) bits & 0x7FFFFF;
          String sign = ((int) bits < 0) ? "-" : "";
          return payload == 0x400000 ? sign + "NaN" : sign + "nan:0x" + Integer.toHexString(payload);
        }
        return Float.toString(f);
      }
      case F64: {
        double d = Double.longBitsToDouble(bits);
        if (Double.isNaN(d)) {
          long payload = bits & 0xFFFFFFFFFFFFFL;
          String sign = bits < 0 ? "-" : "";
          return payload == 0x8000000000000L ? sign + "NaN" : sign + "nan:0x" + Long.toHexString(payload);
        }
        return Double.toString(d);
      }
      case V128:
        return String.format("0x%016x%016x", highBits, bits);
      case REF_NULL:
        return "null";
      case REF_FUNC:
        return "ref.func " + bits;
      default:
        return "<unavailable>";
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof WasmValue)) {
      return false;
    }
    WasmValue v = (WasmValue) o;
    return kind == v.kind && bits == v.bits && highBits == v.highBits && Objects.equals(type, v.type);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, bits, highBits, type);
  }

  /** {@code type value}, e.g. {@code i32 1005} or {@code missing}. */
  @Override
  public String toString() {
    return isMissing() ? "missing" : typeName() + " " + format();
  }
}
