package dev.wasmcore.inspect.value;

import dev.wasmcore.inspect.VariableView.ValueState;
import dev.wasmcore.inspect.loc.Location;
import dev.wasmcore.inspect.types.TypeInfo;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * A typed value: a {@link TypeInfo} and where its bytes are. Immutable; reading happens on demand, so a value of a
 * huge array or a cyclic list costs nothing until a part of it is shown. Every read is bounded by the limits.
 */
public final class Value {
  private final TypeInfo type;
  private final ValueSource source;
  private final ValueEnv env;

  public Value(TypeInfo type, ValueSource source, ValueEnv env) {
    this.type = type;
    this.source = source;
    this.env = env;
  }

  public TypeInfo type() {
    return type;
  }

  public ValueSource source() {
    return source;
  }

  public ValueEnv env() {
    return env;
  }

  public static Value inMemory(TypeInfo type, long address, ValueEnv env) {
    return new Value(type, new ValueSource.InMemory(address), env);
  }

  public static Value missing(TypeInfo type, ValueState state, String reason, ValueEnv env) {
    return new Value(type, new ValueSource.Missing(state, reason), env);
  }

  /** A value from the bits of a scalar (a wasm local, a literal, a computed result), little-endian. */
  public static Value ofBits(TypeInfo type, long bits, ValueEnv env) {
    int size = (int) Math.max(1, Math.min(8, type.size() < 0 ? 8 : type.size()));
    byte[] b = new byte[Math.max(size, (int) Math.min(16, Math.max(0, type.size())))];
    for (int i = 0; i < Math.min(8, b.length); i++) {
      b[i] = (byte) (bits >>> (8 * i));
    }
    if (b.length > 8 && bits < 0) {
      Arrays.fill(b, 8, b.length, (byte) 0xFF);
    }
    return new Value(type, ValueSource.InBytes.of(b), env);
  }

  /**
   * The value a location describes: memory stays a reference into memory; values, implicit bytes and pieces are
   * assembled into bytes, with missing pieces marked unknown.
   */
  public static Value fromLocation(TypeInfo type, Location loc, ValueEnv env) {
    if (loc.isOptimizedOut()) {
      return missing(type, ValueState.OPTIMIZED_OUT, "optimized out", env);
    }
    long addr = loc.memoryAddress();
    if (addr >= 0) {
      return inMemory(type, addr, env);
    }
    long size = type.size();
    if (loc.isSimple()) {
      Location.Storage s = loc.pieces().get(0).storage();
      if (s instanceof Location.Storage.Unavailable u) {
        return missing(type, ValueUnavailableException.map(u.availability()), u.reason(), env);
      }
      if (s instanceof Location.Storage.Value v) {
        return ofBits(type, v.bits(), env);
      }
      if (s instanceof Location.Storage.Bytes b) {
        return new Value(type, ValueSource.InBytes.of(b.bytes()), env);
      }
      if (s instanceof Location.Storage.ImplicitPointer) {
        return missing(type, ValueState.UNAVAILABLE, "an implicit pointer to an optimized-out object", env);
      }
    }
    // Composite: lay the pieces out bit by bit.
    long totalBits = 0;
    for (Location.Piece p : loc.pieces()) {
      totalBits += Math.max(0, p.sizeBits());
    }
    int bytes = (int) Math.min(1 << 20, Math.max(size < 0 ? 0 : size, (totalBits + 7) / 8));
    byte[] data = new byte[bytes];
    boolean[] unknown = new boolean[bytes];
    ValueState state = null;
    String reason = null;
    long bitPos = 0;
    for (Location.Piece p : loc.pieces()) {
      long n = p.sizeBits() < 0 ? (long) bytes * 8 - bitPos : p.sizeBits();
      Location.Storage s = p.storage();
      byte[] src = null;
      if (s instanceof Location.Storage.Value v) {
        src = new byte[8];
        for (int i = 0; i < 8; i++) {
          src[i] = (byte) (v.bits() >>> (8 * i));
        }
      } else if (s instanceof Location.Storage.Bytes b) {
        src = b.bytes();
      } else if (s instanceof Location.Storage.Memory m) {
        int len = (int) Math.min(1 << 20, (p.bitOffset() + n + 7) / 8);
        src = new byte[len];
        int got = env.readMemory(m.address(), src, 0, len);
        if (got < len) {
          src = null;
          state = ValueState.UNREADABLE;
          reason = "unreadable memory at 0x" + Long.toHexString(m.address() + got);
        }
      } else if (s instanceof Location.Storage.Unavailable u) {
        if (state == null || u.availability() != dev.wasmcore.inspect.loc.ValueAvailability.OPTIMIZED_OUT) {
          state = ValueUnavailableException.map(u.availability());
          reason = u.reason();
        }
      } else {
        state = ValueState.UNAVAILABLE;
        reason = "an implicit pointer to an optimized-out object";
      }
      for (long i = 0; i < n && bitPos + i < (long) bytes * 8; i++) {
        long dst = bitPos + i;
        if (src == null) {
          unknown[(int) (dst / 8)] = true;
          continue;
        }
        long sb = p.bitOffset() + i;
        int bit = sb / 8 < src.length ? (src[(int) (sb / 8)] >> (sb % 8)) & 1 : 0;
        if (bit != 0) {
          data[(int) (dst / 8)] |= (byte) (1 << (dst % 8));
        }
      }
      bitPos += n;
    }
    for (long b = (bitPos + 7) / 8; b < bytes; b++) {
      unknown[(int) b] = true;
      if (state == null) {
        state = ValueState.OPTIMIZED_OUT;
        reason = "part of the value is optimized out";
      }
    }
    return new Value(type, new ValueSource.InBytes(data, unknown, state, reason), env);
  }

