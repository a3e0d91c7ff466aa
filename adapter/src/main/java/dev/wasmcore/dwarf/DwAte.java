package dev.wasmcore.dwarf;

import java.util.HashMap;
import java.util.Map;

/**
 * A base type encoding (DWARF 5 section 7.8, table 7.11), e.g. {@code DW_ATE_signed}.
 *
 * <p>A small value type: any code, known or not, can be represented, so vendor codes survive reading and print as
 * {@code DW_ATE_0x<hex>}. Two instances are equal when their codes are equal.
 */
public final class DwAte extends DwConstant {
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

  private DwAte(int code, String name) {
    super(code, name, "DW_ATE_");
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

  /** Whether values of this encoding are signed integers (signed, signed_char, signed_fixed). */
  public boolean isSignedInteger() {
    int c = code();
    return c == 0x05 || c == 0x06 || c == 0x0d;
  }

  /** Whether values of this encoding are binary floating point (float, complex_float, imaginary_float). */
  public boolean isFloat() {
    int c = code();
    return c == 0x04 || c == 0x03 || c == 0x09;
  }
}
