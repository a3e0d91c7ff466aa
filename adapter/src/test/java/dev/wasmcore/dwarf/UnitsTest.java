package dev.wasmcore.dwarf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmcore.binary.MalformedInputException;
import dev.wasmcore.dwarf.testsupport.Bytes;
import dev.wasmcore.dwarf.testsupport.DwarfBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Unit headers of every DWARF version and both formats, laziness, and per-unit failure. */
class UnitsTest {
  private static final int TAG_CU = 0x11;
  private static final int TAG_SUB = 0x2e;

  /** Abbrevs: 1 CU (name string, low_pc addr, high_pc data4), 2 subprogram (same), 3 CU v2/3 (high_pc addr). */
  private static DwarfBuilder builder() {
    DwarfBuilder b = new DwarfBuilder();
    b.abbrev(1, TAG_CU, true, 0x03, 0x08, 0x11, 0x01, 0x12, 0x06);
    b.abbrev(2, TAG_SUB, false, 0x03, 0x08, 0x11, 0x01, 0x12, 0x06);
    b.abbrev(3, TAG_CU, true, 0x03, 0x08, 0x11, 0x01, 0x12, 0x01);
    b.abbrev(4, TAG_SUB, false, 0x03, 0x08, 0x11, 0x01, 0x12, 0x01);
    b.abbrev(5, 0x41, true);
    b.abbrev(6, 0x13, false, 0x03, 0x08, 0x0b, 0x0b);
    b.endAbbrevs();
    return b;
  }

  private static void unit(DwarfBuilder b, int version, boolean dwarf64, String name, long low, long len) {
    int start = DwarfBuilder.beginUnit(b.info, version, dwarf64, 1, 4, 0, 0, 0, false);
    Bytes d = b.info;
    if (version <= 3) {
      d.uleb(3).cstr(name).u32(low).u32(low + len);
      d.uleb(4).cstr(name + "_fn").u32(low).u32(low + len);
    } else {
      d.uleb(1).cstr(name).u32(low).u32(len);
      d.uleb(2).cstr(name + "_fn").u32(low).u32(len);
    }
    d.uleb(0);
    DwarfBuilder.endUnit(b.info, start);
  }

  /**
   * Subprogram lookup as LLVM's address map: disjoint ranges in any DIE order are found by their start; when ranges
   * overlap, a later DIE takes the part it covers and the earlier one keeps the rest on both sides.
   */
  @Test
  void subprogramLookupSplitsOverlapsAsLlvm() {
    DwarfBuilder b = builder();
    int start = DwarfBuilder.beginUnit(b.info, 4, false, 1, 4, 0, 0, 0, false);
    b.info.uleb(1).cstr("cu").u32(0x100).u32(0x400);
    b.info.uleb(2).cstr("late").u32(0x300).u32(0x80); // [0x300, 0x380), first in DIE order
    b.info.uleb(2).cstr("early").u32(0x100).u32(0x40); // [0x100, 0x140)
    b.info.uleb(2).cstr("empty").u32(0x200).u32(0); // no addresses
    b.info.uleb(0);
    DwarfBuilder.endUnit(b.info, start);
    CompileUnit u = DwarfInfo.open(b.sections()).units().get(0);
    assertEquals("early", u.subroutineAt(0x100).name());
    assertEquals("early", u.subroutineAt(0x13f).name());
    assertNull(u.subroutineAt(0x140));
    assertNull(u.subroutineAt(0x200));
    assertEquals("late", u.subroutineAt(0x37f).name());
    assertNull(u.subroutineAt(0x380));

    DwarfBuilder o = builder();
    int s2 = DwarfBuilder.beginUnit(o.info, 4, false, 1, 4, 0, 0, 0, false);
    o.info.uleb(1).cstr("cu").u32(0x100).u32(0x400);
    o.info.uleb(2).cstr("outer").u32(0x100).u32(0x100); // [0x100, 0x200)
    o.info.uleb(2).cstr("inner").u32(0x140).u32(0x40); // [0x140, 0x180): splits outer
    o.info.uleb(2).cstr("tail").u32(0x1c0).u32(0x80); // [0x1c0, 0x240): takes outer's end
    o.info.uleb(0);
    DwarfBuilder.endUnit(o.info, s2);
    CompileUnit v = DwarfInfo.open(o.sections()).units().get(0);
    assertEquals("outer", v.subroutineAt(0x13f).name());
    assertEquals("inner", v.subroutineAt(0x140).name());
    assertEquals("inner", v.subroutineAt(0x17f).name());
    assertEquals("outer", v.subroutineAt(0x180).name());
    assertEquals("outer", v.subroutineAt(0x1bf).name());
    assertEquals("tail", v.subroutineAt(0x1c0).name());
    assertEquals("tail", v.subroutineAt(0x23f).name());
    assertNull(v.subroutineAt(0x240));
  }

