package dev.wasmcore.testsupport;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A little-endian byte buffer with the wasm encodings (LEB128, names, vectors) for building test inputs. */
public final class Bytes {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  public Bytes u8(int... values) {
    for (int v : values) {
      out.write(v);
    }
    return this;
  }

  /** Unsigned LEB128. */
  public Bytes uleb(long v) {
    out.writeBytes(leb(v));
    return this;
  }

  /** Signed LEB128. */
  public Bytes sleb(long v) {
    out.writeBytes(sleb128(v));
    return this;
  }

  public Bytes u32le(long v) {
    for (int i = 0; i < 4; i++) {
      out.write((int) (v >>> (8 * i)));
    }
    return this;
  }

  public Bytes u64le(long v) {
    for (int i = 0; i < 8; i++) {
      out.write((int) (v >>> (8 * i)));
    }
    return this;
  }

  /** A wasm name: length then UTF-8. */
  public Bytes name(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    uleb(b.length);
    out.writeBytes(b);
    return this;
  }

  public Bytes raw(byte[] b) {
    out.writeBytes(b);
    return this;
  }

  /** A vector of bytes: length then the bytes. */
  public Bytes vec(byte[] b) {
    uleb(b.length);
    out.writeBytes(b);
    return this;
  }

  public int size() {
    return out.size();
  }

  public byte[] toByteArray() {
    return out.toByteArray();
  }

  public static byte[] leb(long v) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    do {
      int b = (int) (v & 0x7F);
      v >>>= 7;
      o.write(v != 0 ? b | 0x80 : b);
    } while (v != 0);
    return o.toByteArray();
  }

  public static byte[] sleb128(long v) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    while (true) {
      int b = (int) (v & 0x7F);
      v >>= 7;
      boolean done = (v == 0 && (b & 0x40) == 0) || (v == -1 && (b & 0x40) != 0);
      o.write(done ? b : b | 0x80);
      if (done) {
        return o.toByteArray();
      }
    }
  }

  /** {@code i32.const v; end}. */
  public static byte[] i32Const(int v) {
    return new Bytes().u8(0x41).sleb(v).u8(0x0B).toByteArray();
  }

  /** {@code i64.const v; end}. */
  public static byte[] i64Const(long v) {
    return new Bytes().u8(0x42).sleb(v).u8(0x0B).toByteArray();
  }

  public static byte[] of(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }
}