  /** The address in linear memory, or -1 when the value is not in memory. */
  public long address() {
    return source instanceof ValueSource.InMemory m ? m.address() : -1;
  }

  /** Throws when the whole value is missing. */
  public void requireAvailable() {
    if (source instanceof ValueSource.Missing m) {
      throw new ValueUnavailableException(m.state(), m.reason());
    }
  }

  public boolean isMissing() {
    return source instanceof ValueSource.Missing;
  }

  /** Reads {@code length} bytes at {@code offset} of this value. */
  public byte[] bytes(long offset, int length) {
    if (length < 0 || length > env.limits().maxBytesPerRequest()) {
      throw new ValueUnavailableException(ValueState.ERROR, "value of " + length + " bytes exceeds the read limit");
    }
    if (source instanceof ValueSource.Missing m) {
      throw new ValueUnavailableException(m.state(), m.reason());
    }
    byte[] out = new byte[length];
    if (source instanceof ValueSource.InMemory m) {
      int got = env.readMemory(m.address() + offset, out, 0, length);
      if (got < length) {
        throw ValueUnavailableException.unreadable(m.address() + offset + got);
      }
      return out;
    }
    ValueSource.InBytes b = (ValueSource.InBytes) source;
    for (int i = 0; i < length; i++) {
      long at = offset + i;
      if (at < 0 || at >= b.bytes().length || (b.unknown() != null && b.unknown()[(int) at])) {
        ValueState st = b.unknownState() != null ? b.unknownState() : ValueState.OPTIMIZED_OUT;
        throw new ValueUnavailableException(st, b.unknownReason() != null ? b.unknownReason()
            : "byte " + at + " of the value is not known");
      }
      out[i] = b.bytes()[(int) at];
    }
    return out;
  }

  /** The part of this value at {@code offset} with {@code type} (a member, an element). */
  public Value at(TypeInfo partType, long offset) {
    if (source instanceof ValueSource.InMemory m) {
      return inMemory(partType, m.address() + offset, env);
    }
    if (source instanceof ValueSource.Missing) {
      return new Value(partType, source, env);
    }
    ValueSource.InBytes b = (ValueSource.InBytes) source;
    long size = partType.size();
    int len = (int) Math.max(0, Math.min(size < 0 ? 0 : size, b.bytes().length - Math.max(0, offset)));
    if (offset < 0 || offset >= b.bytes().length && size > 0) {
      return missing(partType, b.unknownState() != null ? b.unknownState() : ValueState.OPTIMIZED_OUT,
          b.unknownReason() != null ? b.unknownReason() : "outside the known bytes of the value", env);
    }
    byte[] d = Arrays.copyOfRange(b.bytes(), (int) offset, (int) offset + len);
    boolean[] u = null;
    if (b.unknown() != null) {
      u = Arrays.copyOfRange(b.unknown(), (int) offset, (int) offset + len);
    }
    if (size > len) {
      // Bytes past the assembled value are unknown.
      d = Arrays.copyOf(d, (int) size);
      boolean[] u2 = new boolean[(int) size];
      if (u != null) {
        System.arraycopy(u, 0, u2, 0, len);
      }
      Arrays.fill(u2, len, (int) size, true);
      u = u2;
    }
    return new Value(partType, new ValueSource.InBytes(d, u, b.unknownState(), b.unknownReason()), env);
  }

