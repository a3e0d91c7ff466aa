package dev.wasmcore.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmcore.binary.ByteRegion;
import dev.wasmcore.binary.ByteReader;
import dev.wasmcore.dwarf.CompileUnit;
import dev.wasmcore.dwarf.Die;
import dev.wasmcore.dwarf.DwarfInfo;
import dev.wasmcore.dwarf.DwarfType;
import dev.wasmcore.dwarf.testsupport.DwarfBuilder;
import dev.wasmcore.inspect.loc.LocationEvaluator;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Cycles and deep nesting built by hand, the inputs a random mutation rarely produces: a typedef to itself, a two-step
 * typedef cycle, a struct with a member of its own type, a pointer to itself, an abstract_origin / specification
 * cycle, an array of itself, 100 000 nested DIEs, and location expressions that loop or grow the stack. Each is
 * walked through the public API under a hang guard; the only outcomes allowed are values or MalformedInputException
 * with the file and an offset.
 */
@Tag("fuzz")
class DwarfCycleTest {
  // DWARF 5 tags, attributes and forms used below (section 7.5).
  static final int TAG_CU = 0x11;
  static final int TAG_TYPEDEF = 0x16;
  static final int TAG_STRUCT = 0x13;
  static final int TAG_MEMBER = 0x0d;
  static final int TAG_POINTER = 0x0f;
  static final int TAG_ARRAY = 0x01;
  static final int TAG_SUBRANGE = 0x21;
  static final int TAG_SUBPROGRAM = 0x2e;
  static final int TAG_VARIABLE = 0x34;
  static final int TAG_LEXICAL_BLOCK = 0x0b;
  static final int AT_NAME = 0x03;
  static final int AT_TYPE = 0x49;
  static final int AT_BYTE_SIZE = 0x0b;
  static final int AT_MEMBER_LOCATION = 0x38;
  static final int AT_COUNT = 0x37;
  static final int AT_ABSTRACT_ORIGIN = 0x31;
  static final int AT_SPECIFICATION = 0x47;
  static final int AT_LOCATION = 0x02;
  static final int FORM_STRING = 0x08;
  static final int FORM_REF4 = 0x13;
  static final int FORM_DATA1 = 0x0b;
  static final int FORM_EXPRLOC = 0x18;

  private final HangGuard guard = new HangGuard(Duration.ofSeconds(20));

  /**
   * One unit: [0] CU, then DIEs at fixed unit offsets so references can point anywhere, including at themselves.
   * Abbreviations: 1 CU (children), 2 typedef(name, type), 3 struct(name, size; children), 4 member(name, type,
   * location), 5 pointer(type, size), 6 array(type; children), 7 subrange(count), 8 subprogram(name, abstract_origin,
   * specification), 9 variable(name, type, location exprloc).
   */
  private static DwarfBuilder unit(java.util.function.Consumer<DwarfBuilder> dies) {
    DwarfBuilder b = new DwarfBuilder();
    b.abbrev(1, TAG_CU, true, AT_NAME, FORM_STRING);
    b.abbrev(2, TAG_TYPEDEF, false, AT_NAME, FORM_STRING, AT_TYPE, FORM_REF4);
    b.abbrev(3, TAG_STRUCT, true, AT_NAME, FORM_STRING, AT_BYTE_SIZE, FORM_DATA1);
    b.abbrev(4, TAG_MEMBER, false, AT_NAME, FORM_STRING, AT_TYPE, FORM_REF4, AT_MEMBER_LOCATION, FORM_DATA1);
    b.abbrev(5, TAG_POINTER, false, AT_TYPE, FORM_REF4, AT_BYTE_SIZE, FORM_DATA1);
    b.abbrev(6, TAG_ARRAY, true, AT_TYPE, FORM_REF4);
    b.abbrev(7, TAG_SUBRANGE, false, AT_COUNT, FORM_DATA1);
    b.abbrev(8, TAG_SUBPROGRAM, true, AT_NAME, FORM_STRING, AT_ABSTRACT_ORIGIN, FORM_REF4, AT_SPECIFICATION,
        FORM_REF4);
    b.abbrev(9, TAG_VARIABLE, false, AT_NAME, FORM_STRING, AT_TYPE, FORM_REF4, AT_LOCATION, FORM_EXPRLOC);
    b.abbrev(10, TAG_LEXICAL_BLOCK, true);
    b.endAbbrevs();
    int start = b.beginCompileUnit(5);
    b.info.uleb(1).cstr("cycles.c");
    dies.accept(b);
    b.info.u8(0); // end of the CU's children
    DwarfBuilder.endUnit(b.info, start);
    return b;
  }

  /** Unit offset of the next DIE written (the unit starts at 0 in .debug_info). */
  private static int here(DwarfBuilder b) {
    return b.info.size();
  }

  private void walk(String what, Map<String, ByteRegion> sections) {
    guard.run(what, () -> Outcomes.expectValueOrError(what, "test.wasm",
        () -> Drivers.dwarf(what, "test.wasm", sections)));
  }

