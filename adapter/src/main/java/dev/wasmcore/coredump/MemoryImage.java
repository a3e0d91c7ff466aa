package dev.wasmcore.coredump;

import dev.wasmcore.binary.ByteSource;
import dev.wasmcore.wasm.Limits;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * One linear memory of a dump, sparse and file-backed: the memory section gives its size (pages), the active data
 * segments its content. Segments are indexed by address as non-overlapping pieces pointing into the dump file (a
 * later segment overwrites an earlier one, as instantiation would); nothing is copied, so a 4 GiB memory costs a few
 * arrays. Bytes inside the memory that no segment covers read as zero; bytes at or past {@link #size()} are
 * unreadable.
 */
public final class MemoryImage {
  /** A piece of the image: {@code length} bytes at memory {@code address} stored at {@code fileOffset}. */
  public record Piece(long address, long length, long fileOffset) {}

  private final int index;
  private final Limits limits;
  private final long size;
  private final ByteSource source;
  private final long[] starts;
  private final long[] lengths;
  private final long[] fileOffsets;
  private final int segmentCount;
  private final long clippedBytes;
  private final long lostBelow;
  private final String lostReason;

  private MemoryImage(int index, Limits limits, long size, ByteSource source, TreeMap<Long, Piece> pieces,
      int segmentCount, long clippedBytes, long lostBelow, String lostReason) {
    this.index = index;
    this.limits = limits;
    this.size = size;
    this.lostBelow = lostBelow;
    this.lostReason = lostReason;
    this.source = source;
    int n = pieces.size();
    this.starts = new long[n];
    this.lengths = new long[n];
    this.fileOffsets = new long[n];
    int i = 0;
    for (Piece p : pieces.values()) {
      starts[i] = p.address();
      lengths[i] = p.length();
      fileOffsets[i] = p.fileOffset();
      i++;
    }
    this.segmentCount = segmentCount;
    this.clippedBytes = clippedBytes;
  }

  /** Collects segments in order, then freezes them into an address index. */
  static final class Builder {
    private final int index;
    private final Limits limits;
    private final ByteSource source;
    private final long size;
    private final TreeMap<Long, Piece> pieces = new TreeMap<>();
    private int segments;
    private long clipped;
    private long lostBelow;
    private String lostReason;

    Builder(int index, Limits limits, ByteSource source) {
      this(index, limits, source, limits.minBytes());
    }

    /** A builder whose memory is {@code size} bytes (a producer that writes the size elsewhere than the minimum). */
    Builder(int index, Limits limits, ByteSource source, long size) {
      this.index = index;
      this.limits = limits;
      this.source = source;
      this.size = size;
    }

    /** Marks {@code [0, address)} as lost: its bytes were overwritten before the dump was taken. */
    Builder lostBelow(long address, String reason) {
      this.lostBelow = Math.max(0, Math.min(address, size));
      this.lostReason = reason;
      return this;
    }

    /** Adds a segment of {@code length} bytes at {@code address}, stored at {@code fileOffset}; clipped to size. */
    void add(long address, long length, long fileOffset) {
      segments++;
      if (length == 0) {
        return;
      }
      long a = address;
      long end = address + length;
      if (address < 0 || end < 0 || address >= size) {
        clipped += length;
        return;
      }
      if (end > size) {
        clipped += end - size;
        end = size;
      }
      // split a piece that starts before a and reaches into [a, end)
      Map.Entry<Long, Piece> before = pieces.lowerEntry(a);
      if (before != null) {
        Piece p = before.getValue();
        long pEnd = p.address() + p.length();
        if (pEnd > a) {
          pieces.put(p.address(), new Piece(p.address(), a - p.address(), p.fileOffset()));
          if (pEnd > end) {
            pieces.put(end, new Piece(end, pEnd - end, p.fileOffset() + (end - p.address())));
          }
        }
      }
      // remove pieces starting inside [a, end), keeping the tail of the last one that reaches past end
      while (true) {
        Map.Entry<Long, Piece> e = pieces.ceilingEntry(a);
        if (e == null || e.getKey() >= end) {
          break;
        }
        Piece p = e.getValue();
        pieces.remove(e.getKey());
        long pEnd = p.address() + p.length();
        if (pEnd > end) {
          pieces.put(end, new Piece(end, pEnd - end, p.fileOffset() + (end - p.address())));
        }
      }
      pieces.put(a, new Piece(a, end - a, fileOffset));
    }

    MemoryImage build() {
      return new MemoryImage(index, limits, size, source, pieces, segments, clipped, lostBelow, lostReason);
    }
  }

  /** The memory's index in the dump's memory index space. */
  public int index() {
    return index;
  }

  public Limits limits() {
    return limits;
  }

  /** The memory size in bytes: pages times page size. */
  public long size() {
    return size;
  }

  public long pages() {
    return limits.min();
  }

  /** Number of active data segments for this memory. */
  public int segmentCount() {
    return segmentCount;
  }

  /** Bytes covered by segments, after overlaps are resolved and clipping to the memory size. */
  public long coveredBytes() {
    long n = 0;
    for (long l : lengths) {
      n += l;
    }
    return n;
  }

  /** Segment bytes lying past the memory's size (a malformed or truncated-memory dump), ignored. */
  public long clippedBytes() {
    return clippedBytes;
  }

  /** The non-overlapping pieces in address order. */
  public List<Piece> pieces() {
    List<Piece> out = new ArrayList<>(starts.length);
    for (int i = 0; i < starts.length; i++) {
      out.add(new Piece(starts[i], lengths[i], fileOffsets[i]));
    }
    return out;
  }

  /** Whether {@code [address, address + length)} lies inside the memory and above {@link #lostBelow()}. */
  public boolean isReadable(long address, long length) {
    return address >= 0 && length >= 0 && address <= size && length <= size - address
        && (length == 0 || address >= lostBelow);
  }

  /**
   * Bytes below this address are unreadable although inside the memory: the producer overwrote them before the dump
   * was taken (the wasm-coredump rewriter's runtime writes the dump over the start of its own memory). 0 when nothing
   * was lost.
   */
  public long lostBelow() {
    return lostBelow;
  }

  /** Why the bytes below {@link #lostBelow()} are unreadable, or null when none are. */
  public String lostReason() {
    return lostBelow > 0 ? lostReason : null;
  }

  /** Why the byte at {@code address} is unreadable, or null when it is readable. */
  public String unreadableReason(long address) {
    if (address < 0 || address >= size) {
      return "past the end of memory " + index + " (" + size + " bytes)";
    }
    return address < lostBelow ? lostReason : null;
  }

  /**
   * Reads {@code length} bytes at {@code address} into {@code dst}; returns how many (from the start) were readable.
   * Readable bytes no segment covers are zero; unreadable bytes (past the end, or a read starting below
   * {@link #lostBelow()}) are left zero.
   */
  public int read(long address, byte[] dst, int dstOffset, int length) {
    if (length < 0 || dstOffset < 0 || dstOffset > dst.length - length) {
      throw new IndexOutOfBoundsException("destination range");
    }
    java.util.Arrays.fill(dst, dstOffset, dstOffset + length, (byte) 0);
    if (address < 0 || address >= size || address < lostBelow) {
      return 0; // readable bytes count from the start: a read starting in the lost range has none
    }
    int readable = (int) Math.min(length, size - address);
    long end = address + readable;
    int i = floorPiece(address);
    if (i < 0) {
      i = 0;
    }
    for (; i < starts.length && starts[i] < end; i++) {
      long pStart = starts[i];
      long pEnd = pStart + lengths[i];
      long from = Math.max(pStart, address);
      long to = Math.min(pEnd, end);
      if (from < to) {
        source.get(fileOffsets[i] + (from - pStart), dst, dstOffset + (int) (from - address), (int) (to - from));
      }
    }
    return readable;
  }

  /** Reads {@code length} bytes at {@code address}. */
  public MemoryRead read(long address, int length) {
    byte[] b = new byte[Math.max(0, length)];
    int r = read(address, b, 0, b.length);
    return new MemoryRead(address, b, r);
  }

  /** A little-endian unsigned value of 1 to 8 bytes, or empty when any byte is unreadable. */
  public OptionalLong readUnsigned(long address, int size) {
    if (size < 1 || size > 8) {
      throw new IllegalArgumentException("size " + size);
    }
    byte[] b = new byte[size];
    if (read(address, b, 0, size) < size) {
      return OptionalLong.empty();
    }
    long v = 0;
    for (int i = size - 1; i >= 0; i--) {
      v = (v << 8) | (b[i] & 0xFF);
    }
    return OptionalLong.of(v);
  }

  /** Whether a data segment covers the byte at {@code address}. */
  public boolean isCovered(long address) {
    int i = floorPiece(address);
    return i >= 0 && address < starts[i] + lengths[i];
  }

  /** Index of the last piece starting at or before {@code address}, or -1. */
  private int floorPiece(long address) {
    int lo = 0;
    int hi = starts.length - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (starts[mid] <= address) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  @Override
  public String toString() {
    return "memory " + index + ": " + limits + " pages, " + segmentCount + " segments, " + coveredBytes()
        + " bytes covered" + (lostBelow > 0 ? ", 0x0-0x" + Long.toHexString(lostBelow) + " " + lostReason : "");
  }
}
