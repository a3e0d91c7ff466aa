package dev.wasmcore.binary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappedFileSourceTest {
  @TempDir
  Path dir;

  @Test
  void readsTheFileWithoutCopyingIt() throws Exception {
    Path f = Files.write(dir.resolve("x.bin"), new byte[] {5, 6, 7, 8});
    try (MappedFileSource s = MappedFileSource.open(f)) {
      assertEquals(4, s.size());
      assertEquals(7, s.get(2));
      byte[] b = new byte[2];
      s.get(1, b, 0, 2);
      assertArrayEquals(new byte[] {6, 7}, b);
      assertEquals(f.toString(), s.name());
      assertEquals(0x08070605L, s.all().reader().u32());
    }
  }

  /** The one-call little-endian reads of every source agree with the bytes, at every offset. */
  @Test
  void littleEndianWordsAgreeWithTheBytes() throws Exception {
    byte[] bytes = new byte[64];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (i * 37 + 0x81);
    }
    ByteSource bytewise = new ByteSource() { // the interface's default methods
      @Override
      public String name() {
        return "bytewise";
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
    };
    Path f = Files.write(dir.resolve("words.bin"), bytes);
    try (MappedFileSource mapped = MappedFileSource.open(f)) {
      ByteSource array = new ArrayByteSource("array", bytes);
      for (int p = 0; p + 8 <= bytes.length; p++) {
        long expected = 0;
        for (int k = 7; k >= 0; k--) {
          expected = expected << 8 | (bytes[p + k] & 0xFF);
        }
        for (ByteSource s : new ByteSource[] {bytewise, mapped, array}) {
          assertEquals((int) expected, s.getIntLE(p), s.name() + " at " + p);
          assertEquals(expected, s.getLongLE(p), s.name() + " at " + p);
          assertEquals(expected & 0xFFFFFFFFL, s.all().readerAt(p).u32(), s.name() + " at " + p);
          assertEquals(expected, s.all().readerAt(p).u64(), s.name() + " at " + p);
        }
      }
    }
  }

  @Test
  void missingFileIsAClearError() {
    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> MappedFileSource.open(dir.resolve("nope.core")));
    assertTrue(e.getMessage().contains("nope.core: cannot read: no such file"), e.getMessage());
  }
}
