package dev.wasmcore.binary;

import java.util.Objects;

/**
 * An immutable window {@code [start, start + length)} of a {@link ByteSource}: a section, a unit, an expression.
 * Offsets given to a region's methods are relative to its start; offsets in errors are absolute in the source.
 */
public final class ByteRegion {
  private final ByteSource source;
  private final long start;
  private final long length;

  public ByteRegion(ByteSource source, long start, long length) {
    this.source = Objects.requireNonNull(source);
    if (start < 0 || length < 0 || start > source.size() || length > source.size() - start) {
      throw new MalformedInputException(source.name(), start,
          "region of " + length + " bytes exceeds the " + source.size() + "-byte input");
    }
    this.start = start;
    this.length = length;
  }

  /** An empty region of {@code source}, used where an optional section is absent. */
  public static ByteRegion empty(ByteSource source) {
    return new ByteRegion(source, 0, 0);
  }

  public ByteSource source() {
    return source;
  }

  /** Absolute offset of the first byte. */
  public long start() {
    return start;
  }

  public long length() {
    return length;
  }

  /** Absolute offset just past the last byte. */
  public long end() {
    return start + length;
  }

  public boolean isEmpty() {
    return length == 0;
  }

  /** A reader positioned at the region's start. */
  public ByteReader reader() {
    return new ByteReader(source, start, start + length);
  }

  /** A reader positioned at {@code relativeOffset}; an error when it lies outside the region. */
  public ByteReader readerAt(long relativeOffset) {
    if (relativeOffset < 0 || relativeOffset > length) {
      throw new MalformedInputException(source.name(), start + Math.max(0, Math.min(relativeOffset, length)),
          "offset 0x" + Long.toHexString(relativeOffset) + " is outside a region of " + length + " bytes");
    }
    ByteReader r = new ByteReader(source, start, start + length);
    r.seek(start + relativeOffset);
    return r;
  }

  /** A sub-region at a relative offset; bounds checked. */
  public ByteRegion sub(long relativeOffset, long subLength) {
    if (relativeOffset < 0 || subLength < 0 || relativeOffset > length || subLength > length - relativeOffset) {
      throw new MalformedInputException(source.name(), start + Math.max(0, Math.min(relativeOffset, length)),
          subLength + " bytes at relative offset 0x" + Long.toHexString(relativeOffset)
              + " exceed a region of " + length + " bytes");
    }
    return new ByteRegion(source, start + relativeOffset, subLength);
  }

  /** The byte at a relative offset. */
  public int u8(long relativeOffset) {
    if (relativeOffset < 0 || relativeOffset >= length) {
      throw new MalformedInputException(source.name(), start + Math.max(0, Math.min(relativeOffset, length)),
          "byte 0x" + Long.toHexString(relativeOffset) + " is outside a region of " + length + " bytes");
    }
    return source.get(start + relativeOffset) & 0xFF;
  }

  /**
   * A copy of the region's bytes. Only for small regions (expressions, names); large sections are read through
   * readers.
   */
  public byte[] toByteArray() {
    if (length > Integer.MAX_VALUE - 8) {
      throw new MalformedInputException(source.name(), start, "region of " + length + " bytes is too large to copy");
    }
    byte[] out = new byte[(int) length];
    source.get(start, out, 0, out.length);
    return out;
  }

  @Override
  public String toString() {
    return source.name() + "[0x" + Long.toHexString(start) + ", 0x" + Long.toHexString(end()) + ")";
  }
}
