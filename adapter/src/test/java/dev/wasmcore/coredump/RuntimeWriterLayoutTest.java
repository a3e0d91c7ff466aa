package dev.wasmcore.coredump;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmcore.binary.ArrayByteSource;
import dev.wasmcore.binary.MalformedInputException;
import dev.wasmcore.testsupport.Bytes;
import dev.wasmcore.testsupport.CoreDumpWriter;
import dev.wasmcore.testsupport.WasmBuilder;
import dev.wasmcore.wasm.ValType;
import dev.wasmcore.wasm.WasmValue;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Dumps shaped the way the runtimes' own writers lay them out, read back byte for byte.
 *
 * <p>wasmtime: bytecodealliance/wasmtime, crates/wasmtime/src/runtime/coredump.rs ({@code WasmCoreDump::_serialize},
 * commit 018e52d01f648341050e06a3fd1e00c262481842) through wasm-encoder's core dump types (bytecodealliance/wasm-tools,
 * crates/wasm-encoder/src/core/dump.rs, commit 1530794a203d55ee072ee133617d73f1c188ea18): {@code core} first
 * ({@code 0x00} then the name given to {@code serialize}), then the memory section (the store's memories; shared
 * memories are not among them), the global section (every global of the store; reference-typed ones as
 * {@code ref.null} of the top type), the data section (each memory cut into 4 KiB chunks, leading and trailing zeros
 * of each chunk trimmed, all-zero chunks left out), then {@code coremodules} (names, {@code <anonymous-module-N>} for a
 * module without one), {@code coreinstances}, and one {@code corestack} named {@code main} whose frames have empty
 * locals and stack vectors.
 */
class RuntimeWriterLayoutTest {
  private static CoreDump read(byte[] bytes) {
    return CoreDump.of(new ArrayByteSource("t.core", bytes));
  }

  /** Two pages with runs that cross chunk boundaries, zeros inside a chunk, and the last byte of memory set. */
  private static byte[] memory() {
    byte[] m = new byte[2 * 65536];
    for (int a = 0x10; a < 0x20; a++) {
      m[a] = (byte) a;
    }
    for (int a = 0x0FF0; a < 0x1010; a++) {
      m[a] = (byte) (a * 7 + 1 == 0 ? 1 : a * 7 + 1);
    }
    m[0x3000] = 1;
    m[0x3800] = 2; // one segment 0x3000..0x3800 with zeros inside
    m[0x1FFFF] = (byte) 0xEE;
    return m;
  }

  private static CoreDumpWriter wasmtimeDump(byte[] memory, int[] segments) {
    CoreDumpWriter w = new CoreDumpWriter().wasmtimeOrder().process("app.wasm").module("<anonymous-module-0>")
        .instance(0, new long[] {0}, new long[] {0, 1, 2, 3});
    segments[0] = w.memoryInChunks(memory, false);
    w.global(WasmBuilder.I32, true, Bytes.i32Const(66560))
        .global(WasmBuilder.FUNCREF, true, Bytes.of(0xD0, 0x70, 0x0B))
        .global(0x6F, false, Bytes.of(0xD0, 0x6F, 0x0B))
        .global(WasmBuilder.I64, false, Bytes.i64Const(-2));
    w.thread("main").frame(0, 7, 0x23, List.of(), List.of()).frame(0, 5, 0x10, List.of(), List.of())
        .frame(0, 4, 0, List.of(), List.of());
    return w;
  }

  @Test
  void wasmtimeChunkedMemoryReadsBackEveryByte() {
    byte[] memory = memory();
    int[] segments = new int[1];
    CoreDump d = read(wasmtimeDump(memory, segments).build());
    // chunks: 0x0000 (0x10..0x20 and 0xFF0..0x1000), 0x1000 (0x1000..0x1010), 0x3000 (0x3000..0x3801), 0x1F000
    assertEquals(4, segments[0]);
    MemoryImage image = d.memory(0).orElseThrow();
    assertEquals(4, image.segmentCount());
    assertEquals(2 * 65536, image.size());
    byte[] back = new byte[memory.length];
    assertEquals(memory.length, image.read(0, back, 0, back.length));
    assertArrayEquals(memory, back, "trimmed zeros and left-out chunks read as zero");
    assertTrue(image.isReadable(0x1FFFF, 1));
  }

