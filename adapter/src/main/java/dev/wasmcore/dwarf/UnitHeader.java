package dev.wasmcore.dwarf;

import dev.wasmcore.binary.ByteReader;
import dev.wasmcore.binary.ByteRegion;
import dev.wasmcore.binary.MalformedInputException;

/**
 * The header of one unit in {@code .debug_info} or {@code .debug_types} (DWARF 5 section 7.5.1; DWARF 4 sections
 * 7.5.1.1 and 7.5.1.2; DWARF 2 section 7.5.1). All offsets are relative to the start of the section the unit is in.
 *
 * <pre>
 * v2-v4 .debug_info:  unit_length, version(2), debug_abbrev_offset(offset size), address_size(1)
 * v4 .debug_types:    ... the same, then type_signature(8), type_offset(offset size)
 * v5:                 unit_length, version(2), unit_type(1), address_size(1), debug_abbrev_offset,
 *                     then dwo_id(8) for skeleton/split_compile, type_signature(8)+type_offset for type/split_type
 * unit_length:        4 bytes, or 0xffffffff then 8 bytes for the 64-bit format (section 7.4)
 * </pre>
 */
public final class UnitHeader {
  /** DWARF 5 unit types (section 7.5.1, table 7.2). */
  public static final int DW_UT_compile = 0x01;
  public static final int DW_UT_type = 0x02;
  public static final int DW_UT_partial = 0x03;
  public static final int DW_UT_skeleton = 0x04;
  public static final int DW_UT_split_compile = 0x05;
  public static final int DW_UT_split_type = 0x06;

  private final String section;
  private final long offset;
  private final long end;
  private final int version;
  private final int unitType;
  private final int addressSize;
  private final boolean dwarf64;
  private final long abbrevOffset;
  private final long firstDieOffset;
  private final long typeSignature;
  private final long typeOffset;
  private final long dwoId;

  private UnitHeader(String section, long offset, long end, int version, int unitType, int addressSize,
      boolean dwarf64, long abbrevOffset, long firstDieOffset, long typeSignature, long typeOffset, long dwoId) {
    this.section = section;
    this.offset = offset;
    this.end = end;
    this.version = version;
    this.unitType = unitType;
    this.addressSize = addressSize;
    this.dwarf64 = dwarf64;
    this.abbrevOffset = abbrevOffset;
    this.firstDieOffset = firstDieOffset;
    this.typeSignature = typeSignature;
    this.typeOffset = typeOffset;
    this.dwoId = dwoId;
  }

  /**
   * Reads the header of the unit at {@code offset} (section-relative) of {@code sectionRegion}.
   *
   * @param sectionName {@code .debug_info} or {@code .debug_types}
   */
  public static UnitHeader read(ByteRegion sectionRegion, String sectionName, long offset) {
    ByteReader r = sectionRegion.readerAt(offset);
    long at = r.position();
    InitialLength il = InitialLength.read(r, sectionName, "unit", offset, "");
    boolean is64 = il.dwarf64();
    long length = il.length();
    long unitEndAbs = r.position() + length;
    ByteReader u = r.subReader(length);
    int version = u.u16();
    if (version < 2 || version > 5) {
      throw u.error(u.position() - 2, sectionName + ": unit at 0x" + Long.toHexString(offset)
          + " has unsupported DWARF version " + version);
    }
    int offSize = is64 ? 8 : 4;
    int unitType;
    int addressSize;
    long abbrevOffset;
    long typeSignature = 0;
    long typeOffset = 0;
    long dwoId = 0;
    boolean typesSection = sectionName.equals(DwarfSections.TYPES);
    if (version >= 5) {
      unitType = u.u8();
      addressSize = u.u8();
      abbrevOffset = u.unsigned(offSize);
      switch (unitType) {
        case DW_UT_compile:
        case DW_UT_partial:
          break;
        case DW_UT_skeleton:
        case DW_UT_split_compile:
          dwoId = u.u64();
          break;
        case DW_UT_type:
        case DW_UT_split_type:
          typeSignature = u.u64();
          typeOffset = u.unsigned(offSize);
          break;
        default:
          throw u.error(u.position() - 2 - offSize, sectionName + ": unit at 0x" + Long.toHexString(offset)
              + " has unknown unit_type 0x" + Integer.toHexString(unitType));
      }
    } else {
      abbrevOffset = u.unsigned(offSize);
      addressSize = u.u8();
      if (typesSection) {
        unitType = DW_UT_type;
        typeSignature = u.u64();
        typeOffset = u.unsigned(offSize);
      } else {
        unitType = DW_UT_compile;
      }
    }
    if (addressSize != 1 && addressSize != 2 && addressSize != 4 && addressSize != 8) {
      throw new MalformedInputException(sectionRegion.source().name(), at, sectionName + ": unit at 0x"
          + Long.toHexString(offset) + " has unsupported address_size " + addressSize);
    }
    long base = sectionRegion.start();
    long firstDie = u.position() - base;
    long end = unitEndAbs - base;
    if (typeOffset != 0 && (typeOffset < firstDie - offset || typeOffset >= end - offset)) {
      throw new MalformedInputException(sectionRegion.source().name(), at, sectionName + ": unit at 0x"
          + Long.toHexString(offset) + " has type_offset 0x" + Long.toHexString(typeOffset) + " outside the unit");
    }
    return new UnitHeader(sectionName, offset, end, version, unitType, addressSize, is64, abbrevOffset, firstDie,
        typeSignature, typeOffset, dwoId);
  }

