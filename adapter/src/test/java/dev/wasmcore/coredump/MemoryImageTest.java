package dev.wasmcore.coredump;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmcore.testsupport.Bytes;
import dev.wasmcore.testsupport.CoreDumpWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemoryImageTest {
  @TempDir
  Path dir;

  private static CoreDump dump(CoreDumpWriter w) {
    w.thread("main");
    return CoreDumpTest.read(w.build());
  }

  @Test
  void sparseReadsGapsAndTheEnd() {
    CoreDump d = dump(new CoreDumpWriter().memory(1, false).segment(16, Bytes.of(1, 2, 3, 4))
        .segment(100, Bytes.of(9, 9)));
    MemoryImage m = d.memories().get(0);
    assertEquals(65536, m.size());
    assertEquals(2, m.segmentCount());
    assertEquals(6, m.coveredBytes());
    MemoryRead r = m.read(14, 8);
    assertArrayEquals(Bytes.of(0, 0, 1, 2, 3, 4, 0, 0), r.bytes(), "gaps inside memory read as zero");
    assertEquals(8, r.readable());
    assertTrue(r.fullyReadable());
    assertEquals(0x04030201L, m.readUnsigned(16, 4).getAsLong());
    assertTrue(m.isCovered(17));
    assertFalse(m.isCovered(20));
    MemoryRead end = m.read(65534, 4);
    assertEquals(2, end.readable(), "bytes past the memory size are unreadable");
    assertFalse(end.fullyReadable());
    assertTrue(m.readUnsigned(65534, 4).isEmpty());
    assertEquals(0, m.read(70000, 4).readable());
    assertEquals(0, m.read(-1, 4).readable());
  }

  @Test
  void laterSegmentsOverwriteEarlierOnes() {
    CoreDump d = dump(new CoreDumpWriter().memory(1, false).segment(0, Bytes.of(1, 1, 1, 1, 1, 1))
        .segment(2, Bytes.of(2, 2)).segment(5, Bytes.of(3, 3, 3)));
    MemoryImage m = d.memories().get(0);
    assertArrayEquals(Bytes.of(1, 1, 2, 2, 1, 3, 3, 3, 0), m.read(0, 9).bytes());
    assertEquals(8, m.coveredBytes());
    assertEquals(List.of(0L, 2L, 4L, 5L), m.pieces().stream().map(MemoryImage.Piece::address).toList());
  }

  @Test
  void segmentsPastTheEndAreClipped() {
    CoreDump d = dump(new CoreDumpWriter().memory(1, false).segment(65534, Bytes.of(7, 7, 7, 7)));
    MemoryImage m = d.memories().get(0);
    assertEquals(2, m.coveredBytes());
    assertEquals(2, m.clippedBytes());
    assertArrayEquals(Bytes.of(7, 7, 0, 0), m.read(65534, 4).bytes());
  }

  @Test
  void memory64Offsets() {
    CoreDump d = dump(new CoreDumpWriter().memory(0x10001, true).segment64(0x1_0000_0000L, Bytes.of(5, 6)));
    MemoryImage m = d.memories().get(0);
    assertTrue(m.limits().is64());
    assertArrayEquals(Bytes.of(0, 5, 6, 0), m.read(0xFFFF_FFFFL, 4).bytes());
  }

  /**
   * A dump declaring a 4 GiB memory (65536 pages) with one small segment near the top: opening it and reading
   * around the segment allocates a few KiB, not gigabytes, because the image is read from the mapped file.
   */
  @Test
  void fourGibMemoryIsNotCopiedOntoTheHeap() throws Exception {
    long top = 0xFFFF_F000L; // i32.const -4096, an unsigned 32-bit offset
    Path f = new CoreDumpWriter().memory(65536, false).segment(top, "live data near the top".getBytes())
        .thread("main").done().write(dir.resolve("big.core"));
    assertTrue(Files.size(f) < 200, "the file is tiny");
    com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = bean.getCurrentThreadAllocatedBytes();
    try (CoreDump d = CoreDump.open(f)) {
      MemoryImage m = d.memory(0).orElseThrow();
      assertEquals(4L << 30, m.size());
      assertEquals("live data", new String(m.read(top, 9).bytes()));
      assertEquals(0, m.read(0x8000_0000L, 16).bytes()[0]);
      assertEquals(0, m.read((4L << 30) - 1, 2).bytes()[1]);
      assertEquals(1, m.read((4L << 30) - 1, 2).readable());
    }
    long allocated = bean.getCurrentThreadAllocatedBytes() - before;
    assertTrue(allocated < 8L << 20, "allocated " + allocated + " bytes to open a 4 GiB image");
  }
}
