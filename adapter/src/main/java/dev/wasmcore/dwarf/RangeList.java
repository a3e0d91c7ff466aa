package dev.wasmcore.dwarf;

import dev.wasmcore.binary.ByteReader;
import dev.wasmcore.binary.ByteRegion;
import dev.wasmcore.binary.ByteSource;
import java.util.ArrayList;
import java.util.List;

/**
 * The address ranges of a DIE: from {@code DW_AT_low_pc}/{@code DW_AT_high_pc}, from a {@code .debug_ranges} list
 * (DWARF 2-4, section 2.17.3 of DWARF 4) or from a {@code .debug_rnglists} list (DWARF 5 section 2.17.3 and
 * 7.25). Ranges are kept in list order, already made absolute with the base addresses the list selects.
 */
public final class RangeList {
  /** DWARF 5 range list entry kinds (section 7.25, table 7.30). */
  static final int DW_RLE_end_of_list = 0x00;
  static final int DW_RLE_base_addressx = 0x01;
  static final int DW_RLE_startx_endx = 0x02;
  static final int DW_RLE_startx_length = 0x03;
  static final int DW_RLE_offset_pair = 0x04;
  static final int DW_RLE_base_address = 0x05;
  static final int DW_RLE_start_end = 0x06;
  static final int DW_RLE_start_length = 0x07;

  private static final RangeList EMPTY = new RangeList(new long[0], 0);

  /** {@code [low_0, high_0, low_1, high_1, ...]}: the ranges as primitives, read without an object per range. */
  private final long[] bounds;
  private final int size;
  /** The ranges as objects, made on the first {@link #ranges()} call. */
  private volatile List<AddressRange> list;

  public RangeList(List<AddressRange> ranges) {
    long[] b = new long[2 * ranges.size()];
    int k = 0;
    for (AddressRange r : ranges) {
      b[k++] = r.low();
      b[k++] = r.high();
    }
    this.bounds = b;
    this.size = ranges.size();
  }

  private RangeList(long[] bounds, int size) {
    this.bounds = bounds;
    this.size = size;
  }

  /** One range {@code [low, high)}. */
  static RangeList of(long low, long high) {
    return new RangeList(new long[] {low, high}, 1);
  }

