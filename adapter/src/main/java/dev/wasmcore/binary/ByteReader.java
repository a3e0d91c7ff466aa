package dev.wasmcore.binary;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The one cursor for all bytes: little-endian fixed-width reads, LEB128 with length and range checks, every read
 * bounds-checked against the reader's limit, and every error an {@link MalformedInputException} naming the source
 * and the absolute offset. A reader is a cheap mutable object owned by one thread; make a new one per task.
 */
public final class ByteReader {
  private final ByteSource source;
  private final long start;
  private final long limit;
  private long pos;

  ByteReader(ByteSource source, long start, long limit) {
    this.source = source;
    this.start = start;
    this.limit = limit;
    this.pos = start;
  }

  /** A reader over a whole byte array (tests). */
  public static ByteReader of(String name, byte[] bytes) {
    return new ArrayByteSource(name, bytes).all().reader();
  }

  public ByteSource source() {
    return source;
  }

  /** Absolute position of the next byte. */
  public long position() {
    return pos;
  }

  /** Absolute offset of the first byte this reader may read. */
  public long startOffset() {
    return start;
  }

  /** Absolute offset just past the last byte this reader may read. */
  public long limit() {
    return limit;
  }

  public long remaining() {
    return limit - pos;
  }

  public boolean hasRemaining() {
    return pos < limit;
  }

  /** Moves to an absolute position within {@code [start, limit]}. */
  public void seek(long absolute) {
    if (absolute < start || absolute > limit) {
      throw error(pos, "seek to 0x" + Long.toHexString(absolute) + " outside [0x" + Long.toHexString(start)
          + ", 0x" + Long.toHexString(limit) + ")");
    }
    pos = absolute;
  }

  public void skip(long n) {
    need(n);
    pos += n;
  }

  /** An error at the current position. */
  public MalformedInputException error(String reason) {
    return new MalformedInputException(source.name(), pos, reason);
  }

  /** An error at an absolute position. */
  public MalformedInputException error(long absolute, String reason) {
    return new MalformedInputException(source.name(), absolute, reason);
  }

  private void need(long n) {
    if (n < 0 || n > limit - pos) {
      throw error(pos, "unexpected end of data: need " + n + " bytes, " + (limit - pos) + " left");
    }
  }

  public int u8() {
    need(1);
    return source.get(pos++) & 0xFF;
  }

  public int peekU8() {
    need(1);
    return source.get(pos) & 0xFF;
  }

  public int u16() {
    need(2);
    int v = (source.get(pos) & 0xFF) | (source.get(pos + 1) & 0xFF) << 8;
    pos += 2;
    return v;
  }

  /** An unsigned 24-bit value (DWARF strx3/addrx3). */
  public int u24() {
    need(3);
    int v = (source.get(pos) & 0xFF) | (source.get(pos + 1) & 0xFF) << 8 | (source.get(pos + 2) & 0xFF) << 16;
    pos += 3;
    return v;
  }

  /** An unsigned 32-bit value, as a long. */
  public long u32() {
    need(4);
    long v = source.getIntLE(pos) & 0xFFFFFFFFL;
    pos += 4;
    return v;
  }

  public int i32() {
    return (int) u32();
  }

  public long u64() {
    need(8);
    long v = source.getLongLE(pos);
    pos += 8;
    return v;
  }

  /** An unsigned little-endian value of 1, 2, 4 or 8 bytes. */
  public long unsigned(int size) {
    switch (size) {
      case 1: return u8();
      case 2: return u16();
      case 3: return u24();
      case 4: return u32();
      case 8: return u64();
      default: throw error("unsupported value size " + size);
    }
  }

  public float f32() {
    return Float.intBitsToFloat(i32());
  }

  public double f64() {
    return Double.longBitsToDouble(u64());
  }

