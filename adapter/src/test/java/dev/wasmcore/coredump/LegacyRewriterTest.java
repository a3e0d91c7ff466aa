package dev.wasmcore.coredump;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmcore.binary.ArrayByteSource;
import dev.wasmcore.binary.MalformedInputException;
import dev.wasmcore.testsupport.CoreDumpWriter;
import dev.wasmcore.testsupport.WasmBuilder;
import dev.wasmcore.wasm.FunctionBody;
import dev.wasmcore.wasm.SectionId;
import dev.wasmcore.wasm.WasmModule;
import dev.wasmcore.wasm.WasmValue;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The wasm-coredump rewriter's layouts across its history (xtuc/wasm-coredump, see {@link StackLayout} and
 * {@link CodeOffsetOrigin}): each is read from dumps that {@link CoreDumpWriter} builds to that description, its code
 * offsets end up counted from the function body start through the module, and the runtime's memory-is-the-file dumps
 * mark the overwritten start of memory.
 */
class LegacyRewriterTest {
  private static final List<WasmValue> LOCALS = List.of(WasmValue.i32(0), WasmValue.i64(-2), WasmValue.missing(),
      WasmValue.f64Bits(Double.doubleToRawLongBits(2.5)), WasmValue.i32(0x11468));

  /**
   * One imported function, then two defined ones whose bodies start with local declarations ({@code 2 x i32, 1 x
   * i64}: 5 bytes with the count), so that the body start, the first instruction and the Code section header differ.
   * Function 1: {@code nop nop call 2 end}, the call at body offset 7; function 2: {@code nop unreachable end}, the
   * unreachable at body offset 6.
   */
  static WasmModule module() {
    WasmBuilder b = new WasmBuilder();
    int t = b.type(new int[0], new int[0]);
    b.importFunction("env", "f", t);
    int[][] locals = {{2, WasmBuilder.I32}, {1, WasmBuilder.I64}};
    b.function(t, locals, new byte[] {0x01, 0x01, 0x10, 0x02, 0x0B});
    b.function(t, locals, new byte[] {0x01, 0x00, 0x0B});
    return WasmModule.of(new ArrayByteSource("m.wasm", b.build()));
  }

  static CoreDump read(byte[] bytes) {
    return CoreDump.of(new ArrayByteSource("t.core", bytes));
  }

  /** What the 0.1.20-0.2.1 rewriter recorded for a body offset (see {@link CodeOffsetOrigin#CODE_SECTION_HEADER}). */
  static long headerRelative(WasmModule m, long func, long bodyOffset) {
    FunctionBody b = m.body(func).orElseThrow();
    return bodyOffset + b.sizeFieldOffset().value() - m.section(SectionId.CODE).orElseThrow().headerOffset();
  }

  @Test
  void leb128LayoutWithoutInstanceIndexConvertsCodeSectionOffsets() {
    WasmModule m = module();
    CoreDumpWriter w = new CoreDumpWriter().layout(StackLayout.REWRITER_2023_05_LEB).withoutModuleSections()
        .memory(1, false);
    w.thread("main").frame(0, 2, headerRelative(m, 2, 6), LOCALS, List.of())
        .frame(0, 1, headerRelative(m, 1, 7), List.of(WasmValue.i32(3)), List.of());
    CoreDump d = read(w.build());
    assertEquals(StackLayout.REWRITER_2023_05_LEB, d.layout());
    assertEquals(Producer.REWRITER, d.producer().producer());
    assertEquals(CodeOffsetOrigin.CODE_SECTION_HEADER, d.codeOffsetOrigin());
    CoreFrame f0 = d.threads().get(0).frames().get(0);
    assertEquals(-1, f0.instanceIndex());
    assertEquals(LOCALS, f0.locals());
    // the DWARF address already converts, without the session
    assertEquals(m.dwarfAddress(2, new dev.wasmcore.wasm.CodeOffset(6)), d.dwarfAddress(f0, m));
    CoreDump c = d.withBodyOffsets(f -> m);
    assertEquals(CodeOffsetOrigin.BODY, c.codeOffsetOrigin());
    assertEquals(6, c.threads().get(0).frames().get(0).codeOffset().value());
    assertEquals(7, c.threads().get(0).frames().get(1).codeOffset().value());
    assertEquals(List.of(WasmValue.i32(3)), c.threads().get(0).frames().get(1).locals());
    assertTrue(c.producer().evidence().stream().anyMatch(e -> e.contains("converted")), c.producer().toString());
    assertSame(c, c.withBodyOffsets(f -> m));
  }

  @Test
  void aConvertedOffsetOutsideTheFunctionNamesTheLayout() {
    WasmModule m = module();
    CoreDumpWriter w = new CoreDumpWriter().layout(StackLayout.REWRITER_2023_05_LEB).withoutModuleSections()
        .memory(1, false);
    w.thread("main").frame(0, 2, 1, LOCALS, List.of());
    CoreDump d = read(w.build());
    MalformedInputException e = assertThrows(MalformedInputException.class, () -> d.withBodyOffsets(f -> m));
    assertTrue(e.getMessage().contains("outside function 2"), e.getMessage());
    assertTrue(e.getMessage().contains("0.1.14-0.2.1"), e.getMessage());
  }