  @Test
  void wasmtimeSectionOrderGlobalsModulesAndThread() {
    byte[] bytes = wasmtimeDump(memory(), new int[1]).build();
    // byte 8: the first section is the custom section "core" (wasmtime writes it before the memory section)
    assertEquals(0, bytes[8]);
    assertEquals("core", new String(bytes, 11, 4, java.nio.charset.StandardCharsets.US_ASCII));
    CoreDump d = read(bytes);
    assertEquals("app.wasm", d.process().executableName());
    assertEquals(List.of("<anonymous-module-0>"), d.modules().stream().map(CoreModule::name).toList());
    assertEquals(List.of(0L, 1L, 2L, 3L), d.instances().get(0).globals());
    assertEquals(WasmValue.i32(66560), d.globals().get(0).value());
    assertEquals(WasmValue.refNull(ValType.FUNCREF), d.globals().get(1).value());
    assertEquals(WasmValue.Kind.REF_NULL, d.globals().get(2).value().kind());
    assertEquals(-2L, d.globals().get(3).value().asLong());
    assertEquals(1, d.threads().size());
    CoreThread t = d.threads().get(0);
    assertEquals("main", t.name());
    assertEquals(List.of(7L, 5L, 4L), t.frames().stream().map(CoreFrame::funcIndex).toList());
    assertEquals(0x23, t.frames().get(0).codeOffset().value());
    assertTrue(t.frames().stream().allMatch(f -> f.locals().isEmpty() && f.stack().isEmpty()));
    ProducerInfo p = d.producer();
    assertEquals(Producer.WASMTIME, p.producer());
    assertEquals(StackLayout.SPEC, p.layout());
    assertFalse(p.localsRecorded());
    assertTrue(p.evidence().containsAll(List.of("every frame has empty locals and operand stack",
        "module named <anonymous-module-0>", "reference globals written as ref.null", "one thread named main")),
        p.evidence().toString());
  }

  @Test
  void wasmtime64BitMemoryUsesI64Offsets() {
    byte[] memory = new byte[65536];
    memory[0x2345] = 9;
    CoreDumpWriter w = new CoreDumpWriter().wasmtimeOrder().module("m.wasm").instance(0, new long[] {0},
        new long[0]);
    assertEquals(1, w.memoryInChunks(memory, true));
    w.thread("main").frame(0, 1, 2, List.of(), List.of());
    CoreDump d = read(w.build());
    MemoryImage image = d.memory(0).orElseThrow();
    assertTrue(image.limits().is64());
    assertEquals(9, image.readUnsigned(0x2345, 1).orElseThrow());
    assertEquals(0, image.readUnsigned(0x2344, 1).orElseThrow());
    assertEquals(List.of(new MemoryImage.Piece(0x2345, 1, image.pieces().get(0).fileOffset())), image.pieces());
  }

  // ------------------------------------------------------------------------------------------------ WasmEdge

  /**
   * WasmEdge's {@code createCorestack} (WasmEdge/WasmEdge lib/executor/coredump.cpp, commit
   * 0800d49d75a46b7f02c3808ce2849d0b6777ace5): {@code core} is {@code 0x00 0x00}; {@code corestack} is {@code 0x00},
   * a one-byte name length, "main", the frame count less one (frames of no module are counted but skipped), then per
   * frame, youngest first, {@code 0x00 funcidx codeoffset nlocals nstack} and i32 values as 0x7F plus 4 bytes, where
   * funcidx and codeoffset come from the call instruction that entered the frame: its target and its file offset
   * (lib/loader/ast/instruction.cpp, commit 041609635ecd0cbc075611d296902e61d34be423). {@code coremodules} holds one
   * name without a length, {@code coreinstances} is {@code 0x00}, the memory section has the first memory's type,
   * the globals have bare {@code end} initializers, and there is no data section.
   */
  private static byte[] wasmEdgeDump(long callF1, long callF2) {
    WasmBuilder b = new WasmBuilder();
    b.custom("core", Bytes.of(0, 0));
    Bytes s = new Bytes().u8(0).u8(4).raw("main".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).uleb(4);
    s.u8(0).uleb(2).uleb(callF2).uleb(0).uleb(0); // f2, entered by "call 2" in f1: it trapped somewhere inside
    s.u8(0).uleb(1).uleb(callF1).uleb(1).uleb(0).u8(0x7F).u32le(42); // f1, entered by "call 1" in f0
    s.u8(0).uleb(0).uleb(0).uleb(0).uleb(0); // f0, entered from the host: its call site is no instruction
    b.custom("corestack", s.toByteArray());
    b.custom("coremodules", new Bytes().uleb(1).u8(0).raw("app".getBytes()).toByteArray());
    b.custom("coreinstances", Bytes.of(0));
    b.memory(1, -1, false);
    b.global(WasmBuilder.I32, true, Bytes.of(0x0B));
    return b.build();
  }

