package dev.wasmcore.dwarf;

import java.util.HashMap;
import java.util.Map;

/**
 * A source language code (DWARF 5 section 7.12, table 7.17), e.g. {@code DW_LANG_Rust}.
 *
 * <p>A small value type: any code, known or not, can be represented, so vendor codes survive reading and print as
 * {@code DW_LANG_0x<hex>}. Two instances are equal when their codes are equal.
 */
public final class DwLang extends DwConstant {
  private static final Map<Integer, DwLang> KNOWN = new HashMap<>();

  public static final DwLang DW_LANG_C89 = define(0x1, "DW_LANG_C89");
  public static final DwLang DW_LANG_C = define(0x2, "DW_LANG_C");
  public static final DwLang DW_LANG_Ada83 = define(0x3, "DW_LANG_Ada83");
  public static final DwLang DW_LANG_C_plus_plus = define(0x4, "DW_LANG_C_plus_plus");
  public static final DwLang DW_LANG_Cobol74 = define(0x5, "DW_LANG_Cobol74");
  public static final DwLang DW_LANG_Cobol85 = define(0x6, "DW_LANG_Cobol85");
  public static final DwLang DW_LANG_Fortran77 = define(0x7, "DW_LANG_Fortran77");
  public static final DwLang DW_LANG_Fortran90 = define(0x8, "DW_LANG_Fortran90");
  public static final DwLang DW_LANG_Pascal83 = define(0x9, "DW_LANG_Pascal83");
  public static final DwLang DW_LANG_Modula2 = define(0xa, "DW_LANG_Modula2");
  public static final DwLang DW_LANG_Java = define(0xb, "DW_LANG_Java");
  public static final DwLang DW_LANG_C99 = define(0xc, "DW_LANG_C99");
  public static final DwLang DW_LANG_Ada95 = define(0xd, "DW_LANG_Ada95");
  public static final DwLang DW_LANG_Fortran95 = define(0xe, "DW_LANG_Fortran95");
  public static final DwLang DW_LANG_PLI = define(0xf, "DW_LANG_PLI");
  public static final DwLang DW_LANG_ObjC = define(0x10, "DW_LANG_ObjC");
  public static final DwLang DW_LANG_ObjC_plus_plus = define(0x11, "DW_LANG_ObjC_plus_plus");
  public static final DwLang DW_LANG_UPC = define(0x12, "DW_LANG_UPC");
  public static final DwLang DW_LANG_D = define(0x13, "DW_LANG_D");
  public static final DwLang DW_LANG_Python = define(0x14, "DW_LANG_Python");
  public static final DwLang DW_LANG_OpenCL = define(0x15, "DW_LANG_OpenCL");
  public static final DwLang DW_LANG_Go = define(0x16, "DW_LANG_Go");
  public static final DwLang DW_LANG_Modula3 = define(0x17, "DW_LANG_Modula3");
  public static final DwLang DW_LANG_Haskell = define(0x18, "DW_LANG_Haskell");
  public static final DwLang DW_LANG_C_plus_plus_03 = define(0x19, "DW_LANG_C_plus_plus_03");
  public static final DwLang DW_LANG_C_plus_plus_11 = define(0x1a, "DW_LANG_C_plus_plus_11");
  public static final DwLang DW_LANG_OCaml = define(0x1b, "DW_LANG_OCaml");
  public static final DwLang DW_LANG_Rust = define(0x1c, "DW_LANG_Rust");
  public static final DwLang DW_LANG_C11 = define(0x1d, "DW_LANG_C11");
  public static final DwLang DW_LANG_Swift = define(0x1e, "DW_LANG_Swift");
  public static final DwLang DW_LANG_Julia = define(0x1f, "DW_LANG_Julia");
  public static final DwLang DW_LANG_Dylan = define(0x20, "DW_LANG_Dylan");
  public static final DwLang DW_LANG_C_plus_plus_14 = define(0x21, "DW_LANG_C_plus_plus_14");
  public static final DwLang DW_LANG_Fortran03 = define(0x22, "DW_LANG_Fortran03");
  public static final DwLang DW_LANG_Fortran08 = define(0x23, "DW_LANG_Fortran08");
  public static final DwLang DW_LANG_RenderScript = define(0x24, "DW_LANG_RenderScript");
  public static final DwLang DW_LANG_BLISS = define(0x25, "DW_LANG_BLISS");
  public static final DwLang DW_LANG_Kotlin = define(0x26, "DW_LANG_Kotlin");
  public static final DwLang DW_LANG_Zig = define(0x27, "DW_LANG_Zig");
  public static final DwLang DW_LANG_Crystal = define(0x28, "DW_LANG_Crystal");
  public static final DwLang DW_LANG_C_plus_plus_17 = define(0x2a, "DW_LANG_C_plus_plus_17");
  public static final DwLang DW_LANG_C_plus_plus_20 = define(0x2b, "DW_LANG_C_plus_plus_20");
  public static final DwLang DW_LANG_C17 = define(0x2c, "DW_LANG_C17");
  public static final DwLang DW_LANG_Fortran18 = define(0x2d, "DW_LANG_Fortran18");
  public static final DwLang DW_LANG_Ada2005 = define(0x2e, "DW_LANG_Ada2005");
  public static final DwLang DW_LANG_Ada2012 = define(0x2f, "DW_LANG_Ada2012");
  public static final DwLang DW_LANG_Mips_Assembler = define(0x8001, "DW_LANG_Mips_Assembler");
  public static final DwLang DW_LANG_GOOGLE_RenderScript = define(0x8e57, "DW_LANG_GOOGLE_RenderScript");
  public static final DwLang DW_LANG_BORLAND_Delphi = define(0xb000, "DW_LANG_BORLAND_Delphi");

  private DwLang(int code, String name) {
    super(code, name, "DW_LANG_");
  }

  private static DwLang define(int code, String name) {
    DwLang c = new DwLang(code, name);
    KNOWN.put(code, c);
    return c;
  }

  /** The constant for {@code code}; unknown codes get an unnamed instance. */
  public static DwLang of(int code) {
    DwLang c = KNOWN.get(code);
    return c != null ? c : new DwLang(code, null);
  }

  /** Whether the language is C++ (any standard) or Objective-C++. */
  public boolean isCxx() {
    int c = code();
    return c == 0x04 || c == 0x19 || c == 0x1a || c == 0x21 || c == 0x2a || c == 0x2b || c == 0x11;
  }

  /** Whether the language is Rust. */
  public boolean isRust() {
    return code() == 0x1c;
  }
}
