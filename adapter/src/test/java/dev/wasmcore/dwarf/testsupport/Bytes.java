package dev.wasmcore.dwarf.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Test support: a growable little-endian byte buffer with LEB128 writers, for building DWARF sections by hand. */
public final class Bytes {
  private byte[] buf = new byte[64];
  private int n;

  public int size() {
    return n;
  }

  public byte[] toArray() {
    return Arrays.copyOf(buf, n);
  }

  public Bytes u8(int v) {
    if (n == buf.length) {
      buf = Arrays.copyOf(buf, n * 2);
    }
    buf[n++] = (byte) v;
    return this;
  }

  public Bytes u16(int v) {
    return u8(v).u8(v >>> 8);
  }

  public Bytes u24(int v) {
    return u8(v).u8(v >>> 8).u8(v >>> 16);
  }

  public Bytes u32(long v) {
    return u16((int) v).u16((int) (v >>> 16));
  }

  public Bytes u64(long v) {
    return u32(v).u32(v >>> 32);
  }

  /** An unsigned value of {@code size} bytes (1, 2, 3, 4 or 8). */
  public Bytes un(long v, int size) {
    for (int i = 0; i < size; i++) {
      u8((int) (v >>> (8 * i)));
    }
    return this;
  }

  public Bytes uleb(long v) {
    do {
      int b = (int) (v & 0x7f);
      v >>>= 7;
      u8(v != 0 ? b | 0x80 : b);
    } while (v != 0);
    return this;
  }

  public Bytes sleb(long v) {
    while (true) {
      int b = (int) (v & 0x7f);
      v >>= 7;
      boolean done = (v == 0 && (b & 0x40) == 0) || (v == -1 && (b & 0x40) != 0);
      u8(done ? b : b | 0x80);
      if (done) {
        return this;
      }
    }
  }

  /** A NUL-terminated UTF-8 string. */
  public Bytes cstr(String s) {
    return raw(s.getBytes(StandardCharsets.UTF_8)).u8(0);
  }

  public Bytes raw(byte[] b) {
    for (byte x : b) {
      u8(x);
    }
    return this;
  }

  public Bytes raw(int... b) {
    for (int x : b) {
      u8(x);
    }
    return this;
  }

  /** Overwrites {@code size} bytes at {@code pos}. */
  public void patch(int pos, long v, int size) {
    for (int i = 0; i < size; i++) {
      buf[pos + i] = (byte) (v >>> (8 * i));
    }
  }
}