  /**
   * Inside a subprogram the lookup descends through the subroutines that contain the address (lexical blocks are
   * entered without a test); of two overlapping siblings the later wins, as in LLVM's map; an inlined subroutine
   * outside the one holding it (not nested) is not found.
   */
  @Test
  void inlinedLookupDescendsThroughContainingSubroutines() {
    DwarfBuilder b = new DwarfBuilder();
    b.abbrev(1, TAG_CU, true, 0x03, 0x08, 0x11, 0x01, 0x12, 0x06);
    b.abbrev(2, TAG_SUB, true, 0x03, 0x08, 0x11, 0x01, 0x12, 0x06);
    b.abbrev(3, 0x1d, true, 0x03, 0x08, 0x11, 0x01, 0x12, 0x06); // inlined subroutine
    b.abbrev(4, 0x0b, true, 0x11, 0x01, 0x12, 0x06); // lexical block
    b.endAbbrevs();
    Bytes d = b.info;
    int start = DwarfBuilder.beginUnit(d, 4, false, 1, 4, 0, 0, 0, false);
    d.uleb(1).cstr("cu").u32(0x100).u32(0x300);
    d.uleb(2).cstr("outer").u32(0x100).u32(0x100); // [0x100, 0x200)
    d.uleb(3).cstr("a").u32(0x110).u32(0x40); // [0x110, 0x150)
    d.uleb(4).u32(0x110).u32(0x40);
    d.uleb(3).cstr("a1").u32(0x120).u32(0x10).uleb(0);
    d.uleb(0); // end of the block
    d.uleb(0); // end of a
    d.uleb(3).cstr("b").u32(0x160).u32(0x40); // [0x160, 0x1a0)
    d.uleb(3).cstr("b1").u32(0x170).u32(0x10).uleb(0);
    d.uleb(0);
    d.uleb(3).cstr("c").u32(0x190).u32(0x20).uleb(0); // [0x190, 0x1b0): overlaps b, comes later
    d.uleb(3).cstr("stray").u32(0x1c0).u32(0x10); // [0x1c0, 0x1d0)
    d.uleb(3).cstr("outside").u32(0x1e0).u32(0x10).uleb(0); // not inside stray
    d.uleb(0);
    d.uleb(0); // end of outer
    d.uleb(0); // end of the unit
    DwarfBuilder.endUnit(d, start);
    CompileUnit u = DwarfInfo.open(b.sections()).units().get(0);

    String[][] expected = {{"105", "outer"}, {"115", "a"}, {"125", "a1"}, {"135", "a"}, {"165", "b"},
        {"175", "b1"}, {"195", "c"}, {"1a5", "c"}, {"1c5", "stray"}, {"1e5", "outer"}, {"1ff", "outer"}};
    for (String[] e : expected) {
      assertEquals(e[1], u.subroutineAt(Long.parseLong(e[0], 16)).name(), e[0]);
    }
    assertNull(u.subroutineAt(0x200));
    assertEquals(List.of("a1", "a", "outer"), u.inlinedChain(0x125).stream().map(Die::name).toList());
    assertEquals(List.of("b1", "b", "outer"), u.inlinedChain(0x175).stream().map(Die::name).toList());
  }

  @Test
  void versionsTwoToFiveAndBothFormatsInOneSection() {
    DwarfBuilder b = builder();
    unit(b, 2, false, "v2", 0x100, 0x10);
    unit(b, 3, false, "v3", 0x200, 0x10);
    unit(b, 4, false, "v4", 0x300, 0x10);
    unit(b, 5, false, "v5", 0x400, 0x10);
    unit(b, 4, true, "v4_64", 0x500, 0x10);
    unit(b, 5, true, "v5_64", 0x600, 0x10);
    int tu = DwarfBuilder.beginUnit(b.types, 4, false, 0, 4, 0, 0xabcdL, 0, true);
    int typeOffPos = b.types.size() - 4;
    b.types.uleb(5);
    b.types.patch(typeOffPos, b.types.size() - tu, 4);
    b.types.uleb(6).cstr("S").u8(8);
    b.types.uleb(0);
    DwarfBuilder.endUnit(b.types, tu);

    DwarfInfo info = DwarfInfo.open(b.sections());
    assertEquals(List.of(), info.errors());
    assertEquals(7, info.units().size());
    String[] names = {"v2", "v3", "v4", "v5", "v4_64", "v5_64"};
    int[] versions = {2, 3, 4, 5, 4, 5};
    for (int i = 0; i < names.length; i++) {
      CompileUnit u = info.units().get(i);
      assertEquals(versions[i], u.header().version());
      assertEquals(i >= 4, u.header().isDwarf64());
      assertEquals(i >= 4 ? 8 : 4, u.header().offsetSize());
      assertEquals(names[i], u.name());
      assertSame(u, info.unitForAddress(0x100L * (i + 1) + 5));
      Die fn = u.subroutineAt(0x100L * (i + 1) + 5);
      assertEquals(names[i] + "_fn", fn.name());
      assertEquals(List.of(fn), u.inlinedChain(0x100L * (i + 1) + 5));
    }
    assertNull(info.unitForAddress(0x110));
    assertNull(info.unitForAddress(0x50));
    CompileUnit t = info.typeUnit(0xabcdL);
    assertEquals(DwarfSections.TYPES, t.header().section());
    assertEquals("S", t.typeDie().name());
    assertEquals(8, DwarfType.of(t.typeDie()).byteSize());
  }

