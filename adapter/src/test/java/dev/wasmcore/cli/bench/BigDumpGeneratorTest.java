package dev.wasmcore.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmcore.coredump.CoreDump;
import dev.wasmcore.coredump.CoreFrame;
import dev.wasmcore.coredump.MemoryImage;
import dev.wasmcore.testsupport.Corpus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's large-memory dumps: read back by the project's own reader with the memory where it was put. */
class BigDumpGeneratorTest {
  @TempDir
  Path dir;

  @Test
  void fourGibDumpHasTheTopBlockAndKeepsTheFramesAndLowMemory() throws Exception {
    Path in = Corpus.core("rsbig_release");
    Path out = BigDumpGenerator.generate(in, dir.resolve("big.core"), 65536);
    assertTrue(Files.size(out) < Files.size(in) + (1 << 20), "the file stays small: the memory is sparse");
    try (CoreDump orig = CoreDump.open(in); CoreDump big = CoreDump.open(out)) {
      MemoryImage m = big.memories().get(0);
      assertEquals(4L << 30, m.size());
      assertEquals(65536, m.pages());
      long top = m.size();
      byte[] block = m.read(top - BigDumpGenerator.TOP_BLOCK, BigDumpGenerator.TOP_BLOCK).bytes();
      assertEquals("wasmcore bench: top of memory", new String(block, 0, 29, StandardCharsets.US_ASCII));
      for (int i = 64; i < block.length; i += 997) {
        assertEquals(BigDumpGenerator.topByte(top - BigDumpGenerator.TOP_BLOCK + i), block[i], "byte " + i);
      }
      assertEquals(0, m.read(1L << 31, 16).bytes()[5], "bytes between the segments are zero");
      assertTrue(m.read(top - 8, 16).readable() == 8, "the memory ends at 4 GiB");
      MemoryImage low = orig.memories().get(0);
      assertTrue(java.util.Arrays.equals(low.read(0, (int) low.size()).bytes(), m.read(0, (int) low.size()).bytes()),
          "the original memory is unchanged");
      assertEquals(low.segmentCount() + 1 + BigDumpGenerator.SCATTERED, m.segmentCount());
      List<CoreFrame> a = orig.threads().get(0).frames();
      List<CoreFrame> b = big.threads().get(0).frames();
      assertEquals(a.size(), b.size());
      for (int i = 0; i < a.size(); i++) {
        assertEquals(a.get(i).funcIndex(), b.get(i).funcIndex());
        assertEquals(a.get(i).codeOffset(), b.get(i).codeOffset());
      }
    }
  }

  @Test
  void oneGibDump() throws Exception {
    Path out = BigDumpGenerator.generate(Corpus.core("sqlite_dw5_O2"), dir.resolve("1g.core"), 16384);
    try (CoreDump big = CoreDump.open(out)) {
      MemoryImage m = big.memories().get(0);
      assertEquals(1L << 30, m.size());
      long at = m.size() - 100;
      assertEquals(BigDumpGenerator.topByte(at), m.read(at, 1).bytes()[0]);
    }
  }

  @Test
  void pageCountIsChecked() {
    assertThrows(IllegalArgumentException.class, () -> BigDumpGenerator.generate(dir.resolve("x"), dir.resolve("y"),
        65537));
  }

  @Test
  void signedLebOfAddressesAbove2GiB() {
    // 0xFFFF0000 as an i32.const is -65536: 0x80 0x80 0x7C
    assertEquals("80807c", hex(BigDumpGenerator.sleb((int) 0xFFFF0000L)));
    assertEquals("e400", hex(BigDumpGenerator.sleb(100)));
    assertEquals("808004", hex(BigDumpGenerator.leb(65536)));
  }

  private static String hex(byte[] b) {
    StringBuilder s = new StringBuilder();
    for (byte x : b) {
      s.append(String.format("%02x", x & 0xFF));
    }
    return s.toString();
  }
}
