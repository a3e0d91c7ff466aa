package dev.wasmcore.coredump;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
}