  @Test
  void offsetsAllZeroWereNotRecorded() {
    WasmModule m = module();
    CoreDumpWriter w = new CoreDumpWriter().layout(StackLayout.REWRITER_2023_05_LEB).withoutModuleSections()
        .memory(1, false);
    w.thread("main").frame(0, 2, 0, LOCALS, List.of()).frame(0, 1, 0, List.of(), List.of());
    CoreDump d = read(w.build());
    assertEquals(CodeOffsetOrigin.NOT_RECORDED, d.codeOffsetOrigin());
    assertFalse(d.codeOffsetsRecorded());
    CoreDump c = d.withBodyOffsets(f -> m);
    assertFalse(c.codeOffsetsRecorded());
    // placed at the first instruction, after the 5 bytes of local declarations, and said so
    assertEquals(5, c.threads().get(0).frames().get(0).codeOffset().value());
    assertTrue(c.producer().evidence().stream().anyMatch(e -> e.contains("not recorded")), c.producer().toString());
  }

  @Test
  void fixedWidthLayoutsOf2023Read() {
    for (StackLayout l : new StackLayout[] {StackLayout.REWRITER_2023_05_U32, StackLayout.REWRITER_2023_02_U32}) {
      CoreDumpWriter w = new CoreDumpWriter().layout(l).withoutModuleSections().memory(1, false);
      w.thread("main").frame(0, 2, 0, LOCALS, List.of()).frame(0, 1, 0, List.of(WasmValue.i32(0)), List.of())
          .frame(0, 1, 0, List.of(), List.of());
      CoreDump d = read(w.build());
      assertEquals(l, d.layout(), l.name());
      assertEquals(Producer.REWRITER, d.producer().producer());
      List<CoreFrame> fs = d.threads().get(0).frames();
      assertEquals(3, fs.size());
      assertEquals(List.of(2L, 1L, 1L), fs.stream().map(CoreFrame::funcIndex).toList());
      assertEquals(LOCALS, fs.get(0).locals());
      assertEquals(List.of(WasmValue.i32(0)), fs.get(1).locals());
      assertFalse(d.codeOffsetsRecorded());
    }
  }

  @Test
  void specDumpsWithZeroBytesStaySpec() {
    // zero-heavy spec frames, with and without coreinstances: never taken for an older rewriter layout
    List<WasmValue> zeros = List.of(WasmValue.i32(0), WasmValue.i64(0), WasmValue.i32(0), WasmValue.f32Bits(0));
    for (boolean sections : new boolean[] {true, false}) {
      CoreDumpWriter w = new CoreDumpWriter().memory(1, false);
      if (sections) {
        w.module("m").instance(0, new long[] {0}, new long[0]);
      } else {
        w.withoutModuleSections();
      }
      w.thread("main").frame(0, 0, 0, List.of(), List.of()).frame(0, 0, 0, zeros, List.of(WasmValue.i32(0)))
          .frame(0, 1, 0, List.of(WasmValue.i32(0)), List.of()).frame(0, 0, 0, List.of(), List.of());
      CoreDump d = read(w.build());
      assertEquals(StackLayout.SPEC, d.layout());
      assertEquals(CodeOffsetOrigin.BODY, d.codeOffsetOrigin());
      assertEquals(zeros, d.threads().get(0).frames().get(1).locals());
      assertEquals(4, d.threads().get(0).frames().size());
    }
  }

  @Test
  void runtimeImageMarksOverwrittenMemoryAndCountsFromTheFirstInstruction() {
    WasmModule m = module();
    byte[] value = {0x11, 0x22, 0x33, 0x44};
    CoreDumpWriter w = new CoreDumpWriter().layout(StackLayout.REWRITER).withoutModuleSections().process("")
        .runtimeImage(2).imageByte(0x1000, value).imageByte(0x1FFFC, value);
    // 0.2.2: offsets from the first instruction: the unreachable (body offset 6) is 1, the call (7) is 2
    w.thread("main").frame(0, 2, 1, LOCALS, List.of()).frame(0, 1, 2, List.of(WasmValue.i32(1)), List.of());
    CoreDump d = read(w.build());
    assertEquals(StackLayout.REWRITER, d.layout());
    assertEquals(CodeOffsetOrigin.INSTRUCTIONS, d.codeOffsetOrigin());
    MemoryImage mem = d.memory(0).orElseThrow();
    assertEquals(2 * 65536, mem.size());
    assertTrue(mem.lostBelow() > 0 && mem.lostBelow() < 0x400, mem.toString());
    assertArrayEquals(value, mem.read(0x1000, 4).bytes());
    assertArrayEquals(value, mem.read(0x1FFFC, 4).bytes());
    assertEquals(0, mem.read(0x10, 4).readable());
    assertFalse(mem.isReadable(0x10, 4));
    assertTrue(mem.unreadableReason(0x10).contains("overwritten by the dump writer"));
    assertNull(mem.unreadableReason(0x1000));
    assertTrue(d.producer().evidence().stream().anyMatch(e -> e.contains("runtime's own memory")));
    CoreDump c = d.withBodyOffsets(f -> m);
    assertEquals(6, c.threads().get(0).frames().get(0).codeOffset().value());
    assertEquals(7, c.threads().get(0).frames().get(1).codeOffset().value());
  }

  @Test
  void rewriterLayoutWithoutTheRuntimeImageKeepsBodyOffsets() {
    // re-encoded dumps (the corpus's NAME_rw) keep Coredump.md offsets and their memory segments
    CoreDumpWriter w = new CoreDumpWriter().layout(StackLayout.REWRITER).withoutModuleSections().memory(1, false)
        .segment(0x10, new byte[] {1, 2, 3, 4});
    w.thread("main").frame(0, 2, 6, LOCALS, List.of());
    CoreDump d = read(w.build());
    assertEquals(CodeOffsetOrigin.BODY, d.codeOffsetOrigin());
    assertEquals(0, d.memory(0).orElseThrow().lostBelow());
    assertEquals(4, d.memory(0).orElseThrow().read(0x10, 4).readable());
  }
}
