package dev.wasmcore.dwarf.testsupport;

import dev.wasmcore.binary.ArrayByteSource;
import dev.wasmcore.binary.ByteRegion;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Test support: builds {@code .debug_*} sections by hand. Each section is a {@link Bytes}; {@link #beginUnit} and
 * {@link #endUnit} write a unit header of any version, format and unit type and patch its length; DIEs are written
 * by the test as raw abbreviation codes and attribute values, so each form's encoding is visible in the test. All
 * sections live in one byte array ("test.wasm") so offsets in errors are file offsets, as in a real module.
 */
public final class DwarfBuilder {
  public final Bytes abbrev = new Bytes();
  public final Bytes info = new Bytes();
  public final Bytes types = new Bytes();
  public final Bytes str = new Bytes();
  public final Bytes lineStr = new Bytes();
  public final Bytes strOffsets = new Bytes();
  public final Bytes addr = new Bytes();
  public final Bytes line = new Bytes();
  public final Bytes ranges = new Bytes();
  public final Bytes rnglists = new Bytes();
  public final Bytes loc = new Bytes();
  public final Bytes loclists = new Bytes();
  public final Bytes aranges = new Bytes();

  /** Declares an abbreviation: code, tag, children flag, then (attribute, form) pairs. */
  public DwarfBuilder abbrev(int code, int tag, boolean children, int... attrForm) {
    abbrev.uleb(code).uleb(tag).u8(children ? 1 : 0);
    for (int i = 0; i < attrForm.length; i += 2) {
      abbrev.uleb(attrForm[i]).uleb(attrForm[i + 1]);
      if (attrForm[i + 1] == 0x21) {
        throw new IllegalArgumentException("use abbrevImplicit for DW_FORM_implicit_const");
      }
    }
    abbrev.uleb(0).uleb(0);
    return this;
  }

  /** Ends the current abbreviation table (a 0 code). */
  public DwarfBuilder endAbbrevs() {
    abbrev.uleb(0);
    return this;
  }

  /**
   * Writes a unit header into {@code sec} and returns the unit's offset. For v5 {@code unitType} is written;
   * {@code signature}/{@code typeOffset} are written for type units (v5 type units and v4 .debug_types) and
   * {@code signature} as dwo_id for skeleton/split compile units.
   */
  public static int beginUnit(Bytes sec, int version, boolean dwarf64, int unitType, int addressSize,
      long abbrevOffset, long signature, long typeOffset, boolean typesSection) {
    int start = sec.size();
    if (dwarf64) {
      sec.u32(0xffffffffL).u64(0);
    } else {
      sec.u32(0);
    }
    int off = dwarf64 ? 8 : 4;
    sec.u16(version);
    if (version >= 5) {
      sec.u8(unitType).u8(addressSize).un(abbrevOffset, off);
      if (unitType == 4 || unitType == 5) {
        sec.u64(signature);
      } else if (unitType == 2 || unitType == 6) {
        sec.u64(signature).un(typeOffset, off);
      }
    } else {
      sec.un(abbrevOffset, off).u8(addressSize);
      if (typesSection) {
        sec.u64(signature).un(typeOffset, off);
      }
    }
    return start;
  }

  /** A DWARF 32-bit compile unit header of {@code version} with 4-byte addresses and abbreviations at 0. */
  public int beginCompileUnit(int version) {
    return beginUnit(info, version, false, 1, 4, 0, 0, 0, false);
  }

  /** Patches the unit_length of the unit that starts at {@code start}. */
  public static void endUnit(Bytes sec, int start) {
    boolean is64 = (sec.toArray()[start] & 0xff) == 0xff && (sec.toArray()[start + 3] & 0xff) == 0xff;
    if (is64) {
      sec.patch(start + 4, sec.size() - start - 12, 8);
    } else {
      sec.patch(start, sec.size() - start - 4, 4);
    }
  }

  /** Adds a string to {@code .debug_str} and returns its offset. */
  public int str(String s) {
    int at = str.size();
    str.cstr(s);
    return at;
  }

  /** Adds a string to {@code .debug_line_str} and returns its offset. */
  public int lineStr(String s) {
    int at = lineStr.size();
    lineStr.cstr(s);
    return at;
  }

  /** The sections as regions of one byte array, named test.wasm; empty sections are left out. */
  public Map<String, ByteRegion> sections() {
    Map<String, Bytes> all = new LinkedHashMap<>();
    all.put(".debug_abbrev", abbrev);
    all.put(".debug_info", info);
    all.put(".debug_types", types);
    all.put(".debug_str", str);
    all.put(".debug_line_str", lineStr);
    all.put(".debug_str_offsets", strOffsets);
    all.put(".debug_addr", addr);
    all.put(".debug_line", line);
    all.put(".debug_ranges", ranges);
    all.put(".debug_rnglists", rnglists);
    all.put(".debug_loc", loc);
    all.put(".debug_loclists", loclists);
    all.put(".debug_aranges", aranges);
    Bytes file = new Bytes();
    file.raw(0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00); // something in front, so offsets are not 0-based
    Map<String, int[]> pos = new LinkedHashMap<>();
    for (Map.Entry<String, Bytes> e : all.entrySet()) {
      if (e.getValue().size() > 0) {
        pos.put(e.getKey(), new int[] {file.size(), e.getValue().size()});
        file.raw(e.getValue().toArray());
      }
    }
    ArrayByteSource src = new ArrayByteSource("test.wasm", file.toArray());
    Map<String, ByteRegion> out = new LinkedHashMap<>();
    pos.forEach((k, v) -> out.put(k, new ByteRegion(src, v[0], v[1])));
    return out;
  }
}