  /** {@code .debug_info} or {@code .debug_types}. */
  public String section() {
    return section;
  }

  /** Section-relative offset of the unit (of its unit_length field). */
  public long offset() {
    return offset;
  }

  /** Section-relative offset just past the unit. */
  public long end() {
    return end;
  }

  /** Section-relative offset of the first DIE (the unit DIE). */
  public long firstDieOffset() {
    return firstDieOffset;
  }

  /** DWARF version, 2 to 5. */
  public int version() {
    return version;
  }

  /** The DWARF 5 unit type ({@code DW_UT_*}); for older versions compile, or type in {@code .debug_types}. */
  public int unitType() {
    return unitType;
  }

  /** A readable name of {@link #unitType()}. */
  public String unitTypeName() {
    switch (unitType) {
      case DW_UT_compile: return "DW_UT_compile";
      case DW_UT_type: return "DW_UT_type";
      case DW_UT_partial: return "DW_UT_partial";
      case DW_UT_skeleton: return "DW_UT_skeleton";
      case DW_UT_split_compile: return "DW_UT_split_compile";
      case DW_UT_split_type: return "DW_UT_split_type";
      default: return "DW_UT_0x" + Integer.toHexString(unitType);
    }
  }

  public boolean isTypeUnit() {
    return unitType == DW_UT_type || unitType == DW_UT_split_type;
  }

  /** Size in bytes of a target address (4 for wasm32, 8 for wasm64). */
  public int addressSize() {
    return addressSize;
  }

  /** Whether the unit uses the 64-bit DWARF format (section 7.4). */
  public boolean isDwarf64() {
    return dwarf64;
  }

  /** Size of a section offset: 4 in the 32-bit format, 8 in the 64-bit format. */
  public int offsetSize() {
    return dwarf64 ? 8 : 4;
  }

  /** Offset of this unit's abbreviations in {@code .debug_abbrev}. */
  public long abbrevOffset() {
    return abbrevOffset;
  }

  /** The type signature of a type unit, else 0. */
  public long typeSignature() {
    return typeSignature;
  }

  /** The unit-relative offset of a type unit's type DIE, else 0. */
  public long typeOffset() {
    return typeOffset;
  }

  /** The dwo_id of a skeleton or split compile unit, else 0. */
  public long dwoId() {
    return dwoId;
  }

  @Override
  public String toString() {
    return section + " unit at 0x" + Long.toHexString(offset) + " (DWARF " + version + ", " + unitTypeName()
        + (dwarf64 ? ", 64-bit" : "") + ", address size " + addressSize + ")";
  }
}
