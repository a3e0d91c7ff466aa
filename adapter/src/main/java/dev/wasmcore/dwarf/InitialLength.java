package dev.wasmcore.dwarf;

import dev.wasmcore.binary.ByteReader;

/**
 * The initial length field that opens every DWARF unit, line program and list table header (DWARF 5 section 7.4):
 * a 4-byte length, or {@code 0xffffffff} followed by an 8-byte length for the 64-bit format; values
 * {@code 0xfffffff0..0xfffffffe} are reserved.
 *
 * @param length bytes after the length field
 * @param dwarf64 whether the 64-bit format is used (section offsets are 8 bytes)
 */
public record InitialLength(long length, boolean dwarf64) {
  /**
   * Reads the field and checks that {@code length} bytes follow it. Errors name the structure as
   * {@code "<section>: <structure> at 0x<offset><note>"}, e.g. {@code ".debug_info: unit at 0x40"}; the text is
   * built only for an error (units are listed by the hundred on a cold start).
   */
  public static InitialLength read(ByteReader r, String section, String structure, long offset, String note) {
    long at = r.position();
    long length = r.u32();
    boolean is64 = false;
    if (length == 0xffffffffL) {
      is64 = true;
      length = r.u64();
    } else if (length >= 0xfffffff0L) {
      throw r.error(at, what(section, structure, offset, note) + " has reserved unit_length 0x"
          + Long.toHexString(length));
    }
    if (length < 0 || length > r.remaining()) {
      throw r.error(at, what(section, structure, offset, note) + " has length " + Long.toUnsignedString(length)
          + " but only " + r.remaining() + " bytes follow");
    }
    return new InitialLength(length, is64);
  }

  private static String what(String section, String structure, long offset, String note) {
    return section + ": " + structure + " at 0x" + Long.toHexString(offset) + note;
  }

  /** Size of a section offset in this format: 4 or 8. */
  public int offsetSize() {
    return dwarf64 ? 8 : 4;
  }
}