  /** Every type DIE of the unit, resolved as the value layer would: strip, size, members, target chain. */
  private void types(String what, Map<String, ByteRegion> sections) {
    guard.run(what, () -> Outcomes.expectValueOrError(what, "test.wasm", () -> {
      DwarfInfo di = DwarfInfo.open(sections);
      CompileUnit u = di.units().get(0);
      u.parseDies();
      for (Die d : u.dies()) {
        DwarfType t = DwarfType.of(d);
        t.stripTypedefsAndQualifiers();
        t.byteSize();
        t.qualifiedName();
        d.qualifiedName();
        d.nameRecursive();
        d.attributeRecursive(dev.wasmcore.dwarf.DwAt.of(AT_NAME));
        for (DwarfType.Member m : t.members()) {
          if (m.type() != null) {
            m.type().stripTypedefsAndQualifiers();
            m.type().byteSize();
          }
        }
        DwarfType cur = t;
        for (int i = 0; i < 100 && cur != null; i++) {
          cur = cur.target();
        }
        t.dimensions();
      }
    }));
  }

  @Test
  void typedefToItself() {
    DwarfBuilder b = unit(x -> {
      int self = here(x);
      x.info.uleb(2).cstr("T").u32(self);
    });
    types("typedef T T", b.sections());
    walk("typedef T T", b.sections());
  }

  @Test
  void typedefCycleOfTwo() {
    DwarfBuilder b = unit(x -> {
      int a = here(x);
      // A -> B -> A: B is written right after A; A's DIE is 1 + 2 + 4 = 7 bytes.
      x.info.uleb(2).cstr("A").u32(a + 7);
      x.info.uleb(2).cstr("B").u32(a);
    });
    types("typedef cycle", b.sections());
    walk("typedef cycle", b.sections());
  }

  @Test
  void structWithMemberOfItsOwnTypeAndSelfPointer() {
    DwarfBuilder b = unit(x -> {
      int s = here(x);
      x.info.uleb(3).cstr("S").u8(8);
      x.info.uleb(4).cstr("me").u32(s).u8(0);          // a member of its own type (invalid C, possible bytes)
      int p = here(x) + 0; // placeholder
      x.info.uleb(4).cstr("next").u32(p + 9 + 1).u8(4); // refers to the pointer DIE below
      x.info.u8(0);
      x.info.uleb(5).u32(here(x)).u8(4);                 // a pointer to itself
    });
    types("struct S { S me; ptr next; }", b.sections());
    walk("struct S { S me; ptr next; }", b.sections());
  }

  @Test
  void arrayOfItself() {
    DwarfBuilder b = unit(x -> {
      int a = here(x);
      x.info.uleb(6).u32(a);
      x.info.uleb(7).u8(0xFF);
      x.info.u8(0);
    });
    types("array of itself", b.sections());
    walk("array of itself", b.sections());
  }

  @Test
  void abstractOriginAndSpecificationCycles() {
    DwarfBuilder b = unit(x -> {
      int f = here(x);
      // f.abstract_origin = f, f.specification = g; g.abstract_origin = f.
      int fLen = 1 + 2 + 4 + 4;
      x.info.uleb(8).cstr("").u32(f).u32(f + fLen + 1);
      x.info.u8(0);
      x.info.uleb(8).cstr("").u32(f).u32(f);
      x.info.u8(0);
    });
    types("abstract_origin cycle", b.sections());
    walk("abstract_origin cycle", b.sections());
  }

  @Test
  void hundredThousandNestedBlocks() {
    DwarfBuilder b = unit(x -> {
      for (int i = 0; i < 100_000; i++) {
        x.info.uleb(10);
      }
      for (int i = 0; i < 100_000; i++) {
        x.info.u8(0);
      }
    });
    walk("100000 nested lexical blocks", b.sections());
  }

  @Test
  void referencesOutsideTheUnit() {
    DwarfBuilder b = unit(x -> {
      x.info.uleb(2).cstr("far").u32(0x7FFFFFFF);
      x.info.uleb(2).cstr("mid").u32(3); // into the unit header
      x.info.uleb(2).cstr("zero").u32(0);
    });
    types("references outside the unit", b.sections());
    walk("references outside the unit", b.sections());
  }

  @Test
  void loopingAndGrowingLocationExpressions() {
    LocationEvaluator ev = LocationEvaluator.wasm32();
    byte[][] exprs = {
        {0x2f, (byte) 0xfd, (byte) 0xff},                       // DW_OP_skip -3: itself, forever
        {0x30, 0x28, (byte) 0xfd, (byte) 0xff},                 // lit0; DW_OP_bra back to the lit
        {0x31, 0x12, 0x2f, (byte) 0xfc, (byte) 0xff},           // lit1; dup; skip back: the stack grows each turn
        {0x15, (byte) 0xff},                                    // DW_OP_pick 255 on an empty stack
        {0x0e, -1, -1, -1, -1, -1, -1, -1, -1, 0x06},           // const8u 2^64-1; deref
        {(byte) 0x93, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f},  // piece of 2^32 bytes
        {(byte) 0x9e, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f},  // implicit_value of 4 GiB
        {(byte) 0xa3, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f},  // entry_value of 4 GiB
        {(byte) 0xed, 0x00, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x00},
    };
    for (byte[] e : exprs) {
      String what = "expression " + java.util.HexFormat.of().formatHex(e);
      guard.run(what, () -> Outcomes.expectValueOrError(what, "expr", () -> {
        ev.evaluate(ByteReader.of("expr", e), LocationEvaluatorFuzzTest.context(new byte[64]));
      }));
    }
    assertEquals(10_000, LocationEvaluator.MAX_STEPS);
    assertTrue(LocationEvaluator.MAX_STACK <= 10_000);
  }
}
