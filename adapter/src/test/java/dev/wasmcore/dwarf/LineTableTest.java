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

/** Line programs v2-v5: headers, every standard and extended opcode, sequences, lookup and LLVM path joining. */
class LineTableTest {
  /** A unit of {@code version} whose DIE has DW_AT_stmt_list 0 and DW_AT_comp_dir {@code compDir}. */
  private static CompileUnit unitWithLines(DwarfBuilder b, int version, String compDir) {
    b.abbrev(1, 0x11, false, 0x10, version <= 3 ? 0x06 : 0x17, 0x1b, 0x08);
    b.endAbbrevs();
    int cu = b.beginCompileUnit(version);
    b.info.uleb(1).u32(0).cstr(compDir);
    DwarfBuilder.endUnit(b.info, cu);
    return DwarfInfo.open(b.sections()).units().get(0);
  }

  /** Writes a v2-4 header; returns the position of header_length's end, for patching. */
  private static int[] headerV4(Bytes l, int version, int maxOps, int opcodeBase, List<String> dirs,
      List<Object[]> files) {
    int start = l.size();
    l.u32(0).u16(version);
    int hlPos = l.size();
    l.u32(0);
    int hlStart = l.size();
    l.u8(1); // minimum_instruction_length
    if (version >= 4) {
      l.u8(maxOps);
    }
    l.u8(1).u8(-5 & 0xff).u8(14).u8(opcodeBase);
    int[] std = {0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 1};
    for (int i = 1; i < opcodeBase; i++) {
      l.u8(i <= 12 ? std[i - 1] : 1);
    }
    for (String d : dirs) {
      l.cstr(d);
    }
    l.u8(0);
    for (Object[] f : files) {
      l.cstr((String) f[0]).uleb((Integer) f[1]).uleb(0).uleb(0);
    }
    l.u8(0);
    l.patch(hlPos, l.size() - hlStart, 4);
    return new int[] {start};
  }

  private static void end(Bytes l, int start) {
    l.patch(start, l.size() - start - 4, 4);
  }

  private static void setAddress(Bytes l, long a) {
    l.u8(0).uleb(5).u8(2).u32(a);
  }

  private static void endSequence(Bytes l) {
    l.u8(0).uleb(1).u8(1);
  }

  /**
   * The standard opcodes read straight from the program's bytes (one-byte operands) and through the checked reader
   * (longer operands) agree: negative one-byte line advances are sign-extended, and with an opcode_base below them
   * the same bytes are special opcodes.
   */
  @Test
  void shortAndLongOperandsAndSmallOpcodeBase() {
    DwarfBuilder b = new DwarfBuilder();
    Bytes l = b.line;
    int start = headerV4(l, 4, 1, 14, List.of(), List.of(new Object[] {"a.c", 0}, new Object[] {"b.c", 0}))[0];
    setAddress(l, 0x10);
    l.u8(3).sleb(40); // advance_line +40 -> 41 (one byte)
    l.u8(5).uleb(127); // set_column 127 (one byte)
    l.u8(1); // row 0: 0x10 line 41 col 127
    l.u8(3).sleb(-1); // advance_line -1 -> 40 (one byte, 0x7f)
    l.u8(3).sleb(-100); // advance_line -100 -> -60 (two bytes)
    l.u8(3).sleb(200); // -> 140 (two bytes)
    l.u8(5).uleb(128); // set_column 128 (two bytes)
    l.u8(2).uleb(127); // advance_pc 127 -> 0x8f (one byte)
    l.u8(2).uleb(300); // advance_pc 300 -> 0x1bb (two bytes)
    l.u8(4).uleb(2); // set_file 2 (one byte)
    l.u8(1); // row 1
    endSequence(l); // row 2
    end(l, start);
    LineTable t = unitWithLines(b, 4, "/w").lineTable();
    assertEquals(3, t.rowCount());
    assertEquals(41, t.row(0).line());
    assertEquals(127, t.row(0).column());
    LineTable.Row r = t.row(1);
    assertEquals(0x1bb, r.address());
    assertEquals(140, r.line());
    assertEquals(128, r.column());
    assertEquals(2, r.file());

    // opcode_base 4: bytes 4 and up are special opcodes, and 1-3 stay standard
    DwarfBuilder b2 = new DwarfBuilder();
    Bytes l2 = b2.line;
    int start2 = headerV4(l2, 4, 1, 4, List.of(), List.<Object[]>of(new Object[] {"a.c", 0}))[0];
    setAddress(l2, 0x20);
    l2.u8(3).sleb(10); // advance_line +10 -> 11 (standard: below opcode_base)
    l2.u8(5); // special: adjusted 1 -> address +0, line += -5 + 1 -> 7
    l2.u8(4 + 14 * 2); // special: adjusted 28 -> address +2, line -5 -> 2
    endSequence(l2);
    end(l2, start2);
    LineTable t2 = unitWithLines(b2, 4, "/w").lineTable();
    assertEquals(3, t2.rowCount());
    assertEquals(0x20, t2.row(0).address());
    assertEquals(7, t2.row(0).line());
    assertEquals(0x22, t2.row(1).address());
    assertEquals(2, t2.row(1).line());
  }

