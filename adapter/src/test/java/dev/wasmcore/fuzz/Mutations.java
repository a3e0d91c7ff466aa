package dev.wasmcore.fuzz;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Deterministic mutations of binary inputs, and a tiny independent parser of wasm section headers and DWARF unit
 * headers that tells the mutations where the boundaries, lengths and counts are (independent of the readers under
 * test, so a reader bug cannot hide its own input).
 */
final class Mutations {
  private Mutations() {}

  /** A named mutant. */
  record Mutant(String name, byte[] bytes) {}

  /** One section of a wasm binary: id, where its size LEB starts, where the payload starts and ends. */
  record Section(int id, String name, int headerAt, int sizeAt, int payloadAt, int end, int firstCountAt) {}

  /** Unsigned LEB128 at {@code at}: {value, length}, or null when it runs off the end or past 10 bytes. */
  static long[] uleb(byte[] b, int at) {
    long v = 0;
    int shift = 0;
    for (int i = at; i < b.length && i < at + 10; i++) {
      v |= (long) (b[i] & 0x7F) << shift;
      shift += 7;
      if ((b[i] & 0x80) == 0) {
        return new long[] {v, i - at + 1};
      }
    }
    return null;
  }

  static byte[] encodeUleb(long v) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    do {
      int x = (int) (v & 0x7F);
      v >>>= 7;
      out.write(v != 0 ? x | 0x80 : x);
    } while (v != 0);
    return out.toByteArray();
  }

  /** {@code v} padded with continuation bytes to {@code len} bytes (overlong, still the same value). */
  static byte[] overlongUleb(long v, int len) {
    byte[] min = encodeUleb(v);
    byte[] out = Arrays.copyOf(min, Math.max(len, min.length));
    for (int i = 0; i < out.length - 1; i++) {
      out[i] |= (byte) 0x80;
    }
    out[out.length - 1] &= 0x7F;
    return out;
  }

  /** Replaces the LEB128 at {@code at} by {@code replacement} (the rest of the file shifts). */
  static byte[] replaceLeb(byte[] b, int at, byte[] replacement) {
    long[] old = uleb(b, at);
    int oldLen = old == null ? 1 : (int) old[1];
    byte[] out = new byte[b.length - oldLen + replacement.length];
    System.arraycopy(b, 0, out, 0, at);
    System.arraycopy(replacement, 0, out, at, replacement.length);
    System.arraycopy(b, at + oldLen, out, at + replacement.length, b.length - at - oldLen);
    return out;
  }

  /** Overwrites 4 bytes little-endian at {@code at}. */
  static byte[] putU32(byte[] b, int at, long v) {
    byte[] out = b.clone();
    for (int i = 0; i < 4 && at + i < out.length; i++) {
      out[at + i] = (byte) (v >>> (8 * i));
    }
    return out;
  }

  /** The sections of a wasm binary, as far as they parse. */
  static List<Section> sections(byte[] b) {
    List<Section> out = new ArrayList<>();
    int i = 8;
    while (i < b.length) {
      int header = i;
      int id = b[i] & 0xFF;
      long[] size = uleb(b, i + 1);
      if (size == null) {
        break;
      }
      int payload = i + 1 + (int) size[1];
      long end = payload + size[0];
      if (end > b.length) {
        break;
      }
      String name = "";
      int count = payload;
      if (id == 0) {
        long[] n = uleb(b, payload);
        if (n == null || payload + n[1] + n[0] > end) {
          break;
        }
        name = new String(b, payload + (int) n[1], (int) n[0], java.nio.charset.StandardCharsets.UTF_8);
        count = payload + (int) n[1] + (int) n[0];
      }
      out.add(new Section(id, name, header, i + 1, payload, (int) end, count));
      i = (int) end;
    }
    return out;
  }

  /** Offsets of the units of a DWARF .debug_info-like section (32-bit unit_length). */
  static List<Integer> unitStarts(byte[] sec) {
    List<Integer> out = new ArrayList<>();
    int i = 0;
    while (i + 4 <= sec.length && out.size() < 10_000) {
      long len = (sec[i] & 0xFFL) | (sec[i + 1] & 0xFFL) << 8 | (sec[i + 2] & 0xFFL) << 16 | (sec[i + 3] & 0xFFL) << 24;
      out.add(i);
      if (len >= 0xFFFFFFF0L || i + 4 + len > sec.length) {
        break;
      }
      i += 4 + (int) len;
    }
    return out;
  }

  /** Flips {@code n} random bits. */
  static byte[] flipBits(byte[] b, Random r, int n) {
    byte[] out = b.clone();
    for (int k = 0; k < n && out.length > 0; k++) {
      int at = r.nextInt(out.length);
      out[at] ^= (byte) (1 << r.nextInt(8));
    }
    return out;
  }

  /** Sets a random byte to an "interesting" value. */
  static byte[] interestingByte(byte[] b, Random r) {
    byte[] out = b.clone();
    int[] vals = {0x00, 0xFF, 0x7F, 0x80, 0x01, 0xED, 0x21, 0x9F};
    if (out.length > 0) {
      out[r.nextInt(out.length)] = (byte) vals[r.nextInt(vals.length)];
    }
    return out;
  }

  /** The standard set: bit flips, truncations, huge and overlong length/count fields at every section. */
  static List<Mutant> standard(byte[] seed, long randomSeed, int randomCount) {
    List<Mutant> out = new ArrayList<>();
    Random r = new Random(randomSeed);
    List<Section> secs = sections(seed);
    byte[][] huge = {encodeUleb(0xFFFFFFFFL), encodeUleb(1L << 31), encodeUleb(0x7FFFFFFFL),
        overlongUleb(1, 6), overlongUleb(0, 11), new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
            (byte) 0x7F}};
    for (Section s : secs) {
      String where = s.id() == 0 ? "custom \"" + s.name() + "\"" : "section " + s.id();
      out.add(new Mutant("truncated at header of " + where, Arrays.copyOf(seed, s.headerAt())));
      out.add(new Mutant("truncated in size of " + where, Arrays.copyOf(seed, s.sizeAt() + 1)));
      out.add(new Mutant("truncated at payload of " + where, Arrays.copyOf(seed, s.payloadAt())));
      out.add(new Mutant("truncated mid " + where, Arrays.copyOf(seed, (s.payloadAt() + s.end()) / 2)));
      out.add(new Mutant("truncated 1 byte early in " + where, Arrays.copyOf(seed, s.end() - 1)));
      for (int h = 0; h < huge.length; h++) {
        out.add(new Mutant(where + " size := huge#" + h, replaceLeb(seed, s.sizeAt(), huge[h])));
        if (s.firstCountAt() < s.end()) {
          out.add(new Mutant(where + " first count := huge#" + h, replaceLeb(seed, s.firstCountAt(), huge[h])));
        }
      }
      long[] c = uleb(seed, s.firstCountAt());
      if (c != null && s.firstCountAt() < s.end()) {
        out.add(new Mutant(where + " first count overlong (6 bytes, still in range)",
            replaceLeb(seed, s.firstCountAt(), overlongUleb(c[0], 6))));
        out.add(new Mutant(where + " first count overlong (11 bytes)",
            replaceLeb(seed, s.firstCountAt(), overlongUleb(c[0], 11))));
        // The second LEB of a custom section's content (a thread name length, a frame count, ...).
        int next = s.firstCountAt() + (int) c[1];
        if (next < s.end()) {
          out.add(new Mutant(where + " second field := 0xFFFFFFFF", replaceLeb(seed, next, huge[0])));
        }
      }
    }
    for (int i = 0; i < randomCount; i++) {
      switch (i % 4) {
        case 0 -> out.add(new Mutant("bit flips #" + i, flipBits(seed, r, 1 + r.nextInt(8))));
        case 1 -> out.add(new Mutant("truncated at " + i, Arrays.copyOf(seed, r.nextInt(seed.length + 1))));
        case 2 -> out.add(new Mutant("interesting byte #" + i, interestingByte(seed, r)));
        default -> {
          int at = r.nextInt(Math.max(1, seed.length));
          out.add(new Mutant("huge LEB at 0x" + Integer.toHexString(at), replaceLeb(seed, at, huge[r.nextInt(huge.length)])));
        }
      }
    }
    return out;
  }
}
