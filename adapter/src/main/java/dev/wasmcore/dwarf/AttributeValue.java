package dev.wasmcore.dwarf;

import dev.wasmcore.binary.ByteRegion;
import dev.wasmcore.binary.MalformedInputException;
import java.nio.charset.StandardCharsets;

/**
 * One attribute of a DIE as encoded: its name, its form and the raw value, decoded on demand (DWARF 5 section
 * 7.5.5 and 7.5.6). Indexed forms ({@code strx*}, {@code addrx*}, {@code rnglistx}, {@code loclistx}) are resolved
 * through the unit's base attributes when asked for, so a value can be held without touching other sections.
 *
 * <p>Raw value meaning by {@link FormClass}: ADDRESS the address or the {@code .debug_addr} index; CONSTANT the
 * value (unsigned for data1..8 and udata, signed for sdata and implicit_const); FLAG 0/1; REFERENCE the
 * unit-relative offset (ref1..8, ref_udata), the section offset (ref_addr) or the type signature (ref_sig8);
 * STRING the string-section offset or the string index; SECTION_OFFSET the offset; INDEX the list index.
 */
public final class AttributeValue {
  /** Attribute classes (DWARF 5 section 7.5.5, table 7.5.5) as far as a consumer needs to tell them apart. */
  public enum FormClass {
    ADDRESS, BLOCK, CONSTANT, EXPRLOC, FLAG, REFERENCE, STRING, SECTION_OFFSET,
    /** {@code DW_FORM_loclistx} / {@code DW_FORM_rnglistx}: an index into the unit's offsets table. */
    INDEX
  }

  private final CompileUnit unit;
  private final int attribute;
  private final int form;
  private final long value;
  private final ByteRegion block;
  private final long position;

  AttributeValue(CompileUnit unit, int attribute, int form, long value, ByteRegion block, long position) {
    this.unit = unit;
    this.attribute = attribute;
    this.form = form;
    this.value = value;
    this.block = block;
    this.position = position;
  }

  public DwAt attribute() {
    return DwAt.of(attribute);
  }

  public int attributeCode() {
    return attribute;
  }

  /** The form actually used (after {@code DW_FORM_indirect}). */
  public DwForm form() {
    return DwForm.of(form);
  }

  public int formCode() {
    return form;
  }

  /** The unit that holds the DIE of this attribute. */
  public CompileUnit unit() {
    return unit;
  }

  /** Absolute file offset of the encoded value (for error messages). */
  public long position() {
    return position;
  }

  /** The raw value as described in the class comment. */
  public long rawValue() {
    return value;
  }

  public FormClass formClass() {
    switch (form) {
      case Forms.ADDR: case Forms.ADDRX: case Forms.ADDRX1: case Forms.ADDRX2: case Forms.ADDRX3: case Forms.ADDRX4:
      case Forms.GNU_ADDR_INDEX:
        return FormClass.ADDRESS;
      case Forms.BLOCK: case Forms.BLOCK1: case Forms.BLOCK2: case Forms.BLOCK4: case Forms.DATA16:
        return FormClass.BLOCK;
      case Forms.EXPRLOC:
        return FormClass.EXPRLOC;
      case Forms.FLAG: case Forms.FLAG_PRESENT:
        return FormClass.FLAG;
      case Forms.REF1: case Forms.REF2: case Forms.REF4: case Forms.REF8: case Forms.REF_UDATA: case Forms.REF_ADDR:
      case Forms.REF_SIG8: case Forms.REF_SUP4: case Forms.REF_SUP8: case Forms.GNU_REF_ALT:
        return FormClass.REFERENCE;
      case Forms.STRING: case Forms.STRP: case Forms.LINE_STRP: case Forms.STRX: case Forms.STRX1: case Forms.STRX2:
      case Forms.STRX3: case Forms.STRX4: case Forms.STRP_SUP: case Forms.GNU_STR_INDEX: case Forms.GNU_STRP_ALT:
        return FormClass.STRING;
      case Forms.SEC_OFFSET:
        return FormClass.SECTION_OFFSET;
      case Forms.LOCLISTX: case Forms.RNGLISTX:
        return FormClass.INDEX;
      default:
        return FormClass.CONSTANT;
    }
  }

  /** Whether the value is a constant (data1..8, sdata, udata, implicit_const); data16 is a BLOCK. */
  public boolean isConstant() {
    return formClass() == FormClass.CONSTANT;
  }

  /**
   * The value as an unsigned number: constants zero-extended from their size, flags, section offsets, indices and
   * raw reference offsets. For DWARF 2/3 {@code data4}/{@code data8} section offsets this is the offset.
   */
  public long asUnsigned() {
    if (form == Forms.DATA16 || formClass() == FormClass.BLOCK || formClass() == FormClass.EXPRLOC) {
      throw error("is a block, not a number");
    }
    return value;
  }