  /**
   * The order of {@code starts[0..n)} by value, equal starts in index order, by one primitive sort of packed keys
   * (start above, index below): no comparator, which matters on the cold start path. Null when the packing does not
   * fit: {@code 2^20} entries or more, or a start outside {@code [0, 2^43)}.
   */
  static int[] orderByStart(long[] starts, int n) {
    if (n >= (1 << 20)) {
      return null;
    }
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      if (starts[i] < 0 || starts[i] >= (1L << 43)) {
        return null;
      }
      keys[i] = starts[i] << 20 | i;
    }
    java.util.Arrays.sort(keys);
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = (int) (keys[i] & ((1 << 20) - 1));
    }
    return order;
  }

  public static RangeList empty() {
    return EMPTY;
  }

  /** The ranges in list order. */
  public List<AddressRange> ranges() {
    List<AddressRange> l = list;
    if (l == null) {
      AddressRange[] a = new AddressRange[size];
      for (int k = 0; k < size; k++) {
        a[k] = new AddressRange(bounds[2 * k], bounds[2 * k + 1]);
      }
      l = List.of(a);
      list = l;
    }
    return l;
  }

  /** Number of ranges. */
  public int size() {
    return size;
  }

  /** Start of range {@code k} (list order). */
  public long low(int k) {
    return bounds[2 * check(k)];
  }

  /** End (exclusive) of range {@code k} (list order). */
  public long high(int k) {
    return bounds[2 * check(k) + 1];
  }

  private int check(int k) {
    if (k < 0 || k >= size) {
      throw new IndexOutOfBoundsException("range " + k + " of " + size);
    }
    return k;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  /** Whether any non-empty range contains {@code address}. */
  public boolean contains(long address) {
    for (int k = 0; k < 2 * size; k += 2) {
      if (Long.compareUnsigned(address, bounds[k]) >= 0 && Long.compareUnsigned(address, bounds[k + 1]) < 0) {
        return true;
      }
    }
    return false;
  }

  /** The lowest start address of the non-empty ranges, or -1 when there is none. */
  public long lowest() {
    long best = -1;
    for (int k = 0; k < 2 * size; k += 2) {
      long lo = bounds[k];
      if (Long.compareUnsigned(lo, bounds[k + 1]) < 0 && (best == -1 || Long.compareUnsigned(lo, best) < 0)) {
        best = lo;
      }
    }
    return best;
  }

  /**
   * Reads a DWARF 2-4 {@code .debug_ranges} list: pairs of addresses; (0, 0) ends the list; a first value of all
   * ones selects the second as the new base; other pairs are offsets from the base.
   */
  static RangeList readDebugRanges(ByteRegion section, long offset, int addressSize, long baseAddress) {
    if (addressSize == 4 && offset >= 0 && offset < section.length()) {
      RangeList fast = readDebugRanges32(section, offset, baseAddress);
      if (fast != null) {
        return fast;
      }
    }
    ByteReader r = section.readerAt(offset);
    long mask = addressMask(addressSize);
    long base = baseAddress;
    List<AddressRange> out = new ArrayList<>();
    while (true) {
      long start = r.unsigned(addressSize);
      long end = r.unsigned(addressSize);
      if (start == 0 && end == 0) {
        break;
      }
      if (start == mask) {
        base = end;
        continue;
      }
      out.add(new AddressRange((base + start) & mask, (base + end) & mask));
    }
    return new RangeList(out);
  }

  /** Bytes copied per window by {@link #readDebugRanges32}: a unit's list is usually shorter. */
  private static final int RANGES_WINDOW = 512;

  /**
   * {@link #readDebugRanges} for 4-byte addresses (wasm32), decoded from heap windows: one bulk copy per window
   * instead of a call chain per word, which shows when a cold start reads the lists of every unit before the JIT has
   * compiled the reader. Null when the list runs past the section: the checked reader then reads it again and
   * reports where.
   */
  private static RangeList readDebugRanges32(ByteRegion section, long offset, long baseAddress) {
    long pos = section.start() + offset;
    long end = section.end();
    byte[] w = new byte[(int) Math.min(RANGES_WINDOW, end - pos)];
    long[] out = new long[16];
    int n = 0;
    long base = baseAddress & 0xFFFFFFFFL;
    while (true) {
      int len = (int) Math.min(w.length, end - pos) & ~7; // whole pairs only
      if (len == 0) {
        return null;
      }
      section.source().get(pos, w, 0, len);
      for (int i = 0; i < len; i += 8) {
        long start = ByteSource.intLE(w, i) & 0xFFFFFFFFL;
        long stop = ByteSource.intLE(w, i + 4) & 0xFFFFFFFFL;
        if (start == 0 && stop == 0) {
          return new RangeList(out, n / 2);
        }
        if (start == 0xFFFFFFFFL) {
          base = stop;
          continue;
        }
        if (n == out.length) {
          out = java.util.Arrays.copyOf(out, 2 * n);
        }
        out[n++] = (base + start) & 0xFFFFFFFFL;
        out[n++] = (base + stop) & 0xFFFFFFFFL;
      }
      pos += len;
    }
  }

  /** Reads a DWARF 5 {@code .debug_rnglists} list at a section offset. */
  static RangeList readRngLists(ByteRegion section, long offset, CompileUnit unit, long baseAddress) {
    ByteReader r = section.readerAt(offset);
    int addressSize = unit.header().addressSize();
    long mask = addressMask(addressSize);
    long base = baseAddress;
    List<AddressRange> out = new ArrayList<>();
    while (true) {
      long at = r.position();
      int kind = r.u8();
      switch (kind) {
        case DW_RLE_end_of_list:
          return new RangeList(out);
        case DW_RLE_base_addressx:
          base = unit.addressAtIndex(r.uleb128());
          break;
        case DW_RLE_startx_endx: {
          long s = unit.addressAtIndex(r.uleb128());
          long e = unit.addressAtIndex(r.uleb128());
          out.add(new AddressRange(s, e));
          break;
        }
        case DW_RLE_startx_length: {
          long s = unit.addressAtIndex(r.uleb128());
          long len = r.uleb128();
          out.add(new AddressRange(s, (s + len) & mask));
          break;
        }
        case DW_RLE_offset_pair: {
          long s = r.uleb128();
          long e = r.uleb128();
          out.add(new AddressRange((base + s) & mask, (base + e) & mask));
          break;
        }
        case DW_RLE_base_address:
          base = r.unsigned(addressSize);
          break;
        case DW_RLE_start_end: {
          long s = r.unsigned(addressSize);
          long e = r.unsigned(addressSize);
          out.add(new AddressRange(s, e));
          break;
        }
        case DW_RLE_start_length: {
          long s = r.unsigned(addressSize);
          long len = r.uleb128();
          out.add(new AddressRange(s, (s + len) & mask));
          break;
        }
        default:
          throw r.error(at, ".debug_rnglists: unknown range list entry kind 0x" + Integer.toHexString(kind));
      }
    }
  }

  static long addressMask(int addressSize) {
    return addressSize >= 8 ? -1L : (1L << (8 * addressSize)) - 1;
  }

  @Override
  public String toString() {
    return ranges().toString();
  }
}
