package dev.wasmcore.cli.bench;

import dev.wasmcore.binary.ByteReader;
import dev.wasmcore.binary.MappedFileSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a copy of a core dump whose memory is declared much larger (16384 pages = 1 GiB, 65536 pages = 4 GiB) and
 * which has extra data segments near the top of that memory: the benchmark input for "large, mostly sparse memory
 * with live data near the top". Everything else (the custom sections, the frames, the globals and the original
 * segments at low addresses) is copied byte for byte, so the dump still matches its module.
 *
 * <p>Layout of what is rewritten (wasm binary format, section ids per the core spec 5.5):
 * <ul>
 *   <li>memory section (id 5): {@code vec(limits)}; memory 0 gets {@code flags min [max]} with min = the new page
 *       count. The max bit is kept only when the original had one, and the max is raised to at least min.</li>
 *   <li>data section (id 11): {@code vec(segment)}; the original segments are copied after a new count, then the
 *       added segments follow, each {@code 0x00 (i32.const OFFSET) 0x0B vec(bytes)} (active, memory 0). An address
 *       at or above 2 GiB is written as the negative i32 with the same bits, as wasm producers do.</li>
 *   <li>data count section (id 12), if present: the new segment count.</li>
 * </ul>
 * The added segments: a 64 KiB block ending exactly at the top of memory, whose bytes are
 * {@link #topByte(long)} of their address (so a reader can verify what it got), and {@link #SCATTERED} blocks of
 * 4 KiB spread over the top 64 MiB.
 */
public final class BigDumpGenerator {
  /** Wasm page size (core spec 2.5.9). */
  public static final long PAGE = 65536;
  /** Size of the block that ends at the top of memory. */
  public static final int TOP_BLOCK = 65536;
  /** Number of 4 KiB blocks spread over the top 64 MiB. */
  public static final int SCATTERED = 16;

  private BigDumpGenerator() {}

  /** The byte the generator stores at {@code address} inside the top block: a function of the address. */
  public static byte topByte(long address) {
    long x = address * 0x9E3779B1L;
    return (byte) ((x >>> 24) ^ (address & 0xFF));
  }

  /**
   * Writes {@code out}: {@code in} with memory 0 declared as {@code pages} pages and the added segments.
   *
   * @param pages 1..65536 (a 32-bit memory)
   * @return the file written
   */
  public static Path generate(Path in, Path out, long pages) {
    if (pages < 1 || pages > 65536) {
      throw new IllegalArgumentException("pages must be 1..65536 for a 32-bit memory, got " + pages);
    }
    long top = pages * PAGE;
    List<byte[]> extra = new ArrayList<>();
    List<Long> offsets = new ArrayList<>();
    byte[] block = new byte[TOP_BLOCK];
    long blockStart = top - TOP_BLOCK;
    for (int i = 0; i < TOP_BLOCK; i++) {
      block[i] = topByte(blockStart + i);
    }
    byte[] marker = "wasmcore bench: top of memory".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(marker, 0, block, 0, marker.length);
    offsets.add(blockStart);
    extra.add(block);
    long span = Math.min(64L << 20, top / 2);
    for (int i = 0; i < SCATTERED; i++) {
      long at = (top - span + i * (span / SCATTERED)) & ~0xFFFL;
      if (at < PAGE * 64) {
        continue;
      }
      byte[] b = new byte[4096];
      for (int k = 0; k < b.length; k++) {
        b[k] = (byte) (i * 31 + k);
      }
      offsets.add(at);
      extra.add(b);
    }
    try (MappedFileSource src = MappedFileSource.open(in)) {
      ByteReader r = src.all().reader();
      ByteArrayOutputStream o = new ByteArrayOutputStream((int) Math.min(src.size() + (1 << 20), Integer.MAX_VALUE));
      o.write(r.bytes(8));
      int addedSegments = extra.size();
      boolean memorySeen = false;
      while (r.hasRemaining()) {
        int id = r.u8();
        long size = r.varU32();
        ByteReader payload = r.subReader(size);
        switch (id) {
          case 5 -> {
            section(o, 5, memorySection(payload, pages));
            memorySeen = true;
          }
          case 11 -> section(o, 11, dataSection(payload, offsets, extra));
          case 12 -> {
            long n = payload.varU32();
            section(o, 12, leb(n + addedSegments));
          }
          default -> section(o, id, payload.bytes(payload.remaining()));
        }
      }
      if (!memorySeen) {
        throw new IllegalArgumentException(in + " has no memory section to enlarge");
      }
      Files.createDirectories(out.toAbsolutePath().getParent());
      try (OutputStream f = Files.newOutputStream(out)) {
        o.writeTo(f);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] memorySection(ByteReader p, long pages) {
    int count = p.vecLength(2, "memory");
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    o.writeBytes(leb(count));
    for (int i = 0; i < count; i++) {
      int flags = p.u8();
      if ((flags & 0x04) != 0) {
        throw p.error("memory64 dumps are not supported by the generator");
      }
      long min = p.varU32();
      long max = (flags & 1) != 0 ? p.varU32() : -1;
      if (i == 0) {
        min = pages;
        if (max >= 0) {
          max = Math.max(max, pages);
        }
      }
      o.write(flags);
      o.writeBytes(leb(min));
      if (max >= 0) {
        o.writeBytes(leb(max));
      }
    }
    o.writeBytes(p.bytes(p.remaining()));
    return o.toByteArray();
  }

  private static byte[] dataSection(ByteReader p, List<Long> offsets, List<byte[]> extra) {
    long n = p.varU32();
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    o.writeBytes(leb(n + extra.size()));
    o.writeBytes(p.bytes(p.remaining()));
    for (int i = 0; i < extra.size(); i++) {
      o.write(0x00);
      o.write(0x41);
      o.writeBytes(sleb((int) (long) offsets.get(i)));
      o.write(0x0B);
      o.writeBytes(leb(extra.get(i).length));
      o.writeBytes(extra.get(i));
    }
    return o.toByteArray();
  }

  private static void section(ByteArrayOutputStream o, int id, byte[] payload) {
    o.write(id);
    o.writeBytes(leb(payload.length));
    o.writeBytes(payload);
  }

  static byte[] leb(long v) {
    ByteArrayOutputStream o = new ByteArrayOutputStream(5);
    do {
      int b = (int) (v & 0x7F);
      v >>>= 7;
      o.write(v != 0 ? b | 0x80 : b);
    } while (v != 0);
    return o.toByteArray();
  }

  static byte[] sleb(long v) {
    ByteArrayOutputStream o = new ByteArrayOutputStream(5);
    boolean more = true;
    while (more) {
      int b = (int) (v & 0x7F);
      v >>= 7;
      more = !((v == 0 && (b & 0x40) == 0) || (v == -1 && (b & 0x40) != 0));
      o.write(more ? b | 0x80 : b);
    }
    return o.toByteArray();
  }
}