  /** Unsigned LEB128 of at most 64 bits (10 bytes); longer encodings or overflowing bits are errors. */
  public long uleb128() {
    long at = pos;
    long result = 0;
    int shift = 0;
    while (true) {
      if (pos >= limit) {
        throw error(at, "LEB128 runs past the end of data");
      }
      int b = source.get(pos++) & 0xFF;
      if (shift == 63 && (b & 0x7E) != 0) {
        throw error(at, "unsigned LEB128 overflows 64 bits");
      }
      result |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return result;
      }
      shift += 7;
      if (shift > 63) {
        throw error(at, "LEB128 longer than 10 bytes");
      }
    }
  }

  /** Signed LEB128 of at most 64 bits. */
  public long sleb128() {
    long at = pos;
    long result = 0;
    int shift = 0;
    int b;
    do {
      if (pos >= limit) {
        throw error(at, "LEB128 runs past the end of data");
      }
      if (shift > 63) {
        throw error(at, "LEB128 longer than 10 bytes");
      }
      b = source.get(pos++) & 0xFF;
      if (shift == 63 && b != 0x00 && b != 0x7F) {
        throw error(at, "signed LEB128 overflows 64 bits");
      }
      result |= (long) (b & 0x7F) << shift;
      shift += 7;
    } while ((b & 0x80) != 0);
    if (shift < 64 && (b & 0x40) != 0) {
      result |= -1L << shift;
    }
    return result;
  }

  /** Wasm {@code u32}: unsigned LEB128 of at most 5 bytes whose value fits 32 bits, returned as a long. */
  public long varU32() {
    long at = pos;
    long result = 0;
    for (int i = 0; i < 5; i++) {
      if (pos >= limit) {
        throw error(at, "LEB128 runs past the end of data");
      }
      int b = source.get(pos++) & 0xFF;
      if (i == 4 && (b & 0x80) != 0) {
        throw error(at, "u32 LEB128 longer than 5 bytes");
      }
      if (i == 4 && (b & 0x70) != 0) {
        throw error(at, "u32 LEB128 out of range");
      }
      result |= (long) (b & 0x7F) << (7 * i);
      if ((b & 0x80) == 0) {
        return result;
      }
    }
    throw error(at, "u32 LEB128 longer than 5 bytes");
  }

  /** Wasm {@code s32}: signed LEB128 of at most 5 bytes in range. */
  public int varS32() {
    long at = pos;
    long v = sleb128Bounded(5, at);
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw error(at, "s32 LEB128 out of range");
    }
    return (int) v;
  }

  /** Wasm {@code s33} (heap types, block types): signed LEB128 of at most 5 bytes within the 33-bit range. */
  public long varS33() {
    long at = pos;
    long v = sleb128Bounded(5, at);
    if (v < -(1L << 32) || v >= (1L << 32)) {
      throw error(at, "s33 LEB128 out of range");
    }
    return v;
  }

  /** Wasm {@code s64}: signed LEB128 of at most 10 bytes. */
  public long varS64() {
    return sleb128();
  }

  /** Wasm {@code u64}: unsigned LEB128 of at most 10 bytes. */
  public long varU64() {
    return uleb128();
  }

  private long sleb128Bounded(int maxBytes, long at) {
    long result = 0;
    int shift = 0;
    int b;
    int n = 0;
    do {
      if (pos >= limit) {
        throw error(at, "LEB128 runs past the end of data");
      }
      if (++n > maxBytes) {
        throw error(at, "LEB128 longer than " + maxBytes + " bytes");
      }
      b = source.get(pos++) & 0xFF;
      result |= (long) (b & 0x7F) << shift;
      shift += 7;
    } while ((b & 0x80) != 0);
    if (shift < 64 && (b & 0x40) != 0) {
      result |= -1L << shift;
    }
    return result;
  }

  /**
   * A count or length that must fit an int and must not exceed what is left when each item takes at least
   * {@code minItemSize} bytes: the guard against allocating from an unchecked count.
   */
  public int count(long value, int minItemSize, String what) {
    long at = pos;
    if (value < 0 || value > Integer.MAX_VALUE - 8 || (minItemSize > 0 && value > remaining() / minItemSize)) {
      throw error(at, what + " count " + Long.toUnsignedString(value) + " exceeds the " + remaining()
          + " bytes left");
    }
    return (int) value;
  }

  /** A wasm vector length (u32 LEB128), checked against the bytes left. */
  public int vecLength(int minItemSize, String what) {
    long at = pos;
    long n = varU32();
    if (minItemSize > 0 && n > remaining() / minItemSize) {
      throw error(at, what + " count " + n + " exceeds the " + remaining() + " bytes left");
    }
    return (int) Math.min(n, Integer.MAX_VALUE);
  }

  /** {@code n} bytes copied out; bounds checked before allocating. */
  public byte[] bytes(long n) {
    need(n);
    if (n > Integer.MAX_VALUE - 8) {
      throw error("byte string of " + n + " bytes is too large");
    }
    byte[] b = new byte[(int) n];
    source.get(pos, b, 0, b.length);
    pos += n;
    return b;
  }

  /** The next {@code n} bytes as a region, without copying; the reader moves past them. */
  public ByteRegion region(long n) {
    need(n);
    ByteRegion r = new ByteRegion(source, pos, n);
    pos += n;
    return r;
  }

  /** A wasm {@code name}: u32 byte length then UTF-8; invalid UTF-8 is an error. */
  public String name() {
    long at = pos;
    long n = varU32();
    byte[] b = bytes(n);
    // Nearly every name is ASCII, which is valid UTF-8 as it is: decode it without a new CharsetDecoder (a name
    // section has one name per function: rsbig_release's first functionName lookup took 11.5 ms -> 7 ms cold).
    boolean ascii = true;
    for (byte x : b) {
      if (x < 0) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      return new String(b, StandardCharsets.ISO_8859_1);
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(b)).toString();
    } catch (CharacterCodingException e) {
      throw error(at, "name is not valid UTF-8");
    }
  }

  /** A NUL-terminated string (DWARF {@code DW_FORM_string}, line table names), decoded leniently as UTF-8. */
  public String cstring() {
    long at = pos;
    long end = pos;
    while (true) {
      if (end >= limit) {
        throw error(at, "string has no terminating NUL before the end of data");
      }
      if (source.get(end) == 0) {
        break;
      }
      end++;
    }
    byte[] b = bytes(end - pos);
    pos++; // the NUL
    return new String(b, StandardCharsets.UTF_8);
  }

  /** A sub-reader over the next {@code n} bytes; this reader moves past them. */
  public ByteReader subReader(long n) {
    need(n);
    ByteReader r = new ByteReader(source, pos, pos + n);
    pos += n;
    return r;
  }

  /** A copy of this reader at the same position (for look-ahead). */
  public ByteReader duplicate() {
    ByteReader r = new ByteReader(source, start, limit);
    r.pos = pos;
    return r;
  }

  /** The bytes from {@code start} to {@code limit} as a region. */
  public ByteRegion asRegion() {
    return new ByteRegion(source, start, limit - start);
  }
}
