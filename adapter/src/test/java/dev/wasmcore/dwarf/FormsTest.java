package dev.wasmcore.dwarf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmcore.dwarf.testsupport.Bytes;
import dev.wasmcore.dwarf.testsupport.DwarfBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every attribute form of DWARF 5 (section 7.5.6) decoded from a hand-built unit, with the indexed sections. */
class FormsTest {
  // vendor attribute codes (DW_AT_lo_user range) to carry one value per form
  private static final int A = 0x3000;

  @Test
  void everyFormDecodes() {
    DwarfBuilder b = new DwarfBuilder();
    int producer = b.str("clang test");
    int sA = b.str("strx2-value");
    int sB = b.str("strx3-value");
    int sC = b.str("strx4-value");
    int sD = b.str("strx-value");
    int sE = b.str("unit-name");
    int viaStrp = b.str("strp-value");
    int compDir = b.lineStr("/comp/dir");
    // .debug_str_offsets: v5 contribution header (length, version 5, padding), then offsets; base = 8
    b.strOffsets.u32(4 + 6 * 4).u16(5).u16(0).u32(sE).u32(sA).u32(sB).u32(sC).u32(sD).u32(viaStrp);
    // .debug_addr: header (length, version, address_size 4, segment 0); base = 8
    b.addr.u32(4 + 5 * 4).u16(5).u8(4).u8(0).u32(0x100).u32(0x200).u32(0x300).u32(0x400).u32(0x500);
    // .debug_rnglists: header with one offset; base = 12; list 0 at base + 4
    b.rnglists.u32(0).u16(5).u8(4).u8(0).u32(1).u32(4);
    b.rnglists.u8(RangeList.DW_RLE_start_length).u32(0x100).uleb(0x10).u8(RangeList.DW_RLE_end_of_list);
    b.rnglists.patch(0, b.rnglists.size() - 4, 4);
    b.loclists.u32(0).u16(5).u8(4).u8(0).u32(1).u32(4);
    b.loclists.u8(LocationList.DW_LLE_start_length).u32(0x100).uleb(0x10).uleb(1).u8(0x31);
    b.loclists.u8(LocationList.DW_LLE_end_of_list);
    b.loclists.patch(0, b.loclists.size() - 4, 4);

    b.abbrev(1, 0x11, true, 0x25, 0x0e, 0x72, 0x17, 0x73, 0x17, 0x74, 0x17, 0x8c, 0x17, 0x1b, 0x1f, 0x03, 0x25);
    int[] varForms = {0x26, 0x27, 0x28, 0x1a, 0x29, 0x2a, 0x2b, 0x2c, 0x1b, 0x01, 0x0b, 0x05, 0x06, 0x07, 0x1e,
        0x0d, 0x0f, 0x0c, 0x19, 0x0a, 0x03, 0x04, 0x09, 0x18, 0x08, 0x11, 0x12, 0x13, 0x14, 0x15, 0x10, 0x20, 0x17,
        0x16, 0x0e};
    Bytes ab = b.abbrev;
    ab.uleb(2).uleb(0x34).u8(0);
    for (int i = 0; i < varForms.length; i++) {
      ab.uleb(A + i).uleb(varForms[i]);
    }
    ab.uleb(A + 100).uleb(0x21).sleb(-42); // implicit_const
    ab.uleb(0x55).uleb(0x23); // DW_AT_ranges rnglistx
    ab.uleb(0x02).uleb(0x22); // DW_AT_location loclistx
    ab.uleb(0).uleb(0);
    b.abbrev(3, 0x24, false, 0x03, 0x08);
    b.abbrev(4, 0x41, true);
    b.endAbbrevs();

    // The type unit first, so the compile unit's ref_addr and ref_sig8 can name it.
    long sig = 0x1122334455667788L;
    int tu = DwarfBuilder.beginUnit(b.info, 5, false, UnitHeader.DW_UT_type, 4, 0, sig, 0, false);
    int typeOffsetPos = b.info.size() - 4;
    b.info.uleb(4);
    int sigTypeRel = b.info.size() - tu;
    b.info.uleb(3).cstr("sig_type");
    b.info.uleb(0);
    b.info.patch(typeOffsetPos, sigTypeRel, 4);
    DwarfBuilder.endUnit(b.info, tu);

    int cu = b.beginCompileUnit(5);
    b.info.uleb(1).u32(producer).u32(8).u32(8).u32(12).u32(12).u32(compDir).u8(0);
    int intRel = b.info.size() - cu;
    b.info.uleb(3).cstr("int");
    int varRel = b.info.size() - cu;
    Bytes d = b.info;
    d.uleb(2);
    d.u16(1).u24(2).u32(3).uleb(4); // strx2..strx4, strx
    d.u8(0).u16(1).u24(2).u32(3).uleb(4); // addrx1..4, addrx
    d.u32(0xdeadbeefL); // addr
    d.u8(0xfe).u16(0xfffe).u32(0xfffffffeL).u64(-2L); // data1, 2, 4, 8
    for (int i = 0; i < 16; i++) {
      d.u8(i); // data16
    }
    d.sleb(-1000).uleb(1000); // sdata, udata
    d.u8(1); // flag; flag_present has no bytes
    d.u8(2).raw(7, 8); // block1
    d.u16(1).raw(9); // block2
    d.u32(1).raw(10); // block4
    d.uleb(2).raw(11, 12); // block
    d.uleb(2).raw(0x91, 0x7c); // exprloc: DW_OP_fbreg -4
    d.cstr("inline string"); // string
    d.u8(intRel).u16(intRel).u32(intRel).u64(intRel).uleb(intRel); // ref1, ref2, ref4, ref8, ref_udata
    d.u32(tu + sigTypeRel); // ref_addr into the type unit
    d.u64(sig); // ref_sig8
    d.u32(0x1234); // sec_offset
    d.uleb(0x0f).uleb(77); // indirect -> udata
    d.u32(viaStrp); // strp
    d.uleb(0); // rnglistx 0
    d.uleb(0); // loclistx 0
    d.uleb(0);
    DwarfBuilder.endUnit(b.info, cu);

    DwarfInfo info = DwarfInfo.open(b.sections());
    assertEquals(List.of(), info.errors());
    assertEquals(2, info.units().size());
    CompileUnit unit = info.units().get(1);
    assertEquals("unit-name", unit.name());
    assertEquals("/comp/dir", unit.compilationDirectory());
    assertEquals("clang test", unit.producer());
    Die v = unit.dieAtOffset(cu + varRel);
    assertNotNull(v);
    assertEquals(DwTag.DW_TAG_variable, v.tag());
    List<AttributeValue> attrs = v.attributes();
    assertEquals(varForms.length + 3, attrs.size());
    String[] strs = {"strx2-value", "strx3-value", "strx4-value", "strx-value"};
    for (int i = 0; i < 4; i++) {
      assertEquals(strs[i], attrs.get(i).asString(), "strx form " + i);
    }
    long[] addrs = {0x100, 0x200, 0x300, 0x400, 0x500};
    for (int i = 0; i < 5; i++) {
      assertEquals(addrs[i], attrs.get(4 + i).asAddress(), "addrx form " + i);
      assertEquals(AttributeValue.FormClass.ADDRESS, attrs.get(4 + i).formClass());
    }
    assertEquals(0xdeadbeefL, attrs.get(9).asAddress());
    assertEquals(0xfe, attrs.get(10).asUnsigned());
    assertEquals(-2, attrs.get(10).asSigned());
    assertEquals(-2, attrs.get(11).asSigned());
    assertEquals(0xfffffffeL, attrs.get(12).asUnsigned());
    assertEquals(-2, attrs.get(12).asSigned());
    assertEquals(-2L, attrs.get(13).asSigned());
    byte[] sixteen = new byte[16];
    for (int i = 0; i < 16; i++) {
      sixteen[i] = (byte) i;
    }
    assertArrayEquals(sixteen, attrs.get(14).asBlock().toByteArray());
    assertEquals(-1000, attrs.get(15).asSigned());
    assertTrue(attrs.get(15).isSignedForm());
    assertEquals(1000, attrs.get(16).asUnsigned());
    assertTrue(attrs.get(17).asFlag());
    assertTrue(attrs.get(18).asFlag());
    assertEquals(DwForm.DW_FORM_flag_present, attrs.get(18).form());
    assertArrayEquals(new byte[] {7, 8}, attrs.get(19).asBlock().toByteArray());
    assertArrayEquals(new byte[] {9}, attrs.get(20).asBlock().toByteArray());
    assertArrayEquals(new byte[] {10}, attrs.get(21).asBlock().toByteArray());
    assertArrayEquals(new byte[] {11, 12}, attrs.get(22).asBlock().toByteArray());
    DwarfExpression e = attrs.get(23).asExpression();
    assertEquals(DwOp.DW_OP_fbreg, e.firstOp());
    assertEquals(4, e.addressSize());
    assertEquals(4, e.offsetSize());
    assertEquals(5, e.version());
    assertEquals("inline string", attrs.get(24).asString());
    for (int i = 25; i <= 29; i++) {
      assertEquals("int", attrs.get(i).asReference().name(), "ref form " + attrs.get(i).form());
    }
    assertEquals("sig_type", attrs.get(30).asReference().name());
    assertEquals("sig_type", attrs.get(31).asReference().name());
    assertEquals(0x1234, attrs.get(32).asUnsigned());
    assertEquals(DwForm.DW_FORM_udata, attrs.get(33).form());
    assertEquals(77, attrs.get(33).asUnsigned());
    assertEquals("strp-value", attrs.get(34).asString());
    assertEquals(-42, attrs.get(35).asSigned());
    assertEquals(DwForm.DW_FORM_implicit_const, attrs.get(35).form());
    assertEquals(List.of(new AddressRange(0x100, 0x110)), v.addressRanges().ranges());
    LocationList ll = v.attribute(DwAt.DW_AT_location).asLocationList();
    assertEquals(1, ll.entries().size());
    assertEquals(DwOp.DW_OP_lit1, ll.find(0x105).firstOp());
    assertEquals(null, ll.find(0x110));
    // Unknown vendor attributes keep their codes and print them.
    assertEquals("DW_AT_0x3000", attrs.get(0).attribute().name());
    assertFalse(attrs.get(0).attribute().isKnown());
    // The type unit is found by its signature and knows its type DIE.
    CompileUnit t = info.typeUnit(sig);
    assertEquals("sig_type", t.typeDie().name());
    assertTrue(t.header().isTypeUnit());
  }
}
