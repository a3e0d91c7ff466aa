package dev.wasmcore.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Peak heap from the unified GC log formats of Java 17 and 25, G1 and serial. */
class GcLogTest {
  @TempDir
  Path dir;

  @Test
  void g1Java17PauseAndExit() throws Exception {
    GcLog g = read("""
        [0.041s][info][gc] Using G1
        [0.513s][info][gc          ] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 19M->15M(388M) 14.779ms
        [0.675s][info][gc,heap,exit]  garbage-first heap   total 397312K, used 18454K [0x0000000687400000, 0x0)
        [0.675s][info][gc,heap,exit]   region size 4096K, 3 young (12288K), 0 survivors (0K)
        [0.675s][info][gc,heap,exit]  Metaspace       used 2361K, committed 2560K, reserved 1114112K
        """);
    assertEquals(19L << 20, g.peakBytes());
    assertEquals(15L << 20, g.maxLiveBytes());
    assertEquals(1, g.collections());
  }

  @Test
  void exitHeapLargerThanAnyPause() throws Exception {
    GcLog g = read("""
        [0.611s][info][gc          ] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 17M->11M(384M) 14.944ms
        [1.238s][info][gc,exit     ]  garbage-first heap   total reserved 6172672K, committed 393216K, used 25600K [0x0]
        """);
    assertEquals(25600L << 10, g.peakBytes());
  }

  @Test
  void serialGenerationsAreSummed() throws Exception {
    GcLog g = read("""
        [0.140s][info][gc,heap,exit]  def new generation   total 116160K, used 14499K [0x0000000687400000, 0x0)
        [0.140s][info][gc,heap,exit]   eden space 103296K,  14% used [0x0000000687400000, 0x0)
        [0.140s][info][gc,heap,exit]  tenured generation   total 258048K, used 1000K [0x0000000704d50000, 0x0)
        [1.727s][info][gc,exit     ]  Metaspace       used 359K, committed 512K, reserved 1114112K
        """);
    assertEquals(15499L << 10, g.peakBytes());
    assertEquals(0, g.collections());
  }

  @Test
  void java25SerialAndAnExtraReading() throws Exception {
    GcLog g = read("""
        [0.2s][info][gc] GC(0) Pause Young (Allocation Failure) 100M->7M(123M) 4.1ms
        [1.727s][info][gc,exit     ]  DefNew     total 116160K, used 25472K [0x0000000687400000, 0x0)
        [1.727s][info][gc,exit     ]  Tenured    total 258048K, used 2048K [0x0000000704d50000, 0x0)
        """);
    assertEquals(100L << 20, g.peakBytes());
    assertEquals(7L << 20, g.maxLiveBytes());
    Path f = dir.resolve("empty.log");
    Files.writeString(f, "");
    assertEquals(123L, GcLog.read(f, 123).peakBytes());
  }

  private GcLog read(String text) throws Exception {
    Path f = dir.resolve("gc.log");
    Files.writeString(f, text);
    return GcLog.read(f, 0);
  }
}
