package dev.wasmcore.coredump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmcore.binary.ArrayByteSource;
import dev.wasmcore.testsupport.Bytes;
import dev.wasmcore.testsupport.CoreDumpWriter;
import dev.wasmcore.testsupport.WasmBuilder;
import dev.wasmcore.wasm.ValType;
import dev.wasmcore.wasm.WasmValue;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoreDumpTest {
  static CoreDump read(byte[] bytes) {
    return CoreDump.of(new ArrayByteSource("t.core", bytes));
  }

  static final List<WasmValue> ALL_KINDS = List.of(WasmValue.i32(-7), WasmValue.i64(Long.MIN_VALUE),
      WasmValue.f32Bits(Float.floatToRawIntBits(0.05f)), WasmValue.f64Bits(Double.doubleToRawLongBits(-2.5)),
      WasmValue.missing(), WasmValue.i32(Integer.MAX_VALUE));

  @Test
  void specDumpWithThreadsModulesInstancesAndEveryValueType() {
    CoreDumpWriter w = new CoreDumpWriter().process("app.wasm").module("app.wasm").module("lib.wasm")
        .instance(0, new long[] {0}, new long[] {0, 1}).instance(1, new long[] {0}, new long[] {1})
        .memory(1, false).global(WasmBuilder.I32, true, Bytes.i32Const(4096))
        .global(WasmBuilder.I64, false, Bytes.i64Const(-3));
    w.thread("main").frame(0, 8, 24, ALL_KINDS, List.of(WasmValue.i32(1)))
        .frame(1, 3, 0, List.of(), List.of());
    w.thread("worker-1").frame(0, 5, 7, List.of(WasmValue.missing()), List.of());
    CoreDump d = read(w.build());

    assertEquals("app.wasm", d.process().executableName());
    assertEquals(List.of(new CoreModule(0, "app.wasm"), new CoreModule(1, "lib.wasm")), d.modules());
    assertEquals(2, d.instances().size());
    assertEquals(List.of(0L, 1L), d.instances().get(0).globals());
    assertEquals(1, d.instances().get(1).moduleIndex());
    assertEquals(2, d.threads().size());
    CoreThread main = d.threads().get(0);
    assertEquals("main", main.name());
    CoreFrame f0 = main.frames().get(0);
    assertEquals(0, f0.instanceIndex());
    assertEquals(8, f0.funcIndex());
    assertEquals(24, f0.codeOffset().value());
    assertEquals(ALL_KINDS, f0.locals());
    assertEquals(List.of(WasmValue.i32(1)), f0.stack());
    assertTrue(f0.local(99).isMissing(), "a local the dump lacks is missing, never zero");
    assertEquals("lib.wasm", d.moduleNameOf(main.frames().get(1)).orElseThrow());
    assertEquals("worker-1", d.threads().get(1).name());
    assertEquals(1, d.threads().get(1).index());
    assertEquals(WasmValue.i32(4096), d.globals().get(0).value());
    assertEquals(WasmValue.i64(-3), d.instanceGlobal(1, 0));
    assertTrue(d.instanceGlobal(1, 5).isMissing());
    assertEquals(Producer.V8_CAPTURE, d.producer().producer());
    assertEquals(StackLayout.SPEC, d.layout());
  }

  @Test
  void rewriterLayoutIsDetectedByTheByteAfterTheLocalCount() {
    CoreDumpWriter w = new CoreDumpWriter().layout(StackLayout.REWRITER).withoutModuleSections().memory(1, false);
    // frames without locals first: they read the same in both layouts; the third frame decides
    w.thread("main").frame(0, 4, 1, List.of(), List.of()).frame(0, 5, 2, List.of(), List.of())
        .frame(0, 6, 3, ALL_KINDS, List.of());
    CoreDump d = read(w.build());
    assertEquals(StackLayout.REWRITER, d.layout());
    assertEquals(Producer.REWRITER, d.producer().producer());
    assertEquals(ALL_KINDS, d.threads().get(0).frames().get(2).locals());
    assertEquals(6, d.threads().get(0).frames().get(2).funcIndex());
    assertTrue(d.modules().isEmpty());
    assertTrue(d.globals().isEmpty());
  }

  @Test
  void aSpecDumpIsNeverReadAsRewriterLayout() {
    // values whose LEB128 bytes contain 0x00 and frames with stack values but no locals
    List<WasmValue> zeros = List.of(WasmValue.i32(0), WasmValue.i64(0), WasmValue.i32(128), WasmValue.missing());
    CoreDumpWriter w = new CoreDumpWriter().module("m").instance(0, new long[0], new long[0]).memory(1, false);
    w.thread("main").frame(0, 1, 0, List.of(), List.of(WasmValue.i32(0), WasmValue.i32(0)))
        .frame(0, 2, 0, zeros, zeros);
    CoreDump d = read(w.build());
    assertEquals(StackLayout.SPEC, d.layout());
    assertEquals(zeros, d.threads().get(0).frames().get(1).locals());
    assertEquals(zeros, d.threads().get(0).frames().get(1).stack());
    assertEquals(2, d.threads().get(0).frames().get(0).stack().size());
  }

  @Test
  void wasmtimeStyleDump() {
    CoreDumpWriter w = new CoreDumpWriter().process("store_name").module("<anonymous-module-0>")
        .instance(0, new long[] {0}, new long[] {0, 1}).memory(1, false)
        .global(WasmBuilder.I32, true, Bytes.i32Const(1024))
        .global(WasmBuilder.FUNCREF, true, Bytes.of(0xD0, 0x70, 0x0B));
    w.thread("main").frame(0, 3, 10, List.of(), List.of()).frame(0, 2, 5, List.of(), List.of());
    CoreDump d = read(w.build());
    ProducerInfo p = d.producer();
    assertEquals(Producer.WASMTIME, p.producer());
    assertFalse(p.localsRecorded());
    assertTrue(p.evidence().contains("module named <anonymous-module-0>"), p.evidence().toString());
    assertTrue(p.evidence().contains("reference globals written as ref.null"), p.evidence().toString());
    assertEquals(WasmValue.refNull(ValType.FUNCREF), d.globals().get(1).value());
    assertTrue(d.threads().get(0).frames().get(0).local(0).isMissing());
  }

  /**
   * WasmEdge's writer: {@code core} with an empty name, corestack frames without instance index and with counts
   * first, i32 values as 0x7F + 4 bytes, coremodules without a name length, coreinstances an empty vector, globals
   * with bare {@code end} initializers. Its wasmgdb mode writes the stack count but no stack values.
   */
  private static byte[] wasmEdgeDump(boolean wasmgdbMode) {
    WasmBuilder b = new WasmBuilder();
    b.custom("core", Bytes.of(0, 0));
    Bytes s = new Bytes().u8(0).name("main").uleb(3); // counts 3 frames, writes 2 (a host frame is skipped)
    s.u8(0).uleb(12).uleb(40).uleb(2).uleb(1).u8(0x7F).u32le(-5).u8(0x7F).u32le(70000);
    if (!wasmgdbMode) {
      s.u8(0x7F).u32le(9);
    }
    s.u8(0).uleb(11).uleb(3).uleb(0).uleb(0);
    b.custom("corestack", s.toByteArray());
    b.custom("coremodules", new Bytes().uleb(1).u8(0).raw("app".getBytes()).toByteArray());
    b.custom("coreinstances", Bytes.of(0));
    b.memory(1, -1, false);
    b.global(WasmBuilder.I32, true, Bytes.of(0x0B));
    return b.build();
  }

  @Test
  void wasmEdgeDump() {
    CoreDump d = read(wasmEdgeDump(false));
    assertEquals(Producer.WASMEDGE, d.producer().producer());
    assertEquals(StackLayout.WASMEDGE, d.layout());
    assertEquals("", d.process().executableName());
    assertEquals("app", d.modules().get(0).name());
    List<CoreFrame> f = d.threads().get(0).frames();
    assertEquals(2, f.size());
    assertEquals(-1, f.get(0).instanceIndex());
    assertEquals(12, f.get(0).funcIndex());
    assertEquals(40, f.get(0).codeOffset().value());
    assertEquals(List.of(WasmValue.i32(-5), WasmValue.i32(70000)), f.get(0).locals());
    assertEquals(List.of(WasmValue.i32(9)), f.get(0).stack());
    assertTrue(d.globals().get(0).value().isMissing(), "a bare end initializer has no value");
  }

  @Test
  void wasmEdgeWasmgdbModeHasStackCountsWithoutValues() {
    CoreDump d = read(wasmEdgeDump(true));
    CoreFrame f = d.threads().get(0).frames().get(0);
    assertEquals(1, f.stack().size());
    assertTrue(f.stack().get(0).isMissing());
    assertEquals(11, d.threads().get(0).frames().get(1).funcIndex());
  }
}
