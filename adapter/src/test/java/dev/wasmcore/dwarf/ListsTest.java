package dev.wasmcore.dwarf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmcore.binary.MalformedInputException;
import dev.wasmcore.dwarf.testsupport.Bytes;
import dev.wasmcore.dwarf.testsupport.DwarfBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Range and location lists: every DWARF 5 entry kind, and DWARF 4 lists with base address selection. */
class ListsTest {
  private static Die variable(DwarfBuilder b, int version, int rangesForm, int locForm) {
    // CU: low_pc addr (the base address 0x1000), addr_base; variable: ranges + location
    b.abbrev(1, 0x11, true, 0x11, 0x01, 0x73, 0x17);
    b.abbrev(2, 0x34, false, 0x55, rangesForm, 0x02, locForm);
    b.endAbbrevs();
    int cu = b.beginCompileUnit(version);
    b.info.uleb(1).u32(0x1000).u32(8);
    int var = b.info.size() - cu;
    b.info.uleb(2);
    if (rangesForm == 0x23) {
      b.info.uleb(0);
    } else {
      b.info.u32(version >= 5 ? 12 : 0);
    }
    if (locForm == 0x22) {
      b.info.uleb(0);
    } else {
      b.info.u32(version >= 5 ? 12 : 0);
    }
    b.info.uleb(0);
    DwarfBuilder.endUnit(b.info, cu);
    DwarfInfo info = DwarfInfo.open(b.sections());
    return info.units().get(0).dieAtOffset(cu + var);
  }

  private static void addrTable(DwarfBuilder b) {
    b.addr.u32(4 + 3 * 4).u16(5).u8(4).u8(0).u32(0x2000).u32(0x2100).u32(0x3000);
  }

  @Test
  void rnglistsEveryEntryKind() {
    {
      DwarfBuilder b = new DwarfBuilder();
      addrTable(b);
      Bytes r = b.rnglists;
      r.u32(0).u16(5).u8(4).u8(0).u32(1).u32(4); // header, one offset: list at base (12) + 4 = 16
      r.u8(RangeList.DW_RLE_offset_pair).uleb(0x10).uleb(0x20); // base = CU low_pc 0x1000
      r.u8(RangeList.DW_RLE_base_addressx).uleb(0); // base = 0x2000
      r.u8(RangeList.DW_RLE_offset_pair).uleb(0x1).uleb(0x2);
      r.u8(RangeList.DW_RLE_startx_endx).uleb(1).uleb(2);
      r.u8(RangeList.DW_RLE_startx_length).uleb(0).uleb(0x5);
      r.u8(RangeList.DW_RLE_base_address).u32(0x4000);
      r.u8(RangeList.DW_RLE_offset_pair).uleb(0x0).uleb(0x8);
      r.u8(RangeList.DW_RLE_start_end).u32(0x5000).u32(0x5010);
      r.u8(RangeList.DW_RLE_start_length).u32(0x6000).uleb(0x20);
      r.u8(RangeList.DW_RLE_end_of_list);
      r.patch(0, r.size() - 4, 4);
      // the location list section must exist for the DIE to be complete; reuse a trivial list
      b.loclists.u32(0).u16(5).u8(4).u8(0).u32(1).u32(4).u8(LocationList.DW_LLE_end_of_list);
      b.loclists.patch(0, b.loclists.size() - 4, 4);
      // DW_FORM_rnglistx 0: entry 0 of the offsets table after DW_AT_rnglists_base (default 12) names the list
      Die v = variable(b, 5, 0x23, 0x17);
      List<AddressRange> got = v.addressRanges().ranges();
      assertEquals(List.of(new AddressRange(0x1010, 0x1020), new AddressRange(0x2001, 0x2002),
          new AddressRange(0x2100, 0x3000), new AddressRange(0x2000, 0x2005), new AddressRange(0x4000, 0x4008),
          new AddressRange(0x5000, 0x5010), new AddressRange(0x6000, 0x6020)), got);
      assertTrue(v.addressRanges().contains(0x6010));
      assertEquals(0x1010, v.addressRanges().lowest());
    }
  }

