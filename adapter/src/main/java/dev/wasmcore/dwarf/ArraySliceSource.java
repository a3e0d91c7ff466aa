package dev.wasmcore.dwarf;

import dev.wasmcore.binary.ByteRegion;
import dev.wasmcore.binary.ByteSource;

/**
 * A heap copy of one small window of a larger source that keeps the window's absolute offsets: position {@code p}
 * of this source is byte {@code p - base} of the copy. Used for one unit's DIEs or one line program, which are read
 * byte by byte many times; reading a plain array is much cheaper than going through a mapped buffer, and errors
 * still name the original file and its offsets. Positions before {@code base} are never handed out as regions.
 */
final class ArraySliceSource implements ByteSource {
  private final String name;
  private final long base;
  private final byte[] bytes;

  private ArraySliceSource(String name, long base, byte[] bytes) {
    this.name = name;
    this.base = base;
    this.bytes = bytes;
  }

  /** A region with the same absolute offsets as {@code region}, backed by a copy of its bytes. */
  static ByteRegion copyOf(ByteRegion region) {
    if (arrayOf(region) != null) {
      return region;
    }
    byte[] copy = region.toByteArray();
    ArraySliceSource s = new ArraySliceSource(region.source().name(), region.start(), copy);
    return new ByteRegion(s, region.start(), region.length());
  }

  /**
   * The heap copy behind {@code region} when it is exactly the window of an array slice, as {@link #copyOf}
   * returns (array index {@code i} is byte {@code region.start() + i}), else null.
   */
  static byte[] arrayOf(ByteRegion region) {
    if (region.source() instanceof ArraySliceSource s && s.base == region.start()
        && s.bytes.length == region.length()) {
      return s.bytes;
    }
    return null;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public long size() {
    return base + bytes.length;
  }

  @Override
  public byte get(long position) {
    return bytes[(int) (position - base)];
  }

  @Override
  public void get(long position, byte[] dst, int dstOffset, int length) {
    System.arraycopy(bytes, (int) (position - base), dst, dstOffset, length);
  }

  @Override
  public int getIntLE(long position) {
    return ByteSource.intLE(bytes, (int) (position - base));
  }
}
