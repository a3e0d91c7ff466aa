package dev.wasmcore.wasm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmcore.binary.ArrayByteSource;
import dev.wasmcore.binary.ByteRegion;
import dev.wasmcore.binary.MalformedInputException;
import dev.wasmcore.testsupport.Bytes;
import dev.wasmcore.testsupport.WasmBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WasmModuleTest {
  @TempDir
  Path dir;

  private static WasmModule read(byte[] bytes) {
    return WasmModule.of(new ArrayByteSource("m.wasm", bytes));
  }

  /**
   * A module laid out by hand:
   * <pre>
   *  0  preamble (8)
   *  8  type section      01 04 | 01 60 00 00
   * 14  import section    02 09 | 01 03 "env" 01 "f" 00 00
   * 25  function section  03 03 | 02 00 00
   * 30  code section      0A 0C | 02 (at 32)
   * 33                    body 1: size 04 at 33, body 34..38: 00 01 01 0B
   * 38                    body 2: size 05 at 38, body 39..44: 01 02 7F 01 0B
   * </pre>
   */
  private static byte[] handLaidOut() {
    return new Bytes().u8(0, 'a', 's', 'm', 1, 0, 0, 0)
        .u8(1, 4, 1, 0x60, 0, 0)
        .u8(2, 9, 1, 3, 'e', 'n', 'v', 1, 'f', 0, 0)
        .u8(3, 3, 2, 0, 0)
        .u8(10, 12, 2, 4, 0, 1, 1, 0x0B, 5, 1, 2, 0x7F, 1, 0x0B)
        .toByteArray();
  }

  @Test
  void functionIndexSpaceAndBodyRanges() {
    WasmModule m = read(handLaidOut());
    assertEquals(1, m.importedFunctionCount());
    assertEquals(3, m.functionCount());
    assertEquals(2, m.definedFunctionCount());
    assertEquals(new FileOffset(32), m.codePayloadStart());
    FunctionBody b1 = m.body(1).orElseThrow();
    assertEquals(new FileOffset(33), b1.sizeFieldOffset());
    assertEquals(new FileOffset(34), b1.start());
    assertEquals(new FileOffset(38), b1.end());
    FunctionBody b2 = m.body(2).orElseThrow();
    assertEquals(39, b2.start().value());
    assertEquals(44, b2.end().value());
    assertEquals(List.of(new FunctionBody.LocalDecl(2, ValType.I32)), b2.localDecls());
    assertEquals(new FileOffset(42), b2.codeStart());
    assertTrue(m.body(0).isEmpty(), "imported function has no body");
    assertTrue(m.body(3).isEmpty());
    assertEquals(List.of(), m.functionType(0).params());
  }

  @Test
  void addressSpaceConversions() {
    WasmModule m = read(handLaidOut());
    assertEquals(new DwarfAddress(3), m.dwarfAddress(1, new CodeOffset(1)));
    assertEquals(new DwarfAddress(10), m.dwarfAddress(2, new CodeOffset(3)));
    assertEquals(new FileOffset(42), m.fileOffset(2, new CodeOffset(3)));
    assertEquals(new FileOffset(42), m.fileOffset(new DwarfAddress(10)));
    assertEquals(new DwarfAddress(10), m.dwarfAddress(new FileOffset(42)));
    assertEquals(1, m.functionAt(new DwarfAddress(2)).orElseThrow().funcIndex());
    assertEquals(1, m.functionAt(new DwarfAddress(5)).orElseThrow().funcIndex());
    assertEquals(2, m.functionAt(new DwarfAddress(7)).orElseThrow().funcIndex());
    assertTrue(m.functionAt(new DwarfAddress(1)).isEmpty(), "the size LEB of body 1 belongs to no function");
    assertTrue(m.functionAt(new DwarfAddress(6)).isEmpty(), "the size LEB of body 2 belongs to no function");
    assertTrue(m.functionAt(new DwarfAddress(12)).isEmpty(), "past the last body");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> m.dwarfAddress(0, new CodeOffset(0)));
    assertTrue(e.getMessage().contains("imported"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> m.dwarfAddress(7, new CodeOffset(0)));
    assertTrue(e.getMessage().contains("function 7 does not exist in m.wasm (3 functions, 1 imported)"),
        e.getMessage());
  }

  @Test
  void everyStandardSection() {
    WasmBuilder b = new WasmBuilder();
    int t0 = b.type(new int[] {WasmBuilder.I32, WasmBuilder.I64}, new int[] {WasmBuilder.F64});
    int t1 = b.type(new int[0], new int[0]);
    b.importFunction("wasi", "proc_exit", t1);
    b.importGlobal("env", "g", WasmBuilder.I32, false);
    int f1 = b.function(t0, new int[][] {{1, WasmBuilder.F32}}, Bytes.of(0x44, 0, 0, 0, 0, 0, 0, 0, 0, 0x0B));
    int f2 = b.function(t1, 3);
    b.table(WasmBuilder.FUNCREF, 4);
    b.memory(2, 100, false);
    b.global(WasmBuilder.I32, true, Bytes.i32Const(70736));
    b.global(WasmBuilder.I64, false, Bytes.i64Const(-5));
    b.global(WasmBuilder.F32, false, new Bytes().u8(0x43).u32le(Float.floatToIntBits(1.5f)).u8(0x0B).toByteArray());
    b.global(WasmBuilder.I32, false, new Bytes().u8(0x23, 0, 0x0B).toByteArray()); // global.get 0 (the import)
    b.export("run", 0, f1).export("memory", 2, 0);
    b.start(f2);
    b.element(1, f1, f2);
    b.rawElement(new Bytes().uleb(5).u8(0x70).uleb(1).u8(0xD2).uleb(f2).u8(0x0B).toByteArray()); // passive, exprs
    b.dataCount();
    b.data(Bytes.i32Const(1024), Bytes.of(1, 2, 3));
    b.passiveData(Bytes.of(9));
    WasmModule m = read(b.build());

    assertEquals(2, m.types().size());
    assertEquals(List.of(ValType.I32, ValType.I64), m.funcType(t0).params());
    assertEquals(List.of(ValType.F64), m.funcType(t0).results());
    assertEquals(2, m.imports().size());
    assertEquals(ExternKind.GLOBAL, m.imports().get(1).kind());
    assertEquals(new GlobalType(ValType.I32, false), m.imports().get(1).global());
    assertEquals(3, m.functionCount());
    assertEquals(t0, m.functionTypeIndex(f1));
    assertEquals(t1, m.functionTypeIndex(0));
    assertEquals(1, m.tables().size());
    assertEquals(4, m.tables().get(0).limits().min());
    assertEquals(2, m.memories().get(0).min());
    assertEquals(100, m.memories().get(0).max().getAsLong());
    assertFalse(m.memories().get(0).is64());

    List<Global> g = m.globals();
    assertEquals(4, g.size());
    assertEquals(1, g.get(0).index(), "defined globals follow the imported one");
    assertEquals(WasmValue.i32(70736), g.get(0).init().evaluate(null).orElseThrow());
    assertEquals(WasmValue.i64(-5), g.get(1).init().evaluate(null).orElseThrow());
    assertEquals(1.5, g.get(2).init().evaluate(null).orElseThrow().asDouble());
    assertTrue(g.get(3).init().evaluate(null).isEmpty(), "global.get without a resolver has no value");
    assertEquals(WasmValue.i32(7), g.get(3).init().evaluate(i -> java.util.Optional.of(WasmValue.i32(7)))
        .orElseThrow());
    assertEquals(new GlobalType(ValType.I64, false), m.globalType(2).orElseThrow());
    assertEquals(new GlobalType(ValType.I32, false), m.globalType(0).orElseThrow());

    assertEquals(List.of(new Export("run", ExternKind.FUNC, f1), new Export("memory", ExternKind.MEMORY, 0)),
        m.exports());
    assertEquals(f2, m.startFunction().getAsLong());

    assertEquals(2, m.elements().size());
    assertEquals(SegmentMode.ACTIVE, m.elements().get(0).mode());
    assertEquals(SegmentMode.PASSIVE, m.elements().get(1).mode());
    assertEquals(List.of((long) f2), m.elements().get(1).functionIndices());
    assertEquals(f1, m.tableFunction(0, 1).getAsLong());
    assertEquals(f2, m.tableFunction(0, 2).getAsLong());
    assertTrue(m.tableFunction(0, 0).isEmpty());
    assertTrue(m.tableFunction(0, 3).isEmpty());

    assertEquals(2, m.dataCount().getAsLong());
    assertEquals(2, m.dataSegments().size());
    assertEquals(1024, m.dataSegments().get(0).offset().constantOffset().getAsLong());
    assertArrayEquals(Bytes.of(1, 2, 3), m.dataSegments().get(0).bytes().toByteArray());
    assertEquals(SegmentMode.PASSIVE, m.dataSegments().get(1).mode());
  }

  @Test
  void memory64LimitsAndOffsets() {
    WasmBuilder b = new WasmBuilder();
    b.memory(0x1_0000_0001L, -1, true);
    b.data(Bytes.i64Const(0x1_0000_0000L), Bytes.of(7));
    WasmModule m = read(b.build());
    Limits l = m.memories().get(0);
    assertTrue(l.is64());
    assertEquals(0x1_0000_0001L, l.min());
    assertTrue(l.max().isEmpty());
    assertEquals(0x1_0000_0000L, m.dataSegments().get(0).offset().constantOffset().getAsLong());
  }

  @Test
  void nameSectionWithUnknownSubsection() {
    WasmBuilder b = new WasmBuilder();
    int t = b.type(new int[] {WasmBuilder.I32}, new int[0]);
    b.importFunction("env", "imp", t);
    b.function(t, 1);
    b.global(WasmBuilder.I32, true, Bytes.i32Const(0));
    Bytes names = new Bytes();
    names.u8(0).vec(new Bytes().name("mod").toByteArray());
    names.u8(1).vec(new Bytes().uleb(2).uleb(0).name("imp").uleb(1).name("level3").toByteArray());
    names.u8(2).vec(new Bytes().uleb(1).uleb(1).uleb(2).uleb(0).name("idx").uleb(1).name("sum").toByteArray());
    names.u8(7).vec(new Bytes().uleb(1).uleb(0).name("__stack_pointer").toByteArray());
    names.u8(42).vec(Bytes.of(1, 2, 3)); // unknown: skipped by its size
    b.custom("name", names.toByteArray());
    WasmModule m = read(b.build());
    NameSection n = m.names().orElseThrow();
    assertEquals("mod", n.moduleName().orElseThrow());
    assertEquals("level3", m.functionName(1).orElseThrow());
    assertEquals("imp", m.functionName(0).orElseThrow());
    assertTrue(m.functionName(5).isEmpty());
    assertEquals("sum", n.localName(1, 1).orElseThrow());
    assertEquals(Map.of(0L, "idx", 1L, "sum"), n.localNames(1));
    assertEquals("__stack_pointer", n.globalName(0).orElseThrow());
    assertEquals(List.of(42), n.skippedSubsections());
  }

  /**
   * Function names are decoded when asked for: one name through the entry index, all of them through the map. A bad
   * name elsewhere in the subsection fails only what decodes it, with its offset; indices out of order (against the
   * spec) resolve as the whole map does, the last entry winning.
   */
  @Test
  void functionNamesAreDecodedWhenAskedFor() {
    WasmBuilder b = new WasmBuilder();
    int t = b.type(new int[0], new int[0]);
    b.function(t, 1);
    b.function(t, 1);
    b.function(t, 1);
    Bytes bad = new Bytes().uleb(3).uleb(0).name("zero").uleb(1);
    bad.uleb(2).u8(0xC3).u8(0x28); // invalid UTF-8
    bad.uleb(2).name("two");
    b.custom("name", new Bytes().u8(1).vec(bad.toByteArray()).toByteArray());
    WasmModule m = read(b.build());
    NameSection n = m.names().orElseThrow();
    assertEquals("zero", n.functionName(0).orElseThrow());
    assertEquals("two", n.functionName(2).orElseThrow());
    assertTrue(n.functionName(7).isEmpty());
    MalformedInputException e = assertThrows(MalformedInputException.class, () -> n.functionName(1));
    assertTrue(e.getMessage().contains("custom section \"name\"") && e.getMessage().contains("UTF-8"),
        e.getMessage());
    assertThrows(MalformedInputException.class, () -> n.nameMap(NameSection.FUNCTIONS));
    assertEquals("two", n.functionName(2).orElseThrow());

    WasmBuilder b2 = new WasmBuilder();
    int t2 = b2.type(new int[0], new int[0]);
    b2.function(t2, 1);
    b2.function(t2, 1);
    Bytes unordered = new Bytes().uleb(3).uleb(1).name("one").uleb(0).name("zero").uleb(1).name("uno");
    b2.custom("name", new Bytes().u8(1).vec(unordered.toByteArray()).toByteArray());
    NameSection n2 = read(b2.build()).names().orElseThrow();
    assertEquals("uno", n2.functionName(1).orElseThrow());
    assertEquals("zero", n2.functionName(0).orElseThrow());
    assertEquals(Map.of(0L, "zero", 1L, "uno"), n2.nameMap(NameSection.FUNCTIONS));

    WasmBuilder b3 = new WasmBuilder();
    b3.function(b3.type(new int[0], new int[0]), 1);
    b3.custom("name", new Bytes().u8(1).vec(new Bytes().uleb(1).uleb(0).name("f").u8(9).toByteArray())
        .toByteArray());
    NameSection n3 = read(b3.build()).names().orElseThrow();
    MalformedInputException trailing = assertThrows(MalformedInputException.class, () -> n3.functionName(0));
    assertTrue(trailing.getMessage().contains("1 unread bytes at its end"), trailing.getMessage());
  }

  @Test
  void toolConventionSections() {
    WasmBuilder b = new WasmBuilder();
    b.function(b.type(new int[0], new int[0]), 2);
    b.custom("producers", new Bytes().uleb(2).name("language").uleb(1).name("C11").name("")
        .name("processed-by").uleb(1).name("clang").name("19.1.7").toByteArray());
    b.custom("build_id", new Bytes().vec(Bytes.of(0xDE, 0xAD, 0xBE, 0xEF)).toByteArray());
    b.custom("external_debug_info", new Bytes().name("debug/app.debug.wasm").toByteArray());
    b.custom("sourceMappingURL", new Bytes().name("app.wasm.map").toByteArray());
    b.custom(".debug_info", Bytes.of(1, 2, 3, 4, 5));
    b.custom(".debug_line", Bytes.of(6, 7));
    byte[] bytes = b.build();
    WasmModule m = read(bytes);
    Producers p = m.producers().orElseThrow();
    assertEquals(List.of(new Producers.Entry("clang", "19.1.7")), p.field("processed-by"));
    assertEquals("C11", p.field("language").get(0).name());
    assertArrayEquals(Bytes.of(0xDE, 0xAD, 0xBE, 0xEF), m.buildId().orElseThrow());
    assertEquals("deadbeef", m.buildIdHex().orElseThrow());
    assertEquals("debug/app.debug.wasm", m.externalDebugInfo().orElseThrow());
    assertEquals("app.wasm.map", m.sourceMappingUrl().orElseThrow());
    ByteRegion info = m.debugSection(".debug_info").orElseThrow();
    assertEquals(5, info.length());
    assertEquals(1, info.u8(0));
    assertEquals(bytes[(int) info.start()], 1, "the region points into the file, not a copy");
    assertEquals(List.of(".debug_info", ".debug_line"), List.copyOf(m.debugSections().keySet()));
    assertTrue(m.debugSection(".debug_str").isEmpty());
  }

  @Test
  void codeIdentityFollowsTheCodeBytesOnly() {
    WasmBuilder a = new WasmBuilder();
    a.function(a.type(new int[0], new int[0]), 2);
    WasmBuilder b = new WasmBuilder();
    b.function(b.type(new int[0], new int[0]), 2);
    b.custom("name", new Bytes().toByteArray());
    WasmBuilder c = new WasmBuilder();
    c.function(c.type(new int[0], new int[0]), 3);
    assertEquals(read(a.build()).codeIdentity(), read(b.build()).codeIdentity());
    assertNotEquals(read(a.build()).codeIdentity(), read(c.build()).codeIdentity());
    assertEquals(64, read(a.build()).codeIdentity().length());
  }

  @Test
  void opensFilesByMapping() {
    WasmBuilder b = new WasmBuilder();
    b.function(b.type(new int[0], new int[0]), 2);
    Path f = b.write(dir.resolve("x.wasm"));
    try (WasmModule m = WasmModule.open(f)) {
      assertEquals(1, m.functionCount());
      assertEquals(f.toString(), m.name());
    }
  }

  @Test
  void sectionsAreDecodedLazilyAndFailuresCached() {
    // a type section with an unknown form: opening works, asking for the types fails, the same way each time
    byte[] bytes = new Bytes().u8(0, 'a', 's', 'm', 1, 0, 0, 0).u8(1, 2, 1, 0x55).toByteArray();
    WasmModule m = read(bytes);
    assertEquals(1, m.sections().size());
    var e1 = assertThrows(dev.wasmcore.binary.MalformedInputException.class, m::types);
    var e2 = assertThrows(dev.wasmcore.binary.MalformedInputException.class, m::types);
    assertEquals(e1.getMessage(), e2.getMessage());
    assertEquals("m.wasm: offset 0xb: type section: unknown type form 0x55", e1.getMessage());
  }
}
