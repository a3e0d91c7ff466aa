package dev.wasmcore.wasm.disasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmcore.binary.ArrayByteSource;
import dev.wasmcore.binary.ByteRegion;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Hand-built bodies: every immediate layout, rendering, offsets, nesting, and bad bytes. */
class InstructionDecoderTest {
  /** A body placed at file offset 100 of a larger source, so offsets are absolute. */
  private static FunctionDisassembly body(int... bytes) {
    byte[] file = new byte[100 + bytes.length + 7];
    for (int i = 0; i < bytes.length; i++) {
      file[100 + i] = (byte) bytes[i];
    }
    ArrayByteSource src = new ArrayByteSource("test.wasm", file);
    return FunctionDisassembly.decode(5, new ByteRegion(src, 100, bytes.length));
  }

  /** A body with no locals around the given code bytes. */
  private static FunctionDisassembly code(int... code) {
    int[] b = new int[code.length + 1];
    System.arraycopy(code, 0, b, 1, code.length);
    return body(b);
  }

  private static String texts(FunctionDisassembly d) {
    return d.instructions().stream().map(WasmInstruction::text).collect(Collectors.joining("\n"));
  }

  @Test
  void localsAreSkippedAndOffsetsAreAbsolute() {
    // 2 local groups: 3 x i32, 1 x f64; then local.get 0, i32.const -1, i32.add, end.
    FunctionDisassembly d = body(0x02, 0x03, 0x7F, 0x01, 0x7C, 0x20, 0x00, 0x41, 0x7F, 0x6A, 0x0B);
    assertEquals(105, d.codeStart());
    assertEquals(100, d.bodyStart());
    assertEquals("local.get 0\ni32.const -1\ni32.add\nend", texts(d));
    List<WasmInstruction> is = d.instructions();
    assertEquals(105, is.get(0).fileOffset());
    assertEquals(2, is.get(0).length());
    assertEquals(107, is.get(1).fileOffset());
    assertEquals(0x41, is.get(1).opcode());
    assertEquals(List.of(new Immediate.I32(-1)), is.get(1).immediates());
    assertTrue(d.complete());
    assertNull(d.stopReason());
    assertEquals("41 7f", d.hexBytes(is.get(1)));
  }

  @Test
  void controlAndNesting() {
    FunctionDisassembly d = code(
        0x02, 0x40, // block
        0x03, 0x7F, // loop (result i32)
        0x04, 0x05, // if (type 5)
        0x0C, 0x01, // br 1
        0x05, // else
        0x0D, 0x02, // br_if 2
        0x0B, // end
        0x0E, 0x03, 0x00, 0x01, 0x02, 0x00, // br_table 0 1 2 0
        0x0B, // end
        0x0B, // end
        0x0F, 0x00, 0x01, 0x1A, 0x1B, 0x0B);
    assertEquals(String.join("\n", "block", "loop (result i32)", "if (type 5)", "br 1", "else", "br_if 2", "end",
        "br_table 0 1 2 0", "end", "end", "return", "unreachable", "nop", "drop", "select", "end"), texts(d));
    List<Integer> depths = d.instructions().stream().map(WasmInstruction::depth).toList();
    assertEquals(List.of(0, 1, 2, 3, 2, 3, 2, 2, 1, 0, 0, 0, 0, 0, 0, 0), depths);
    assertEquals(new Immediate.BrTable(List.of(0L, 1L, 2L), 0), d.instructions().get(7).immediates().get(0));
  }

  @Test
  void memoryArguments() {
    FunctionDisassembly d = code(
        0x28, 0x02, 0x10, // i32.load offset=16 (natural align 4)
        0x28, 0x01, 0x04, // i32.load offset=4 align=2
        0x2D, 0x00, 0x00, // i32.load8_u
        0x37, 0x03, 0xF0, 0xFF, 0xFF, 0xFF, 0x0F, // i64.store offset=4294967280
        0x36, 0x42, 0x01, 0x08, // i32.store memory 1 offset=8 (multi-memory flag 0x40)
        0x3F, 0x00, 0x40, 0x00, // memory.size, memory.grow
        0x0B);
    assertEquals(String.join("\n", "i32.load offset=16", "i32.load offset=4 align=2", "i32.load8_u",
        "i64.store offset=4294967280", "i32.store 1 offset=8", "memory.size", "memory.grow", "end"), texts(d));
    assertEquals(new Immediate.MemArg(2, 16, 0, 2), d.instructions().get(0).immediates().get(0));
  }

  @Test
  void constantsAndVariables() {
    FunctionDisassembly d = code(
        0x42, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7F, // i64.const min
        0x43, 0x00, 0x00, 0xC0, 0x3F, // f32.const 1.5
        0x44, 0, 0, 0, 0, 0, 0, 0xF0, 0x7F, // f64.const inf
        0x43, 0x01, 0x00, 0xC0, 0x7F, // f32.const nan:0x400001
        0x43, 0x00, 0x00, 0x00, 0x80, // f32.const -0
        0x23, 0x00, 0x24, 0x00, 0x21, 0x03, 0x22, 0x04, 0x25, 0x01, 0x26, 0x00,
        0x0B);
    assertEquals(String.join("\n", "i64.const -9223372036854775808", "f32.const 1.5", "f64.const inf",
        "f32.const nan:0x400001", "f32.const -0", "global.get 0", "global.set 0", "local.set 3", "local.tee 4",
        "table.get 1", "table.set 0", "end"), texts(d));
  }