  @Test
  void openingReadsHeadersOnlyAndLookupsParseOneUnit() {
    DwarfBuilder b = builder();
    unit(b, 5, false, "a", 0x100, 0x10);
    unit(b, 5, false, "b", 0x200, 0x10);
    unit(b, 4, false, "c", 0x300, 0x10);
    DwarfInfo info = DwarfInfo.open(b.sections());
    for (CompileUnit u : info.units()) {
      assertFalse(u.isParsed());
    }
    CompileUnit u = info.unitForAddress(0x205);
    assertEquals("b", u.name());
    for (CompileUnit x : info.units()) {
      assertFalse(x.isParsed(), "the address index reads unit DIEs only");
    }
    u.inlinedChain(0x205);
    assertTrue(u.isParsed());
    assertFalse(info.units().get(0).isParsed());
    assertFalse(info.units().get(2).isParsed());
  }

  @Test
  void malformedUnitFailsAloneWithSectionAndOffsetAndTheFailureIsCached() {
    DwarfBuilder b = builder();
    unit(b, 5, false, "good1", 0x100, 0x10);
    int bad = DwarfBuilder.beginUnit(b.info, 5, false, 1, 4, 0, 0, 0, false);
    b.info.uleb(1).cstr("bad").u32(0x200).u32(0x10);
    int badDie = b.info.size();
    b.info.uleb(99); // no abbreviation 99
    b.info.uleb(0);
    DwarfBuilder.endUnit(b.info, bad);
    unit(b, 4, false, "good2", 0x300, 0x10);
    // A unit with an unsupported version between good ones: listed as an error, the walk goes on.
    int v9 = DwarfBuilder.beginUnit(b.info, 9, false, 1, 4, 0, 0, 0, false);
    b.info.u32(0);
    DwarfBuilder.endUnit(b.info, v9);
    unit(b, 3, false, "good3", 0x400, 0x10);
    // And a last unit whose length runs past the section.
    b.info.u32(0x7fff).u16(4);

    DwarfInfo info = DwarfInfo.open(b.sections());
    assertEquals(4, info.units().size());
    assertEquals(2, info.errors().size());
    assertTrue(info.errors().get(0).getMessage().contains("unsupported DWARF version 9"), info.errors().toString());
    assertTrue(info.errors().get(1).getMessage().contains("only"), info.errors().toString());
    CompileUnit badUnit = info.units().get(1);
    assertEquals("bad", badUnit.name(), "the unit DIE itself is readable");
    MalformedInputException e1 = assertThrows(MalformedInputException.class, badUnit::parseDies);
    MalformedInputException e2 = assertThrows(MalformedInputException.class, () -> badUnit.inlinedChain(0x205));
    assertSame(e1, e2, "the failure is cached");
    assertEquals("test.wasm", e1.file());
    assertTrue(e1.getMessage().contains(".debug_info"), e1.getMessage());
    assertTrue(e1.getMessage().contains("unknown abbreviation code 99"), e1.getMessage());
    long sectionStart = info.sections().get(DwarfSections.INFO).start();
    assertEquals(sectionStart + badDie, e1.offset());
    assertEquals("good1_fn", info.unitForAddress(0x105).subroutineAt(0x105).name());
    assertEquals("good2_fn", info.unitForAddress(0x305).subroutineAt(0x305).name());
    assertEquals("good3_fn", info.unitForAddress(0x405).subroutineAt(0x405).name());
  }

  @Test
  void unknownTagsAndAttributesAreKeptAndSkipped() {
    DwarfBuilder b = new DwarfBuilder();
    b.abbrev(1, TAG_CU, true, 0x03, 0x08);
    b.abbrev(2, 0x5123, true, 0x3fff, 0x0f, 0x3ffe, 0x08); // vendor tag with vendor attributes
    b.abbrev(3, TAG_SUB, false, 0x03, 0x08);
    b.endAbbrevs();
    int cu = b.beginCompileUnit(5);
    b.info.uleb(1).cstr("cu");
    b.info.uleb(2).uleb(300).cstr("vendor");
    b.info.uleb(3).cstr("inside");
    b.info.uleb(0);
    b.info.uleb(3).cstr("after");
    b.info.uleb(0);
    DwarfBuilder.endUnit(b.info, cu);
    DwarfInfo info = DwarfInfo.open(b.sections());
    CompileUnit u = info.units().get(0);
    List<Die> kids = u.root().children();
    assertEquals(2, kids.size());
    assertEquals("DW_TAG_0x5123", kids.get(0).tag().toString());
    assertEquals(300, kids.get(0).attribute(DwAt.of(0x3fff)).asUnsigned());
    assertEquals("inside", kids.get(0).children().get(0).name());
    assertEquals(kids.get(0), kids.get(0).children().get(0).parent());
    assertEquals("after", kids.get(1).name());
    assertEquals("cu::after", "cu::" + kids.get(1).qualifiedName());
  }
}
