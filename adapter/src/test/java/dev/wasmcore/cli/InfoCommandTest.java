package dev.wasmcore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmcore.testsupport.Bytes;
import dev.wasmcore.testsupport.Corpus;
import dev.wasmcore.testsupport.CoreDumpWriter;
import dev.wasmcore.testsupport.WasmBuilder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfoCommandTest {
  @TempDir
  Path dir;

  @Test
  void summarisesADump() {
    CoreDumpWriter w = new CoreDumpWriter().process("app.wasm").module("app.wasm")
        .instance(0, new long[] {0}, new long[] {0}).memory(2, false).segment(1024, new byte[100])
        .global(WasmBuilder.I32, true, Bytes.i32Const(66560));
    w.thread("main").frame(0, 1, 2, List.of(), List.of()).frame(0, 1, 3, List.of(), List.of());
    w.thread("t2").frame(0, 1, 2, List.of(), List.of());
    CliRun r = CliRun.of("info", w.write(dir.resolve("a.core")).toString());
    assertEquals(0, r.status(), r.err());
    String o = r.out();
    assertTrue(o.contains("process:    app.wasm\n"), o);
    assertTrue(o.contains("producer:   wasmtime (no locals recorded)\n"), o);
    assertTrue(o.contains("layout:     Coredump.md\n"), o);
    assertTrue(o.contains("  [0] module 0, memories [0], globals [0]\n"), o);
    assertTrue(o.contains("threads:    2\n  [1] main: 2 frames\n  [2] t2: 1 frames\n"), o);
    assertTrue(o.contains("  [0] 2 pages = 131072 bytes, 1 data segments, 100 bytes covered\n"), o);
    assertTrue(o.contains("  [0] (mut i32) = 66560\n"), o);
  }

  @Test
  void checksTheModuleAgainstTheDump() {
    Path core = Corpus.core("c_dw5_O2");
    CliRun ok = CliRun.of("info", core.toString(), "--module", Corpus.module("c_dw5_O2").toString());
    assertEquals(0, ok.status(), ok.err());
    assertTrue(ok.out().contains("  functions:    64 (7 imported)\n"), ok.out());
    assertTrue(ok.out().contains("  matches:      yes (8 frames"), ok.out());
    assertTrue(ok.out().contains("producer:   V8/Node capture\n"), ok.out());

    CliRun wrong = CliRun.of("info", core.toString(), "--module", Corpus.module("cpp_dw5_O2").toString());
    assertEquals(0, wrong.status(), wrong.err());
    assertTrue(wrong.out().contains("  matches:      NO\n"), wrong.out());
    assertTrue(wrong.out().contains("no coremodules entry is named cpp_dw5_O2.wasm"), wrong.out());
  }

  @Test
  void reportsAFrameNamingAFunctionTheModuleLacks() {
    WasmBuilder b = new WasmBuilder();
    b.function(b.type(new int[0], new int[0]), 10);
    Path m = b.write(dir.resolve("m.wasm"));
    CoreDumpWriter w = new CoreDumpWriter().module("m.wasm").instance(0, new long[0], new long[0]);
    w.thread("main").frame(0, 0, 1, List.of(), List.of()).frame(0, 5, 1, List.of(), List.of());
    CliRun r = CliRun.of("info", w.write(dir.resolve("x.core")).toString(), "--module", m.toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("  matches:      NO\n"), r.out());
    assertTrue(r.out().contains("frame 1 names function 5, which does not exist in " + m), r.out());
  }

  @Test
  void rewriterDumpSaysWhichLayoutWasRead() {
    CliRun r = CliRun.of("info", Corpus.core("c_dw5_O2_rw").toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("producer:   wasm-coredump rewriter\n"), r.out());
    assertTrue(r.out().contains("layout:     rewriter (counts first, fixed-width values)\n"), r.out());
  }
}