  @Test
  void callsWithSymbols() {
    FunctionDisassembly d = code(0x10, 0x08, 0x11, 0x03, 0x00, 0x11, 0x03, 0x01, 0x12, 0x02, 0x13, 0x01, 0x00,
        0x14, 0x04, 0x23, 0x00, 0x20, 0x01, 0xD2, 0x09, 0x0B);
    SymbolResolver names = new SymbolResolver() {
      @Override
      public Optional<String> functionName(long f) {
        return f == 8 ? Optional.of("level3") : f == 9 ? Optional.of("a b(c)") : Optional.empty();
      }

      @Override
      public Optional<String> globalName(long g) {
        return Optional.of("__stack_pointer");
      }

      @Override
      public Optional<String> localName(long func, long local) {
        return func == 5 && local == 1 ? Optional.of("acc") : Optional.empty();
      }
    };
    String text = d.instructions().stream().map(i -> i.text(names, d.funcIndex())).collect(Collectors.joining("\n"));
    assertEquals(String.join("\n", "call $level3", "call_indirect (type 3)", "call_indirect 1 (type 3)",
        "return_call 2", "return_call_indirect (type 1)", "call_ref 4", "global.get $__stack_pointer",
        "local.get $acc", "ref.func $\"a b(c)\"", "end"), text);
    assertTrue(d.instructions().get(0).isCall());
    assertFalse(d.instructions().get(6).isCall());
  }

  @Test
  void prefixedOpcodes() {
    FunctionDisassembly d = code(
        0xFC, 0x00, // i32.trunc_sat_f32_s
        0xFC, 0x0A, 0x00, 0x00, // memory.copy
        0xFC, 0x0B, 0x00, // memory.fill
        0xFC, 0x08, 0x02, 0x00, // memory.init 2
        0xFC, 0x09, 0x02, // data.drop 2
        0xFC, 0x0C, 0x01, 0x00, // table.init 1
        0xFC, 0x0E, 0x00, 0x00, // table.copy
        0xFC, 0x10, 0x00, // table.size 0
        0xFD, 0x00, 0x04, 0x00, // v128.load
        0xFD, 0x0C, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 4, 0, 0, 0, // v128.const
        0xFD, 0x0D, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, // i8x16.shuffle
        0xFD, 0x15, 0x03, // i8x16.extract_lane_s 3
        0xFD, 0x54, 0x00, 0x00, 0x05, // v128.load8_lane 5
        0xFD, 0xAE, 0x01, // i32x4.add (sub-opcode 174 as a 2-byte LEB)
        0xFD, 0x80, 0x02, // i8x16.relaxed_swizzle (256)
        0xFE, 0x03, 0x00, // atomic.fence
        0xFE, 0x10, 0x02, 0x00, // i32.atomic.load
        0xFE, 0x1E, 0x02, 0x00, // i32.atomic.rmw.add
        0xFE, 0x4E, 0x02, 0x08, // i64.atomic.rmw32.cmpxchg_u offset=8
        0xFE, 0x00, 0x02, 0x00, // memory.atomic.notify
        0x0B);
    assertEquals(String.join("\n", "i32.trunc_sat_f32_s", "memory.copy", "memory.fill", "memory.init 2",
        "data.drop 2", "table.init 1", "table.copy", "table.size 0", "v128.load",
        "v128.const i32x4 0x00000001 0x00000002 0x00000003 0x00000004",
        "i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15", "i8x16.extract_lane_s 3", "v128.load8_lane 5",
        "i32x4.add", "i8x16.relaxed_swizzle", "atomic.fence", "i32.atomic.load", "i32.atomic.rmw.add",
        "i64.atomic.rmw32.cmpxchg_u offset=8", "memory.atomic.notify", "end"), texts(d));
    WasmInstruction add = d.instructions().get(13);
    assertEquals(0xFD, add.prefix());
    assertEquals(174, add.opcode());
    assertEquals(3, add.length());
  }

  @Test
  void referencesAndExceptions() {
    FunctionDisassembly d = code(
        0xD0, 0x70, 0xD0, 0x6F, 0xD0, 0x03, 0xD1, // ref.null func, extern, 3; ref.is_null
        0x1C, 0x01, 0x7F, // select (result i32)
        0x06, 0x40, 0x08, 0x00, 0x07, 0x00, 0x19, 0x0B, // try, throw 0, catch 0, catch_all, end
        0x1F, 0x7F, 0x02, 0x00, 0x01, 0x00, 0x02, 0x01, // try_table (result i32) (catch 1 0) (catch_all 1)
        0x0A, 0x0B, // throw_ref, end
        0x1C, 0x01, 0x63, 0x70, // select (result (ref null func))
        0x0B);
    assertEquals(String.join("\n", "ref.null func", "ref.null extern", "ref.null 3", "ref.is_null",
        "select (result i32)", "try", "throw 0", "catch 0", "catch_all", "end",
        "try_table (result i32) (catch 1 0) (catch_all 1)", "throw_ref", "end", "select (result (ref null func))",
        "end"), texts(d));
  }

