package dev.wasmcore.binary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file mapped read-only in chunks of 1 GiB, so files of any size (a 4 GiB memory image in a core dump) are read
 * without copying them onto the heap. Reads use absolute {@code get(int)} on the mapped buffers, which is safe for
 * concurrent readers because no buffer position is ever changed.
 */
public final class MappedFileSource implements ByteSource {
  private static final int CHUNK_BITS = 30;
  private static final long CHUNK = 1L << CHUNK_BITS;

  private final String name;
  private final long size;
  private final MappedByteBuffer[] chunks;

  private MappedFileSource(String name, long size, MappedByteBuffer[] chunks) {
    this.name = name;
    this.size = size;
    this.chunks = chunks;
  }

  /**
   * Maps {@code file}. I/O failures (missing file, a directory, no permission) become an {@link UncheckedIOException}
   * whose message names the file.
   */
  public static MappedFileSource open(Path file) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      int n = (int) ((size + CHUNK - 1) >>> CHUNK_BITS);
      MappedByteBuffer[] chunks = new MappedByteBuffer[n];
      for (int i = 0; i < n; i++) {
        long start = (long) i << CHUNK_BITS;
        chunks[i] = ch.map(FileChannel.MapMode.READ_ONLY, start, Math.min(CHUNK, size - start));
      }
      return new MappedFileSource(file.toString(), size, chunks);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot read: " + describe(e), e);
    }
  }

  private static String describe(IOException e) {
    String kind = e.getClass().getSimpleName();
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    return e.getMessage() != null ? e.getMessage() : kind;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public byte get(long position) {
    return chunks[(int) (position >>> CHUNK_BITS)].get((int) (position & (CHUNK - 1)));
  }

  @Override
  public int getIntLE(long position) {
    MappedByteBuffer chunk = chunks[(int) (position >>> CHUNK_BITS)];
    int in = (int) (position & (CHUNK - 1));
    if (chunk.limit() - in < 4) {
      return ByteSource.super.getIntLE(position); // straddles two chunks
    }
    return Integer.reverseBytes(chunk.getInt(in)); // mapped buffers are big-endian; their order is never changed
  }

  @Override
  public long getLongLE(long position) {
    MappedByteBuffer chunk = chunks[(int) (position >>> CHUNK_BITS)];
    int in = (int) (position & (CHUNK - 1));
    if (chunk.limit() - in < 8) {
      return ByteSource.super.getLongLE(position);
    }
    return Long.reverseBytes(chunk.getLong(in));
  }

  @Override
  public void get(long position, byte[] dst, int dstOffset, int length) {
    while (length > 0) {
      MappedByteBuffer chunk = chunks[(int) (position >>> CHUNK_BITS)];
      int inChunk = (int) (position & (CHUNK - 1));
      int n = Math.min(length, chunk.limit() - inChunk);
      chunk.get(inChunk, dst, dstOffset, n);
      position += n;
      dstOffset += n;
      length -= n;
    }
  }
}
