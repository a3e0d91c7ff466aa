package dev.wasmcore.dwarf;

import java.util.HashMap;
import java.util.Map;

/**
 * An attribute form (DWARF 5 section 7.5.6, table 7.6), e.g. {@code DW_FORM_strx1}.
 *
 * <p>A small value type: any code, known or not, can be represented, so vendor codes survive reading and print as
 * {@code DW_FORM_0x<hex>}. Two instances are equal when their codes are equal.
 */
public final class DwForm extends DwConstant {
  private static final Map<Integer, DwForm> KNOWN = new HashMap<>();

  public static final DwForm DW_FORM_addr = define(0x1, "DW_FORM_addr");
  public static final DwForm DW_FORM_block2 = define(0x3, "DW_FORM_block2");
  public static final DwForm DW_FORM_block4 = define(0x4, "DW_FORM_block4");
  public static final DwForm DW_FORM_data2 = define(0x5, "DW_FORM_data2");
  public static final DwForm DW_FORM_data4 = define(0x6, "DW_FORM_data4");
  public static final DwForm DW_FORM_data8 = define(0x7, "DW_FORM_data8");
  public static final DwForm DW_FORM_string = define(0x8, "DW_FORM_string");
  public static final DwForm DW_FORM_block = define(0x9, "DW_FORM_block");
  public static final DwForm DW_FORM_block1 = define(0xa, "DW_FORM_block1");
  public static final DwForm DW_FORM_data1 = define(0xb, "DW_FORM_data1");
  public static final DwForm DW_FORM_flag = define(0xc, "DW_FORM_flag");
  public static final DwForm DW_FORM_sdata = define(0xd, "DW_FORM_sdata");
  public static final DwForm DW_FORM_strp = define(0xe, "DW_FORM_strp");
  public static final DwForm DW_FORM_udata = define(0xf, "DW_FORM_udata");
  public static final DwForm DW_FORM_ref_addr = define(0x10, "DW_FORM_ref_addr");
  public static final DwForm DW_FORM_ref1 = define(0x11, "DW_FORM_ref1");
  public static final DwForm DW_FORM_ref2 = define(0x12, "DW_FORM_ref2");
  public static final DwForm DW_FORM_ref4 = define(0x13, "DW_FORM_ref4");
  public static final DwForm DW_FORM_ref8 = define(0x14, "DW_FORM_ref8");
  public static final DwForm DW_FORM_ref_udata = define(0x15, "DW_FORM_ref_udata");
  public static final DwForm DW_FORM_indirect = define(0x16, "DW_FORM_indirect");
  public static final DwForm DW_FORM_sec_offset = define(0x17, "DW_FORM_sec_offset");
  public static final DwForm DW_FORM_exprloc = define(0x18, "DW_FORM_exprloc");
  public static final DwForm DW_FORM_flag_present = define(0x19, "DW_FORM_flag_present");
  public static final DwForm DW_FORM_strx = define(0x1a, "DW_FORM_strx");
  public static final DwForm DW_FORM_addrx = define(0x1b, "DW_FORM_addrx");
  public static final DwForm DW_FORM_ref_sup4 = define(0x1c, "DW_FORM_ref_sup4");
  public static final DwForm DW_FORM_strp_sup = define(0x1d, "DW_FORM_strp_sup");
  public static final DwForm DW_FORM_data16 = define(0x1e, "DW_FORM_data16");
  public static final DwForm DW_FORM_line_strp = define(0x1f, "DW_FORM_line_strp");
  public static final DwForm DW_FORM_ref_sig8 = define(0x20, "DW_FORM_ref_sig8");
  public static final DwForm DW_FORM_implicit_const = define(0x21, "DW_FORM_implicit_const");
  public static final DwForm DW_FORM_loclistx = define(0x22, "DW_FORM_loclistx");
  public static final DwForm DW_FORM_rnglistx = define(0x23, "DW_FORM_rnglistx");
  public static final DwForm DW_FORM_ref_sup8 = define(0x24, "DW_FORM_ref_sup8");
  public static final DwForm DW_FORM_strx1 = define(0x25, "DW_FORM_strx1");
  public static final DwForm DW_FORM_strx2 = define(0x26, "DW_FORM_strx2");
  public static final DwForm DW_FORM_strx3 = define(0x27, "DW_FORM_strx3");
  public static final DwForm DW_FORM_strx4 = define(0x28, "DW_FORM_strx4");
  public static final DwForm DW_FORM_addrx1 = define(0x29, "DW_FORM_addrx1");
  public static final DwForm DW_FORM_addrx2 = define(0x2a, "DW_FORM_addrx2");
  public static final DwForm DW_FORM_addrx3 = define(0x2b, "DW_FORM_addrx3");
  public static final DwForm DW_FORM_addrx4 = define(0x2c, "DW_FORM_addrx4");
  public static final DwForm DW_FORM_GNU_addr_index = define(0x1f01, "DW_FORM_GNU_addr_index");
  public static final DwForm DW_FORM_GNU_str_index = define(0x1f02, "DW_FORM_GNU_str_index");
  public static final DwForm DW_FORM_GNU_ref_alt = define(0x1f20, "DW_FORM_GNU_ref_alt");
  public static final DwForm DW_FORM_GNU_strp_alt = define(0x1f21, "DW_FORM_GNU_strp_alt");

  private DwForm(int code, String name) {
    super(code, name, "DW_FORM_");
  }

  private static DwForm define(int code, String name) {
    DwForm c = new DwForm(code, name);
    KNOWN.put(code, c);
    return c;
  }

  /** The constant for {@code code}; unknown codes get an unnamed instance. */
  public static DwForm of(int code) {
    DwForm c = KNOWN.get(code);
    return c != null ? c : new DwForm(code, null);
  }
}