  @Test
  void wasmEdgeOffsetsAreTheCallersCallSitesAsFileOffsets() {
    WasmBuilder mb = new WasmBuilder();
    int t = mb.type(new int[0], new int[0]);
    mb.function(t, new int[0][], new byte[] {0x01, 0x01, 0x10, 0x01, 0x0B}); // f0: nop nop call 1
    mb.function(t, new int[0][], new byte[] {0x01, 0x10, 0x02, 0x0B}); // f1: nop call 2
    mb.function(t, new int[0][], new byte[] {0x01, 0x00, 0x0B}); // f2: nop unreachable
    try (dev.wasmcore.wasm.WasmModule m = dev.wasmcore.wasm.WasmModule.of(new ArrayByteSource("app.wasm",
        mb.build()))) {
      long f0 = m.body(0).orElseThrow().start().value();
      long f1 = m.body(1).orElseThrow().start().value();
      // the call instructions' file offsets: after the local-declaration count byte and the nops
      long callF1 = f0 + 3;
      long callF2 = f1 + 2;
      CoreDump raw = read(wasmEdgeDump(callF1, callF2));
      assertEquals(Producer.WASMEDGE, raw.producer().producer());
      assertEquals(CodeOffsetOrigin.CALLER_CALL_FILE_OFFSET, raw.codeOffsetOrigin());
      assertEquals(3, raw.threads().get(0).frames().size(), "the counted host frame is not in the section");
      CoreDump d = raw.withBodyOffsets(f -> m);
      assertEquals(CodeOffsetOrigin.BODY, d.codeOffsetOrigin());
      List<CoreFrame> fs = d.threads().get(0).frames();
      assertEquals(List.of(2L, 1L, 0L), fs.stream().map(CoreFrame::funcIndex).toList());
      assertEquals(1, fs.get(0).codeOffset().value(), "youngest frame: its first instruction (not recorded)");
      assertEquals(2, fs.get(1).codeOffset().value(), "f1 stopped at its call 2");
      assertEquals(3, fs.get(2).codeOffset().value(), "f0 stopped at its call 1");
      assertEquals(List.of(WasmValue.i32(42)), fs.get(1).locals());
      assertTrue(d.producer().evidence().stream().anyMatch(e -> e.contains("youngest frame stopped is not recorded")),
          d.producer().evidence().toString());
      // a call site outside the caller is the wrong module
      CoreDump wrong = read(wasmEdgeDump(callF1, 5));
      MalformedInputException e = org.junit.jupiter.api.Assertions.assertThrows(MalformedInputException.class,
          () -> wrong.withBodyOffsets(f -> m));
      assertTrue(e.reason().contains("right module"), e.reason());
    }
  }

  @Test
  void wasmEdgeMemoryIsUnreadableNotZero() {
    CoreDump d = read(wasmEdgeDump(10, 20));
    MemoryImage image = d.memory(0).orElseThrow();
    assertEquals(65536, image.size());
    assertFalse(image.isReadable(0x100, 4));
    assertTrue(image.unreadableReason(0x100).contains("WasmEdge"), image.unreadableReason(0x100));
    assertTrue(d.globals().get(0).value().isMissing());
  }
}
