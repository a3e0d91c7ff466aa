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

  @Test
  void missingFileIsAClearError() {
    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> MappedFileSource.open(dir.resolve("nope.core")));
    assertTrue(e.getMessage().contains("nope.core: cannot read: no such file"), e.getMessage());
  }
}