  @Test
  void version4EveryOpcodeAndSequences() {
    DwarfBuilder b = new DwarfBuilder();
    Bytes l = b.line;
    int start = headerV4(l, 4, 1, 14, List.of("./libc/crt", "/abs/inc"),
        List.of(new Object[] {"crt1.c", 1}, new Object[] {"x.h", 2}, new Object[] {"main.c", 0}))[0];
    setAddress(l, 0x100);
    l.u8(1); // copy: row 0 at 0x100 line 1
    l.u8(5).uleb(7); // set_column 7
    l.u8(3).sleb(9); // advance_line +9 -> 10
    l.u8(2).uleb(4); // advance_pc 4 -> 0x104
    l.u8(10); // set_prologue_end
    l.u8(0).uleb(2).u8(4).uleb(3); // set_discriminator 3
    l.u8(1); // copy: row 1 at 0x104 line 10 col 7 prologue_end discriminator 3
    l.u8(4).uleb(2); // set_file 2
    l.u8(6); // negate_stmt
    l.u8(7); // set_basic_block
    l.u8(11); // set_epilogue_begin
    l.u8(12).uleb(5); // set_isa 5
    l.u8(8); // const_add_pc: (255-14)/14 = 17 -> 0x115
    l.u8(0).uleb(3).u8(0x80).u8(0xaa).u8(0xbb); // unknown extended opcode, skipped by its length
    l.u8(13).uleb(123); // unknown standard opcode 13 with one operand (opcode_base 14)
    // special opcode: adjusted = op - 14; addr += adjusted / 14, line += -5 + adjusted % 14
    l.u8(14 + 2 * 14 + 6); // addr +2 -> 0x117, line +1 -> 11
    l.u8(9).u16(0x10); // fixed_advance_pc -> 0x127
    l.u8(0).uleb(10).u8(3).cstr("def.c").uleb(0).uleb(0).uleb(0); // define_file: file 4
    l.u8(4).uleb(4);
    l.u8(1); // row 3 at 0x127 file 4
    l.u8(2).uleb(1);
    endSequence(l); // row 4 at 0x128
    setAddress(l, 0x50); // second sequence, lower addresses
    l.u8(4).uleb(3).u8(1);
    l.u8(2).uleb(8);
    endSequence(l);
    setAddress(l, 0x200); // an empty sequence (no address covered) is not used for lookups
    endSequence(l);
    end(l, start);
    CompileUnit u = unitWithLines(b, 4, "./build");
    LineTable t = u.lineTable();
    assertEquals(4, t.header().version());
    assertEquals(8, t.rowCount());
    LineTable.Row r1 = t.row(1);
    assertEquals(0x104, r1.address());
    assertEquals(10, r1.line());
    assertEquals(7, r1.column());
    assertEquals(3, r1.discriminator());
    assertTrue(r1.prologueEnd());
    assertTrue(r1.isStmt());
    LineTable.Row r2 = t.row(2);
    assertEquals(0x117, r2.address());
    assertEquals(11, r2.line());
    assertEquals(2, r2.file());
    assertEquals(5, r2.isa());
    assertTrue(!r2.isStmt() && r2.basicBlock() && r2.epilogueBegin());
    assertEquals(0x127, t.row(3).address());
    assertTrue(t.row(4).endSequence());
    assertEquals(2, t.sequences().size());
    // Lookup: the last row at or below the address, inside a sequence.
    assertEquals(1, t.lookup(0x104));
    assertEquals(1, t.lookup(0x116));
    assertEquals(2, t.lookup(0x117));
    assertEquals(-1, t.lookup(0x128));
    assertEquals(5, t.lookup(0x57));
    assertEquals(-1, t.lookup(0x58));
    assertEquals(-1, t.lookup(0x200));
    // Paths joined as LLVM joins them: comp_dir + include dir + name; absolute include dirs stand alone.
    assertEquals("./build/./libc/crt/crt1.c", t.filePath(1));
    assertEquals("/abs/inc/x.h", t.filePath(2));
    assertEquals("./build/main.c", t.filePath(3));
    assertEquals("def.c", t.filePath(4));
    assertNull(t.filePath(0));
    assertEquals(new LineTable.Location("./build/main.c", 1, 0, 5), t.find(0x50));
  }

