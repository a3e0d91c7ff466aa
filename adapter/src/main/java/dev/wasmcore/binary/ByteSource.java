package dev.wasmcore.binary;

import java.io.Closeable;

/**
 * Random-access, read-only bytes with a name (usually a file path). Offsets are absolute positions in the source,
 * which for a file are file offsets, so every error can name the file and the offset.
 *
 * <p>Implementations are safe for concurrent reads. A source is never copied as a whole: readers take bounded
 * {@link ByteRegion}s and {@link ByteReader}s over it.
 */
public interface ByteSource extends Closeable {
  /** The name used in error messages, e.g. the file path. */
  String name();

  /** Total number of bytes. */
  long size();

  /** The byte at {@code position}; the caller has checked the bounds. */
  byte get(long position);

  /** Copies {@code length} bytes starting at {@code position} into {@code dst}; bounds checked by the caller. */
  void get(long position, byte[] dst, int dstOffset, int length);

  /**
   * The little-endian 32-bit value at {@code position}; bounds checked by the caller. Sources override it with one
   * read: in a cold JVM every call is interpreted, and four single-byte reads cost four call chains.
   */
  default int getIntLE(long position) {
    return (get(position) & 0xFF) | (get(position + 1) & 0xFF) << 8 | (get(position + 2) & 0xFF) << 16
        | (get(position + 3) & 0xFF) << 24;
  }

  /** The little-endian 32-bit value at index {@code i} of {@code bytes}, for sources backed by an array. */
  static int intLE(byte[] bytes, int i) {
    return (bytes[i] & 0xFF) | (bytes[i + 1] & 0xFF) << 8 | (bytes[i + 2] & 0xFF) << 16 | (bytes[i + 3] & 0xFF) << 24;
  }

  /** The little-endian 64-bit value at {@code position}; bounds checked by the caller. */
  default long getLongLE(long position) {
    return (getIntLE(position) & 0xFFFFFFFFL) | (long) getIntLE(position + 4) << 32;
  }

  /** The whole source as a region. */
  default ByteRegion all() {
    return new ByteRegion(this, 0, size());
  }

  @Override
  default void close() {}
}