  @Test
  void unknownOpcodeStopsHonestly() {
    FunctionDisassembly d = code(0x20, 0x00, 0xFB, 0x1E, 0x20, 0x01, 0x0B);
    assertEquals(2, d.size());
    WasmInstruction u = d.instructions().get(1);
    assertFalse(u.known());
    assertEquals("unknown 0xfb", u.text());
    assertEquals(103, u.fileOffset());
    assertEquals(5, u.length()); // covers the rest of the body
    assertFalse(d.complete());
    assertTrue(d.stopReason().contains("5 bytes not decoded"), d.stopReason());
    assertEquals(1, d.indexAt(106));

    d = code(0xFC, 0x63, 0x0B);
    assertEquals("unknown 0xfc 0x63", d.instructions().get(0).text());
    d = code(0xFD, 0xA2, 0x01, 0x0B); // SIMD 162 is reserved
    assertEquals("unknown 0xfd 0xa2", d.instructions().get(0).text());
  }

  @Test
  void truncatedAndMalformedBytes() {
    // i32.const with a LEB that runs off the body.
    FunctionDisassembly d = code(0x20, 0x00, 0x41, 0x80, 0x80);
    assertEquals(2, d.size());
    assertFalse(d.instructions().get(1).known());
    assertTrue(d.instructions().get(1).text().startsWith("malformed instruction 0x41"), d.instructions().get(1)
        .text());
    // A local declaration count larger than the body.
    d = body(0x7F, 0x7F);
    assertEquals(1, d.size());
    assertEquals(-1, d.codeStart());
    assertTrue(d.stopReason().startsWith("malformed local declarations"), d.stopReason());
    // br_table whose count exceeds the bytes: an error, not an allocation.
    d = code(0x0E, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F);
    assertFalse(d.instructions().get(0).known());
    // Empty body: nothing to decode and no error.
    d = body();
    assertEquals(1, d.size());
    assertFalse(d.instructions().get(0).known());
  }

  @Test
  void instructionsAroundAnAddress() {
    FunctionDisassembly d = code(0x20, 0x00, 0x20, 0x01, 0x6A, 0x21, 0x02, 0x20, 0x02, 0x0B);
    // instructions at 101, 103, 105, 106, 108, 110
    assertEquals(2, d.indexAt(105));
    assertEquals(1, d.indexAt(104)); // inside local.get 1
    assertEquals(-1, d.indexAt(100)); // local declarations
    assertEquals(-1, d.indexAt(111));
    assertEquals(2, d.indexAtCodeOffset(5));
    assertEquals(List.of(101L, 103L, 105L), d.around(105, 2, 0).stream().map(WasmInstruction::fileOffset).toList());
    assertEquals(List.of(106L, 108L, 110L), d.around(106, 0, 10).stream().map(WasmInstruction::fileOffset).toList());
    assertEquals(6, d.around(105, 100, 100).size());
    assertEquals(List.of(), d.around(5, 1, 1));
  }

  @Test
  void cacheKeepsRecentFunctions() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(new byte[] {0x00, 0x01, 0x0B});
    ArrayByteSource src = new ArrayByteSource("m", bytes.toByteArray());
    int[] decodes = {0};
    DisassemblyCache cache = new DisassemblyCache(2, f -> {
      decodes[0]++;
      return f < 0 ? null : new ByteRegion(src, 0, 3);
    });
    FunctionDisassembly a = cache.get(1);
    assertTrue(a == cache.get(1));
    cache.get(2);
    cache.get(3); // evicts 1
    cache.get(1);
    assertEquals(4, decodes[0]);
    assertNull(cache.get(-1));
  }

  @Test
  void identifiersAndFloats() {
    assertEquals("$level3", WasmInstruction.id("level3"));
    assertEquals("$_ZN4core9panicking5panic17h1d5c5c9f0f2d3d5bE", WasmInstruction.id(
        "_ZN4core9panicking5panic17h1d5c5c9f0f2d3d5bE"));
    assertEquals("$<T_as_core::fmt::Debug>::fmt", WasmInstruction.id("<T_as_core::fmt::Debug>::fmt"));
    assertEquals("$\"a\\\"b c\"", WasmInstruction.id("a\"b c"));
    assertEquals("$\"\\c3\\a9\"", WasmInstruction.id("é"));
    assertEquals("nan", WasmInstruction.formatF64(Double.doubleToRawLongBits(Double.NaN)));
    assertEquals("-inf", WasmInstruction.formatF64(Double.doubleToRawLongBits(Double.NEGATIVE_INFINITY)));
    assertEquals("0.1", WasmInstruction.formatF64(Double.doubleToRawLongBits(0.1)));
  }
}
