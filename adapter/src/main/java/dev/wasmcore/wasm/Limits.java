package dev.wasmcore.wasm;

import dev.wasmcore.binary.ByteReader;
import java.util.OptionalLong;

/**
 * Limits of a memory or table (core spec 5.3.7, with the threads, memory64 and custom-page-sizes extensions). The
 * flags byte: bit 0 a maximum follows, bit 1 shared, bit 2 64-bit indices (then min and max are u64), bit 3 a
 * custom page size follows as a u32 log2 after the limits.
 *
 * @param min minimum size in pages (memories) or elements (tables)
 * @param max the maximum, if declared
 * @param shared a shared memory (threads proposal)
 * @param is64 64-bit addressing (memory64)
 * @param pageSizeLog2 log2 of the page size: 16 (64 KiB) unless a custom page size is declared
 */
public record Limits(long min, OptionalLong max, boolean shared, boolean is64, int pageSizeLog2) {

  /** The page size in bytes. */
  public long pageSize() {
    return 1L << pageSizeLog2;
  }

  /**
   * The size in bytes of {@code min} pages, saturated at {@link Long#MAX_VALUE}; a memory64 page count can be any
   * u64.
   */
  public long minBytes() {
    if (min < 0 || min > (Long.MAX_VALUE >>> pageSizeLog2)) {
      return Long.MAX_VALUE;
    }
    return min << pageSizeLog2;
  }

  /** Reads memory limits (memtype). */
  public static Limits readMemory(ByteReader r) {
    long at = r.position();
    int flags = r.u8();
    if ((flags & ~0x0F) != 0) {
      throw r.error(at, "unknown memory limits flags 0x" + Integer.toHexString(flags));
    }
    boolean is64 = (flags & 4) != 0;
    long min = is64 ? r.varU64() : r.varU32();
    OptionalLong max = (flags & 1) != 0 ? OptionalLong.of(is64 ? r.varU64() : r.varU32()) : OptionalLong.empty();
    int log2 = 16;
    if ((flags & 8) != 0) {
      long p = r.position();
      long v = r.varU32();
      if (v > 16) {
        throw r.error(p, "custom page size log2 " + v + " exceeds 16");
      }
      log2 = (int) v;
    }
    return new Limits(min, max, (flags & 2) != 0, is64, log2);
  }

  /** Reads table limits (the limits of a tabletype; bit 2 marks a 64-bit table). */
  public static Limits readTable(ByteReader r) {
    long at = r.position();
    int flags = r.u8();
    if ((flags & ~0x07) != 0) {
      throw r.error(at, "unknown table limits flags 0x" + Integer.toHexString(flags));
    }
    boolean is64 = (flags & 4) != 0;
    long min = is64 ? r.varU64() : r.varU32();
    OptionalLong max = (flags & 1) != 0 ? OptionalLong.of(is64 ? r.varU64() : r.varU32()) : OptionalLong.empty();
    return new Limits(min, max, (flags & 2) != 0, is64, 0);
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    b.append(is64 ? "i64 " : "").append(Long.toUnsignedString(min));
    max.ifPresent(m -> b.append("..").append(Long.toUnsignedString(m)));
    if (shared) {
      b.append(" shared");
    }
    if (pageSizeLog2 != 16 && pageSizeLog2 != 0) {
      b.append(" pagesize 2^").append(pageSizeLog2);
    }
    return b.toString();
  }
}
