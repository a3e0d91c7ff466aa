package dev.wasmcore.dwarf;

import dev.wasmcore.binary.ByteReader;

/**
 * Sizes and skipping of attribute forms (DWARF 5 section 7.5.6). Every standard form of DWARF 2 to 5 and the GNU
 * split-DWARF forms have a known encoding, so a reader can always step over an attribute it does not care about;
 * a form code outside this set makes the unit unreadable (its size is unknown) and is reported with its offset.
 */
final class Forms {
  private Forms() {}

  static final int ADDR = 0x01;
  static final int BLOCK2 = 0x03;
  static final int BLOCK4 = 0x04;
  static final int DATA2 = 0x05;
  static final int DATA4 = 0x06;
  static final int DATA8 = 0x07;
  static final int STRING = 0x08;
  static final int BLOCK = 0x09;
  static final int BLOCK1 = 0x0a;
  static final int DATA1 = 0x0b;
  static final int FLAG = 0x0c;
  static final int SDATA = 0x0d;
  static final int STRP = 0x0e;
  static final int UDATA = 0x0f;
  static final int REF_ADDR = 0x10;
  static final int REF1 = 0x11;
  static final int REF2 = 0x12;
  static final int REF4 = 0x13;
  static final int REF8 = 0x14;
  static final int REF_UDATA = 0x15;
  static final int INDIRECT = 0x16;
  static final int SEC_OFFSET = 0x17;
  static final int EXPRLOC = 0x18;
  static final int FLAG_PRESENT = 0x19;
  static final int STRX = 0x1a;
  static final int ADDRX = 0x1b;
  static final int REF_SUP4 = 0x1c;
  static final int STRP_SUP = 0x1d;
  static final int DATA16 = 0x1e;
  static final int LINE_STRP = 0x1f;
  static final int REF_SIG8 = 0x20;
  static final int IMPLICIT_CONST = 0x21;
  static final int LOCLISTX = 0x22;
  static final int RNGLISTX = 0x23;
  static final int REF_SUP8 = 0x24;
  static final int STRX1 = 0x25;
  static final int STRX2 = 0x26;
  static final int STRX3 = 0x27;
  static final int STRX4 = 0x28;
  static final int ADDRX1 = 0x29;
  static final int ADDRX2 = 0x2a;
  static final int ADDRX3 = 0x2b;
  static final int ADDRX4 = 0x2c;
  static final int GNU_ADDR_INDEX = 0x1f01;
  static final int GNU_STR_INDEX = 0x1f02;
  static final int GNU_REF_ALT = 0x1f20;
  static final int GNU_STRP_ALT = 0x1f21;

  /** Nesting bound for {@code DW_FORM_indirect} chains (each link takes a byte, but a chain need not be long). */
  static final int MAX_INDIRECT = 8;

  /**
   * The encoded size of a form whose size does not depend on the data, or -1 when it is variable (LEB128, blocks,
   * strings, indirect) and -2 when the form is unknown.
   */
  static int fixedSize(int form, int addressSize, int offsetSize, int version) {
    switch (form) {
      case ADDR: return addressSize;
      case DATA1: case REF1: case FLAG: case STRX1: case ADDRX1: return 1;
      case DATA2: case REF2: case STRX2: case ADDRX2: return 2;
      case STRX3: case ADDRX3: return 3;
      case DATA4: case REF4: case REF_SUP4: case STRX4: case ADDRX4: return 4;
      case DATA8: case REF8: case REF_SIG8: case REF_SUP8: return 8;
      case DATA16: return 16;
      case STRP: case LINE_STRP: case SEC_OFFSET: case STRP_SUP: case GNU_REF_ALT: case GNU_STRP_ALT:
        return offsetSize;
      // DWARF 2 encodes DW_FORM_ref_addr with the size of an address (DWARF 3 section 7.5.4 changed it).
      case REF_ADDR: return version <= 2 ? addressSize : offsetSize;
      case FLAG_PRESENT: case IMPLICIT_CONST: return 0;
      case BLOCK: case BLOCK1: case BLOCK2: case BLOCK4: case STRING: case SDATA: case UDATA: case REF_UDATA:
      case INDIRECT: case EXPRLOC: case STRX: case ADDRX: case LOCLISTX: case RNGLISTX: case GNU_ADDR_INDEX:
      case GNU_STR_INDEX:
        return -1;
      default:
        return -2;
    }
  }

  /** Moves {@code r} past one value of {@code form}. */
  static void skip(ByteReader r, int form, int addressSize, int offsetSize, int version) {
    for (int depth = 0; depth < MAX_INDIRECT; depth++) {
      int fixed = fixedSize(form, addressSize, offsetSize, version);
      if (fixed >= 0) {
        r.skip(fixed);
        return;
      }
      switch (form) {
        case BLOCK1: r.skip(r.u8()); return;
        case BLOCK2: r.skip(r.u16()); return;
        case BLOCK4: r.skip(r.u32()); return;
        case BLOCK: case EXPRLOC: r.skip(r.uleb128()); return;
        case STRING:
          skipCString(r);
          return;
        case SDATA: r.sleb128(); return;
        case UDATA: case REF_UDATA: case STRX: case ADDRX: case LOCLISTX: case RNGLISTX: case GNU_ADDR_INDEX:
        case GNU_STR_INDEX:
          r.uleb128();
          return;
        case INDIRECT: {
          long at = r.position();
          long f = r.uleb128();
          if (f > 0xffff) {
            throw r.error(at, "DW_FORM_indirect names form 0x" + Long.toHexString(f));
          }
          form = (int) f;
          continue;
        }
        default:
          throw r.error("unknown attribute form 0x" + Integer.toHexString(form) + ": its size is unknown");
      }
    }
    throw r.error("DW_FORM_indirect nested more than " + MAX_INDIRECT + " times");
  }

  static void skipCString(ByteReader r) {
    while (r.u8() != 0) {
      // bounded by the reader's limit: u8() fails at the end
    }
  }
}