  /** A bitfield member: the bits extracted into a value of the member's type. */
  public Value bitfield(TypeInfo.Member m) {
    TypeInfo t = m.typeInfo();
    long firstBit = m.bitOffset();
    int nbytes = (int) ((firstBit + m.bitSize() + 7) / 8);
    byte[] raw;
    try {
      raw = bytes(m.offset(), nbytes);
    } catch (ValueUnavailableException e) {
      return missing(t, e.state(), e.getMessage(), env);
    }
    BigInteger v = BigInteger.ZERO;
    for (int i = nbytes - 1; i >= 0; i--) {
      v = v.shiftLeft(8).or(BigInteger.valueOf(raw[i] & 0xFF));
    }
    long bits = v.shiftRight((int) firstBit).and(BigInteger.ONE.shiftLeft(m.bitSize()).subtract(BigInteger.ONE))
        .longValue();
    TypeInfo st = t.strip();
    boolean signed = st.kind() == TypeInfo.Kind.BASE
        && (st.encoding() == TypeInfo.ATE_SIGNED || st.encoding() == TypeInfo.ATE_SIGNED_CHAR);
    if (signed && m.bitSize() < 64 && ((bits >>> (m.bitSize() - 1)) & 1) != 0) {
      bits |= -1L << m.bitSize();
    }
    return ofBits(t, bits, env);
  }

  /** The value's bits as an unsigned or sign-extended long (sizes 1 to 8; bigger types give their low 64 bits). */
  public long asLong() {
    TypeInfo st = type.strip();
    long size = st.size();
    if (st.kind() == TypeInfo.Kind.ENUM && size < 0) {
      size = 4;
    }
    if (st.isPointerLike() || st.kind() == TypeInfo.Kind.PTR_TO_MEMBER) {
      size = size <= 0 ? env.pointerSize() : size;
    }
    if (size <= 0) {
      throw new ValueUnavailableException(ValueState.ERROR, "type " + type.displayName() + " has no size");
    }
    int n = (int) Math.min(8, size);
    byte[] b = bytes(0, n);
    long v = 0;
    for (int i = n - 1; i >= 0; i--) {
      v = (v << 8) | (b[i] & 0xFF);
    }
    if (n < 8 && isSigned(st) && ((v >>> (n * 8 - 1)) & 1) != 0) {
      v |= -1L << (n * 8);
    }
    return v;
  }

  /** The value of a 16-byte integer (int128), exact. */
  public BigInteger asBigInteger() {
    TypeInfo st = type.strip();
    int n = (int) Math.min(16, Math.max(1, st.size()));
    byte[] b = bytes(0, n);
    byte[] be = new byte[n];
    for (int i = 0; i < n; i++) {
      be[i] = b[n - 1 - i];
    }
    return isSigned(st) ? new BigInteger(be) : new BigInteger(1, be);
  }

  public double asDouble() {
    TypeInfo st = type.strip();
    long size = st.size();
    if (size == 4) {
      return Float.intBitsToFloat((int) asLong());
    }
    if (size == 8) {
      return Double.longBitsToDouble(asLong());
    }
    throw new ValueUnavailableException(ValueState.ERROR, size + "-byte floating point is not supported");
  }

  /** Signedness of a stripped type (signed base types and enums with signed underlying types). */
  public static boolean isSigned(TypeInfo st) {
    if (st.kind() == TypeInfo.Kind.BASE) {
      return st.encoding() == TypeInfo.ATE_SIGNED || st.encoding() == TypeInfo.ATE_SIGNED_CHAR;
    }
    if (st.kind() == TypeInfo.Kind.ENUM) {
      TypeInfo u = st.target();
      if (u != null && u.kind() != TypeInfo.Kind.VOID) {
        return isSigned(u.strip());
      }
      for (TypeInfo.Enumerator e : st.enumerators()) {
        if (e.value() < 0) {
          return true;
        }
      }
      return false;
    }
    return false;
  }

  /** The object a pointer or reference points to. */
  public Value deref() {
    TypeInfo st = type.strip();
    if (!st.isPointerLike()) {
      throw new ValueUnavailableException(ValueState.ERROR, "not a pointer: " + type.displayName());
    }
    long p = asLong() & pointerMask();
    return inMemory(st.target(), p, env);
  }

  long pointerMask() {
    return env.pointerSize() >= 8 ? -1L : (1L << (env.pointerSize() * 8)) - 1;
  }
}
