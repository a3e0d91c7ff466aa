package dev.wasmcore.binary;

import java.util.Objects;

/** A {@link ByteSource} over a byte array (tests, small inputs built in memory). */
public final class ArrayByteSource implements ByteSource {
  private final String name;
  private final byte[] bytes;

  public ArrayByteSource(String name, byte[] bytes) {
    this.name = Objects.requireNonNull(name);
    this.bytes = Objects.requireNonNull(bytes);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public long size() {
    return bytes.length;
  }

  @Override
  public byte get(long position) {
    return bytes[(int) position];
  }

  @Override
  public void get(long position, byte[] dst, int dstOffset, int length) {
    System.arraycopy(bytes, (int) position, dst, dstOffset, length);
  }

  @Override
  public int getIntLE(long position) {
    return ByteSource.intLE(bytes, (int) position);
  }
}