  /** The value as a signed number: data1/2/4 sign-extended from their size; sdata and implicit_const as encoded. */
  public long asSigned() {
    switch (form) {
      case Forms.DATA1: return (byte) value;
      case Forms.DATA2: return (short) value;
      case Forms.DATA4: return (int) value;
      default: return asUnsigned();
    }
  }

  /** Whether the encoding fixes the sign (sdata, implicit_const) rather than leaving it to the type. */
  public boolean isSignedForm() {
    return form == Forms.SDATA || form == Forms.IMPLICIT_CONST;
  }

  public boolean asFlag() {
    return form == Forms.FLAG_PRESENT || value != 0;
  }

  /** The resolved address ({@code addrx*} read from {@code .debug_addr} at the unit's {@code DW_AT_addr_base}). */
  public long asAddress() {
    switch (form) {
      case Forms.ADDR:
        return value;
      case Forms.ADDRX: case Forms.ADDRX1: case Forms.ADDRX2: case Forms.ADDRX3: case Forms.ADDRX4:
      case Forms.GNU_ADDR_INDEX:
        return unit.addressAtIndex(value);
      default:
        if (formClass() == FormClass.CONSTANT) {
          return value;
        }
        throw error("is not an address");
    }
  }

  /** The string value, read from the string section the form names. */
  public String asString() {
    switch (form) {
      case Forms.STRING:
        return new String(block.toByteArray(), StandardCharsets.UTF_8);
      case Forms.STRP:
        return unit.info().stringAt(DwarfSections.STR, value);
      case Forms.LINE_STRP:
        return unit.info().stringAt(DwarfSections.LINE_STR, value);
      case Forms.STRX: case Forms.STRX1: case Forms.STRX2: case Forms.STRX3: case Forms.STRX4:
      case Forms.GNU_STR_INDEX:
        return unit.info().stringAt(DwarfSections.STR, unit.stringOffsetAtIndex(value));
      case Forms.STRP_SUP: case Forms.GNU_STRP_ALT:
        throw error("refers to a supplementary object file, which is not loaded");
      default:
        throw error("is not a string");
    }
  }

  /** The bytes of a block, exprloc or data16 value, without copying. */
  public ByteRegion asBlock() {
    if (block == null || form == Forms.STRING) {
      throw error("is not a block");
    }
    return block;
  }

  /** The value as a location expression with the unit's encoding parameters (exprloc or DWARF 2/3 block). */
  public DwarfExpression asExpression() {
    return new DwarfExpression(asBlock(), unit);
  }

  /**
   * The DIE a reference names: unit-relative forms within this unit, {@code ref_addr} anywhere in the same section,
   * {@code ref_sig8} through the type unit with that signature (whose type DIE is returned).
   */
  public Die asReference() {
    switch (form) {
      case Forms.REF1: case Forms.REF2: case Forms.REF4: case Forms.REF8: case Forms.REF_UDATA:
        return unit.dieAtUnitOffset(value, position);
      case Forms.REF_ADDR:
        return unit.info().dieAt(unit.header().section(), value, position);
      case Forms.REF_SIG8:
        return unit.info().typeBySignature(value, position);
      case Forms.REF_SUP4: case Forms.REF_SUP8: case Forms.GNU_REF_ALT:
        throw error("refers to a supplementary object file, which is not loaded");
      default:
        throw error("is not a reference");
    }
  }

  /** The range list of a {@code DW_AT_ranges} value (sec_offset, rnglistx, or DWARF 2/3 data4/data8). */
  public RangeList asRangeList() {
    return unit.rangeList(this);
  }

  /** The location list of a {@code DW_AT_location}-class value (sec_offset, loclistx, or DWARF 2/3 data4/data8). */
  public LocationList asLocationList() {
    return unit.locationList(this);
  }

  /** Whether the value points into a location list rather than being an expression or a constant. */
  public boolean isLocationList() {
    if (form == Forms.SEC_OFFSET || form == Forms.LOCLISTX) {
      return true;
    }
    // DWARF 2 and 3 encode location list pointers as data4/data8 (DWARF 3 section 7.5.4, class loclistptr).
    return unit.header().version() <= 3 && (form == Forms.DATA4 || form == Forms.DATA8);
  }

  private MalformedInputException error(String what) {
    return new MalformedInputException(unit.fileName(), position,
        unit.header().section() + ": " + DwAt.of(attribute) + " (" + DwForm.of(form) + ") " + what);
  }

  @Override
  public String toString() {
    String v;
    try {
      switch (formClass()) {
        case STRING: v = "\"" + asString() + "\""; break;
        case ADDRESS: v = "0x" + Long.toHexString(asAddress()); break;
        case BLOCK: case EXPRLOC: v = block.length() + "-byte block"; break;
        case FLAG: v = Boolean.toString(asFlag()); break;
        default: v = "0x" + Long.toHexString(value);
      }
    } catch (MalformedInputException e) {
      v = "<" + e.reason() + ">";
    }
    return DwAt.of(attribute) + " " + DwForm.of(form) + " " + v;
  }
}
