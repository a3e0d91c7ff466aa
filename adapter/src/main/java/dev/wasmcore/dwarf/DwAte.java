package dev.wasmcore.dwarf;

import java.util.HashMap;
import java.util.Map;

/**
 * A base type encoding (DWARF 5 section 7.8, table 7.11), e.g. {@code DW_ATE_signed}.
 *
 * <p>A small value type: any code, known or not, can be represented, so vendor codes survive reading and print as
 * {@code DW_ATE_0x<hex>}. Two instances are equal when their codes are equal.
 */
public final class DwAte {
  private static final Map<Integer, DwAte> KNOWN = new HashMap<>();

  public static final DwAte DW_ATE_address = define(0x1, "DW_ATE_address");
  public static final DwAte DW_ATE_boolean = define(0x2, "DW_ATE_boolean");
  public static final DwAte DW_ATE_complex_float = define(0x3, "DW_ATE_complex_float");
  public static final DwAte DW_ATE_float = define(0x4, "DW_ATE_float");
  public static final DwAte DW_ATE_signed = define(0x5, "DW_ATE_signed");
  public static final DwAte DW_ATE_signed_char = define(0x6, "DW_ATE_signed_char");
  public static final DwAte DW_ATE_unsigned = define(0x7, "DW_ATE_unsigned");
  public static final DwAte DW_ATE_unsigned_char = define(0x8, "DW_ATE_unsigned_char");
  public static final DwAte DW_ATE_imaginary_float = define(0x9, "DW_ATE_imaginary_float");
  public static final DwAte DW_ATE_packed_decimal = define(0xa, "DW_ATE_packed_decimal");
  public static final DwAte DW_ATE_numeric_string = define(0xb, "DW_ATE_numeric_string");
  public static final DwAte DW_ATE_edited = define(0xc, "DW_ATE_edited");
  public static final DwAte DW_ATE_signed_fixed = define(0xd, "DW_ATE_signed_fixed");
  public static final DwAte DW_ATE_unsigned_fixed = define(0xe, "DW_ATE_unsigned_fixed");
  public static final DwAte DW_ATE_decimal_float = define(0xf, "DW_ATE_decimal_float");
  public static final DwAte DW_ATE_UTF = define(0x10, "DW_ATE_UTF");
  public static final DwAte DW_ATE_UCS = define(0x11, "DW_ATE_UCS");
  public static final DwAte DW_ATE_ASCII = define(0x12, "DW_ATE_ASCII");
  public static final DwAte DW_ATE_lo_user = define(0x80, "DW_ATE_lo_user");
  public static final DwAte DW_ATE_hi_user = define(0xff, "DW_ATE_hi_user");

  private final int code;
  private final String name;

  private DwAte(int code, String name) {
    this.code = code;
    this.name = name;
  }

  private static DwAte define(int code, String name) {
    DwAte c = new DwAte(code, name);
    KNOWN.put(code, c);
    return c;
  }

  /** The constant for {@code code}; unknown codes get an unnamed instance. */
  public static DwAte of(int code) {
    DwAte c = KNOWN.get(code);
    return c != null ? c : new DwAte(code, null);
  }

  /** The numeric code as encoded in DWARF. */
  public int code() {
    return code;
  }

  /** Whether this code has a name in this table (standard or a known vendor extension). */
  public boolean isKnown() {
    return name != null;
  }

  /** The spec name, or {@code DW_ATE_0x<hex>} for an unknown code. */
  public String name() {
    return name != null ? name : "DW_ATE_0x" + Integer.toHexString(code);
  }

  /** Whether values of this encoding are signed integers (signed, signed_char, signed_fixed). */
  public boolean isSignedInteger() {
    return code == 0x05 || code == 0x06 || code == 0x0d;
  }

  /** Whether values of this encoding are binary floating point (float, complex_float, imaginary_float). */
  public boolean isFloat() {
    return code == 0x04 || code == 0x03 || code == 0x09;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DwAte && (((DwAte) o).code == code);
  }

  @Override
  public int hashCode() {
    return code;
  }

  @Override
  public String toString() {
    return name();
  }
}