  @Test
  void loclistsEveryEntryKind() {
    DwarfBuilder b = new DwarfBuilder();
    addrTable(b);
    b.rnglists.u32(0).u16(5).u8(4).u8(0).u32(1).u32(4).u8(RangeList.DW_RLE_end_of_list);
    b.rnglists.patch(0, b.rnglists.size() - 4, 4);
    Bytes l = b.loclists;
    l.u32(0).u16(5).u8(4).u8(0).u32(1).u32(4);
    l.u8(LocationList.DW_LLE_offset_pair).uleb(0x0).uleb(0x4).uleb(1).u8(0x30); // lit0 at 0x1000..4
    l.u8(LocationList.DW_LLE_base_addressx).uleb(0);
    l.u8(LocationList.DW_LLE_offset_pair).uleb(0x0).uleb(0x4).uleb(1).u8(0x31); // lit1 at 0x2000..4
    l.u8(LocationList.DW_LLE_startx_endx).uleb(1).uleb(2).uleb(1).u8(0x32); // lit2 at 0x2100..0x3000
    l.u8(LocationList.DW_LLE_startx_length).uleb(2).uleb(4).uleb(1).u8(0x33); // lit3 at 0x3000..4
    l.u8(LocationList.DW_LLE_base_address).u32(0x7000);
    l.u8(LocationList.DW_LLE_offset_pair).uleb(0x0).uleb(0x4).uleb(1).u8(0x34); // lit4 at 0x7000..4
    l.u8(LocationList.DW_LLE_start_end).u32(0x8000).u32(0x8004).uleb(1).u8(0x35);
    l.u8(LocationList.DW_LLE_start_length).u32(0x9000).uleb(4).uleb(1).u8(0x36);
    l.u8(LocationList.DW_LLE_default_location).uleb(2).u8(0x9f).u8(0x96);
    l.u8(LocationList.DW_LLE_end_of_list);
    l.patch(0, l.size() - 4, 4);
    Die v = variable(b, 5, 0x23, 0x22);
    DwarfVariable var = DwarfVariable.of(v);
    assertEquals(DwarfVariable.LocationKind.LOCATION_LIST, var.locationKind());
    LocationList list = var.locationList();
    assertEquals(8, list.entries().size());
    long[] at = {0x1002, 0x2002, 0x2500, 0x3002, 0x7002, 0x8002, 0x9002};
    for (int i = 0; i < at.length; i++) {
      assertEquals(DwOp.of(0x30 + i), list.find(at[i]).firstOp(), "entry " + i);
    }
    assertEquals(DwOp.DW_OP_stack_value, list.find(0x5555).firstOp(), "default entry");
    assertTrue(list.entries().get(7).isDefault());
  }

  @Test
  void debugRangesAndDebugLocWithBaseSelection() {
    DwarfBuilder b = new DwarfBuilder();
    b.ranges.u32(0x10).u32(0x20); // base = CU low_pc 0x1000
    b.ranges.u32(0xffffffffL).u32(0x5000); // base selection
    b.ranges.u32(0x1).u32(0x3);
    b.ranges.u32(0).u32(0);
    b.loc.u32(0x0).u32(0x4).u16(1).u8(0x30);
    b.loc.u32(0xffffffffL).u32(0x6000);
    b.loc.u32(0x0).u32(0x4).u16(2).u8(0x91).u8(0x08);
    b.loc.u32(0).u32(0);
    Die v = variable(b, 4, 0x17, 0x17);
    assertEquals(List.of(new AddressRange(0x1010, 0x1020), new AddressRange(0x5001, 0x5003)),
        v.addressRanges().ranges());
    LocationList list = v.attribute(DwAt.DW_AT_location).asLocationList();
    assertEquals(DwOp.DW_OP_lit0, list.find(0x1001).firstOp());
    assertEquals(DwOp.DW_OP_fbreg, list.find(0x6003).firstOp());
    assertNull(list.find(0x6004));
  }

  /**
   * A .debug_ranges list longer than the reader's 512-byte window, with a base selection at the window's edge, reads
   * as the checked reader reads it; one that runs past the section is an error at the offset where it stops.
   */
  @Test
  void longDebugRangesListAndOneRunningPastTheSection() {
    DwarfBuilder b = new DwarfBuilder();
    List<AddressRange> expected = new java.util.ArrayList<>();
    long base = 0x1000;
    for (int i = 0; i < 150; i++) {
      if (i == 63 || i == 100) { // pair 63 ends at byte 512, the first window's end
        base = 0x100000L * i;
        b.ranges.u32(0xffffffffL).u32(base);
        continue;
      }
      b.ranges.u32(8L * i).u32(8L * i + 4);
      expected.add(new AddressRange(base + 8L * i, base + 8L * i + 4));
    }
    b.ranges.u32(0).u32(0);
    Die v = variable(b, 4, 0x17, 0x17);
    RangeList rl = v.addressRanges();
    assertEquals(expected, rl.ranges());
    assertEquals(expected.size(), rl.size());
    assertEquals(expected.get(70).low(), rl.low(70));
    assertEquals(expected.get(70).high(), rl.high(70));
    assertTrue(rl.contains(expected.get(149 - 2).low()));
    assertEquals(0x1000, rl.lowest());

    DwarfBuilder t = new DwarfBuilder();
    for (int i = 0; i < 70; i++) {
      t.ranges.u32(8L * i).u32(8L * i + 4);
    }
    t.ranges.u32(0); // no end of list, and half a pair
    Die w = variable(t, 4, 0x17, 0x17);
    MalformedInputException e = assertThrows(MalformedInputException.class, w::addressRanges);
    assertEquals(w.unit().info().sections().get(DwarfSections.RANGES).start() + 70 * 8 + 4, e.offset(),
        e.getMessage());
  }

  @Test
  void unknownEntryKindIsAnErrorWithItsOffset() {
    DwarfBuilder b = new DwarfBuilder();
    b.rnglists.u32(0).u16(5).u8(4).u8(0).u32(1).u32(4).u8(0x42);
    b.rnglists.patch(0, b.rnglists.size() - 4, 4);
    b.loclists.u32(0).u16(5).u8(4).u8(0).u32(1).u32(4).u8(LocationList.DW_LLE_end_of_list);
    b.loclists.patch(0, b.loclists.size() - 4, 4);
    Die v = variable(b, 5, 0x23, 0x22);
    MalformedInputException e = assertThrows(MalformedInputException.class, v::addressRanges);
    assertTrue(e.getMessage().contains("unknown range list entry kind 0x42"), e.getMessage());
    assertEquals(v.unit().info().sections().get(DwarfSections.RNGLISTS).start() + 16, e.offset());
  }
}