  @Test
  void versionsTwoAndThreeHaveNoMaxOpsField() {
    for (int version : new int[] {2, 3}) {
      DwarfBuilder b = new DwarfBuilder();
      Bytes l = b.line;
      int start = headerV4(l, version, 1, 10, List.of("src"), List.<Object[]>of(new Object[] {"a.c", 1}))[0];
      setAddress(l, 0x10);
      l.u8(3).sleb(41).u8(1); // line 42
      l.u8(2).uleb(3);
      endSequence(l);
      end(l, start);
      CompileUnit u = unitWithLines(b, version, "/w");
      LineTable t = u.lineTable();
      assertEquals(version, t.header().version());
      assertEquals(new LineTable.Location("/w/src/a.c", 42, 0, 0), t.find(0x11));
    }
  }

  @Test
  void vliwOpIndexAdvances() {
    DwarfBuilder b = new DwarfBuilder();
    Bytes l = b.line;
    int start = headerV4(l, 4, 3, 13, List.of(), List.<Object[]>of(new Object[] {"v.c", 0}))[0];
    setAddress(l, 0x10);
    l.u8(2).uleb(4).u8(1); // op advance 4 with 3 ops per instruction: address +1, op_index 1
    l.u8(2).uleb(2).u8(1); // op_index 3 -> address +1, op_index 0
    endSequence(l);
    end(l, start);
    LineTable t = unitWithLines(b, 4, "/w").lineTable();
    assertEquals(0x11, t.row(0).address());
    assertEquals(1, t.row(0).opIndex());
    assertEquals(0x12, t.row(1).address());
    assertEquals(0, t.row(1).opIndex());
  }

  @Test
  void version5EntryFormatsWithMd5AndStringForms() {
    DwarfBuilder b = new DwarfBuilder();
    Bytes l = b.line;
    int dir0 = b.lineStr("/comp");
    int dir1 = b.lineStr("inc");
    int start = l.size();
    l.u32(0).u16(5).u8(4).u8(0);
    int hlPos = l.size();
    l.u32(0);
    int hlStart = l.size();
    l.u8(1).u8(1).u8(1).u8(-5 & 0xff).u8(14).u8(13);
    l.raw(0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 1);
    l.u8(1).uleb(LineProgramHeader.DW_LNCT_path).uleb(0x1f); // directory format: path line_strp
    l.uleb(3).u32(dir0).u32(dir1);
    int dir2Pos = l.size();
    l.u32(0);
    // file format: path string, directory_index udata, MD5 data16, size data4
    l.u8(4).uleb(1).uleb(0x08).uleb(2).uleb(0x0f).uleb(5).uleb(0x1e).uleb(4).uleb(0x06);
    l.uleb(3);
    l.cstr("main.c").uleb(0);
    for (int i = 0; i < 16; i++) {
      l.u8(0xa0 + i);
    }
    l.u32(1234);
    l.cstr("a.h").uleb(1).raw(new byte[16]).u32(0);
    l.cstr("b.h").uleb(2).raw(new byte[16]).u32(0);
    l.patch(hlPos, l.size() - hlStart, 4);
    setAddress(l, 0x40);
    l.u8(4).uleb(0).u8(1);
    l.u8(4).uleb(1).u8(0x21); // special: adjusted 20 -> addr +1, line +1
    l.u8(4).uleb(2).u8(0x21);
    l.u8(2).uleb(1);
    endSequence(l);
    end(l, start);
    int dir2 = b.lineStr("/abs");
    l.patch(dir2Pos, dir2, 4);
    CompileUnit u = unitWithLines(b, 5, "/cu/dir");
    LineTable t = u.lineTable();
    LineProgramHeader h = t.header();
    assertEquals(List.of("/comp", "inc", "/abs"), h.includeDirectories());
    assertEquals(3, h.fileNames().size());
    assertEquals("a0a1a2a3a4a5a6a7a8a9aaabacadaeaf", h.fileNames().get(0).md5Hex());
    assertEquals(1234, h.fileNames().get(0).size());
    // v5: directory 0 is the compilation directory itself, so comp_dir is not put in front again.
    assertEquals("/comp/main.c", t.filePath(0));
    assertEquals("/cu/dir/inc/a.h", t.filePath(1));
    assertEquals("/abs/b.h", t.filePath(2));
    assertEquals("/comp/main.c", t.find(0x40).file());
    assertEquals(2, t.find(0x41).line());
    assertEquals("/abs/b.h", t.find(0x42).file());
  }

  @Test
  void malformedLineProgramFailsWithOffsetAndIsCached() {
    DwarfBuilder b = new DwarfBuilder();
    Bytes l = b.line;
    l.u32(100).u16(4); // length runs past the section
    CompileUnit u = unitWithLines(b, 4, "/w");
    MalformedInputException e1 = assertThrows(MalformedInputException.class, u::lineTable);
    MalformedInputException e2 = assertThrows(MalformedInputException.class, u::lineTable);
    assertEquals(e1, e2);
    assertTrue(e1.getMessage().contains(".debug_line"), e1.getMessage());
    assertEquals(u.info().sections().get(DwarfSections.LINE).start(), e1.offset());
  }
}
