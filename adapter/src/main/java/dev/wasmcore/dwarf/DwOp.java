package dev.wasmcore.dwarf;

import java.util.HashMap;
import java.util.Map;

/**
 * A location expression operation (DWARF 5 section 7.7.1, table 7.9), plus the WebAssembly extension
 * {@code DW_OP_WASM_location} (0xED) and common GNU operations. Operand decoding belongs to the expression evaluator;
 * this type only names the opcode.
 *
 * <p>A small value type: any code, known or not, can be represented, so vendor codes survive reading and print as
 * {@code DW_OP_0x<hex>}. Two instances are equal when their codes are equal.
 */
public final class DwOp extends DwConstant {
  private static final Map<Integer, DwOp> KNOWN = new HashMap<>();

  public static final DwOp DW_OP_addr = define(0x3, "DW_OP_addr");
  public static final DwOp DW_OP_deref = define(0x6, "DW_OP_deref");
  public static final DwOp DW_OP_const1u = define(0x8, "DW_OP_const1u");
  public static final DwOp DW_OP_const1s = define(0x9, "DW_OP_const1s");
  public static final DwOp DW_OP_const2u = define(0xa, "DW_OP_const2u");
  public static final DwOp DW_OP_const2s = define(0xb, "DW_OP_const2s");
  public static final DwOp DW_OP_const4u = define(0xc, "DW_OP_const4u");
  public static final DwOp DW_OP_const4s = define(0xd, "DW_OP_const4s");
  public static final DwOp DW_OP_const8u = define(0xe, "DW_OP_const8u");
  public static final DwOp DW_OP_const8s = define(0xf, "DW_OP_const8s");
  public static final DwOp DW_OP_constu = define(0x10, "DW_OP_constu");
  public static final DwOp DW_OP_consts = define(0x11, "DW_OP_consts");
  public static final DwOp DW_OP_dup = define(0x12, "DW_OP_dup");
  public static final DwOp DW_OP_drop = define(0x13, "DW_OP_drop");
  public static final DwOp DW_OP_over = define(0x14, "DW_OP_over");
  public static final DwOp DW_OP_pick = define(0x15, "DW_OP_pick");
  public static final DwOp DW_OP_swap = define(0x16, "DW_OP_swap");
  public static final DwOp DW_OP_rot = define(0x17, "DW_OP_rot");
  public static final DwOp DW_OP_xderef = define(0x18, "DW_OP_xderef");
  public static final DwOp DW_OP_abs = define(0x19, "DW_OP_abs");
  public static final DwOp DW_OP_and = define(0x1a, "DW_OP_and");
  public static final DwOp DW_OP_div = define(0x1b, "DW_OP_div");
  public static final DwOp DW_OP_minus = define(0x1c, "DW_OP_minus");
  public static final DwOp DW_OP_mod = define(0x1d, "DW_OP_mod");
  public static final DwOp DW_OP_mul = define(0x1e, "DW_OP_mul");
  public static final DwOp DW_OP_neg = define(0x1f, "DW_OP_neg");
  public static final DwOp DW_OP_not = define(0x20, "DW_OP_not");
  public static final DwOp DW_OP_or = define(0x21, "DW_OP_or");
  public static final DwOp DW_OP_plus = define(0x22, "DW_OP_plus");
  public static final DwOp DW_OP_plus_uconst = define(0x23, "DW_OP_plus_uconst");
  public static final DwOp DW_OP_shl = define(0x24, "DW_OP_shl");
  public static final DwOp DW_OP_shr = define(0x25, "DW_OP_shr");
  public static final DwOp DW_OP_shra = define(0x26, "DW_OP_shra");
  public static final DwOp DW_OP_xor = define(0x27, "DW_OP_xor");
  public static final DwOp DW_OP_bra = define(0x28, "DW_OP_bra");
  public static final DwOp DW_OP_eq = define(0x29, "DW_OP_eq");
  public static final DwOp DW_OP_ge = define(0x2a, "DW_OP_ge");
  public static final DwOp DW_OP_gt = define(0x2b, "DW_OP_gt");
  public static final DwOp DW_OP_le = define(0x2c, "DW_OP_le");
  public static final DwOp DW_OP_lt = define(0x2d, "DW_OP_lt");
  public static final DwOp DW_OP_ne = define(0x2e, "DW_OP_ne");
  public static final DwOp DW_OP_skip = define(0x2f, "DW_OP_skip");
  public static final DwOp DW_OP_lit0 = define(0x30, "DW_OP_lit0");
  public static final DwOp DW_OP_lit1 = define(0x31, "DW_OP_lit1");
  public static final DwOp DW_OP_lit2 = define(0x32, "DW_OP_lit2");
  public static final DwOp DW_OP_lit3 = define(0x33, "DW_OP_lit3");
  public static final DwOp DW_OP_lit4 = define(0x34, "DW_OP_lit4");
  public static final DwOp DW_OP_lit5 = define(0x35, "DW_OP_lit5");
  public static final DwOp DW_OP_lit6 = define(0x36, "DW_OP_lit6");
  public static final DwOp DW_OP_lit7 = define(0x37, "DW_OP_lit7");
  public static final DwOp DW_OP_lit8 = define(0x38, "DW_OP_lit8");
  public static final DwOp DW_OP_lit9 = define(0x39, "DW_OP_lit9");
  public static final DwOp DW_OP_lit10 = define(0x3a, "DW_OP_lit10");
  public static final DwOp DW_OP_lit11 = define(0x3b, "DW_OP_lit11");
  public static final DwOp DW_OP_lit12 = define(0x3c, "DW_OP_lit12");
  public static final DwOp DW_OP_lit13 = define(0x3d, "DW_OP_lit13");
  public static final DwOp DW_OP_lit14 = define(0x3e, "DW_OP_lit14");
  public static final DwOp DW_OP_lit15 = define(0x3f, "DW_OP_lit15");
  public static final DwOp DW_OP_lit16 = define(0x40, "DW_OP_lit16");
  public static final DwOp DW_OP_lit17 = define(0x41, "DW_OP_lit17");
  public static final DwOp DW_OP_lit18 = define(0x42, "DW_OP_lit18");
  public static final DwOp DW_OP_lit19 = define(0x43, "DW_OP_lit19");
  public static final DwOp DW_OP_lit20 = define(0x44, "DW_OP_lit20");
  public static final DwOp DW_OP_lit21 = define(0x45, "DW_OP_lit21");
  public static final DwOp DW_OP_lit22 = define(0x46, "DW_OP_lit22");
  public static final DwOp DW_OP_lit23 = define(0x47, "DW_OP_lit23");
  public static final DwOp DW_OP_lit24 = define(0x48, "DW_OP_lit24");
  public static final DwOp DW_OP_lit25 = define(0x49, "DW_OP_lit25");
  public static final DwOp DW_OP_lit26 = define(0x4a, "DW_OP_lit26");
  public static final DwOp DW_OP_lit27 = define(0x4b, "DW_OP_lit27");
  public static final DwOp DW_OP_lit28 = define(0x4c, "DW_OP_lit28");
  public static final DwOp DW_OP_lit29 = define(0x4d, "DW_OP_lit29");
  public static final DwOp DW_OP_lit30 = define(0x4e, "DW_OP_lit30");
  public static final DwOp DW_OP_lit31 = define(0x4f, "DW_OP_lit31");
  public static final DwOp DW_OP_reg0 = define(0x50, "DW_OP_reg0");
  public static final DwOp DW_OP_reg1 = define(0x51, "DW_OP_reg1");
  public static final DwOp DW_OP_reg2 = define(0x52, "DW_OP_reg2");
  public static final DwOp DW_OP_reg3 = define(0x53, "DW_OP_reg3");
  public static final DwOp DW_OP_reg4 = define(0x54, "DW_OP_reg4");
  public static final DwOp DW_OP_reg5 = define(0x55, "DW_OP_reg5");
  public static final DwOp DW_OP_reg6 = define(0x56, "DW_OP_reg6");
  public static final DwOp DW_OP_reg7 = define(0x57, "DW_OP_reg7");
  public static final DwOp DW_OP_reg8 = define(0x58, "DW_OP_reg8");
  public static final DwOp DW_OP_reg9 = define(0x59, "DW_OP_reg9");
  public static final DwOp DW_OP_reg10 = define(0x5a, "DW_OP_reg10");
  public static final DwOp DW_OP_reg11 = define(0x5b, "DW_OP_reg11");
  public static final DwOp DW_OP_reg12 = define(0x5c, "DW_OP_reg12");
  public static final DwOp DW_OP_reg13 = define(0x5d, "DW_OP_reg13");
  public static final DwOp DW_OP_reg14 = define(0x5e, "DW_OP_reg14");
  public static final DwOp DW_OP_reg15 = define(0x5f, "DW_OP_reg15");
  public static final DwOp DW_OP_reg16 = define(0x60, "DW_OP_reg16");
  public static final DwOp DW_OP_reg17 = define(0x61, "DW_OP_reg17");
  public static final DwOp DW_OP_reg18 = define(0x62, "DW_OP_reg18");
  public static final DwOp DW_OP_reg19 = define(0x63, "DW_OP_reg19");
  public static final DwOp DW_OP_reg20 = define(0x64, "DW_OP_reg20");
  public static final DwOp DW_OP_reg21 = define(0x65, "DW_OP_reg21");
  public static final DwOp DW_OP_reg22 = define(0x66, "DW_OP_reg22");
  public static final DwOp DW_OP_reg23 = define(0x67, "DW_OP_reg23");
  public static final DwOp DW_OP_reg24 = define(0x68, "DW_OP_reg24");
  public static final DwOp DW_OP_reg25 = define(0x69, "DW_OP_reg25");
  public static final DwOp DW_OP_reg26 = define(0x6a, "DW_OP_reg26");
  public static final DwOp DW_OP_reg27 = define(0x6b, "DW_OP_reg27");
  public static final DwOp DW_OP_reg28 = define(0x6c, "DW_OP_reg28");
  public static final DwOp DW_OP_reg29 = define(0x6d, "DW_OP_reg29");
  public static final DwOp DW_OP_reg30 = define(0x6e, "DW_OP_reg30");
  public static final DwOp DW_OP_reg31 = define(0x6f, "DW_OP_reg31");
  public static final DwOp DW_OP_breg0 = define(0x70, "DW_OP_breg0");
  public static final DwOp DW_OP_breg1 = define(0x71, "DW_OP_breg1");
  public static final DwOp DW_OP_breg2 = define(0x72, "DW_OP_breg2");
  public static final DwOp DW_OP_breg3 = define(0x73, "DW_OP_breg3");
  public static final DwOp DW_OP_breg4 = define(0x74, "DW_OP_breg4");
  public static final DwOp DW_OP_breg5 = define(0x75, "DW_OP_breg5");
  public static final DwOp DW_OP_breg6 = define(0x76, "DW_OP_breg6");
  public static final DwOp DW_OP_breg7 = define(0x77, "DW_OP_breg7");
  public static final DwOp DW_OP_breg8 = define(0x78, "DW_OP_breg8");
  public static final DwOp DW_OP_breg9 = define(0x79, "DW_OP_breg9");
  public static final DwOp DW_OP_breg10 = define(0x7a, "DW_OP_breg10");
  public static final DwOp DW_OP_breg11 = define(0x7b, "DW_OP_breg11");
  public static final DwOp DW_OP_breg12 = define(0x7c, "DW_OP_breg12");
  public static final DwOp DW_OP_breg13 = define(0x7d, "DW_OP_breg13");
  public static final DwOp DW_OP_breg14 = define(0x7e, "DW_OP_breg14");
  public static final DwOp DW_OP_breg15 = define(0x7f, "DW_OP_breg15");
  public static final DwOp DW_OP_breg16 = define(0x80, "DW_OP_breg16");
  public static final DwOp DW_OP_breg17 = define(0x81, "DW_OP_breg17");
  public static final DwOp DW_OP_breg18 = define(0x82, "DW_OP_breg18");
  public static final DwOp DW_OP_breg19 = define(0x83, "DW_OP_breg19");
  public static final DwOp DW_OP_breg20 = define(0x84, "DW_OP_breg20");
  public static final DwOp DW_OP_breg21 = define(0x85, "DW_OP_breg21");
  public static final DwOp DW_OP_breg22 = define(0x86, "DW_OP_breg22");
  public static final DwOp DW_OP_breg23 = define(0x87, "DW_OP_breg23");
  public static final DwOp DW_OP_breg24 = define(0x88, "DW_OP_breg24");
  public static final DwOp DW_OP_breg25 = define(0x89, "DW_OP_breg25");
  public static final DwOp DW_OP_breg26 = define(0x8a, "DW_OP_breg26");
  public static final DwOp DW_OP_breg27 = define(0x8b, "DW_OP_breg27");
  public static final DwOp DW_OP_breg28 = define(0x8c, "DW_OP_breg28");
  public static final DwOp DW_OP_breg29 = define(0x8d, "DW_OP_breg29");
  public static final DwOp DW_OP_breg30 = define(0x8e, "DW_OP_breg30");
  public static final DwOp DW_OP_breg31 = define(0x8f, "DW_OP_breg31");
  public static final DwOp DW_OP_regx = define(0x90, "DW_OP_regx");
  public static final DwOp DW_OP_fbreg = define(0x91, "DW_OP_fbreg");
  public static final DwOp DW_OP_bregx = define(0x92, "DW_OP_bregx");
  public static final DwOp DW_OP_piece = define(0x93, "DW_OP_piece");
  public static final DwOp DW_OP_deref_size = define(0x94, "DW_OP_deref_size");
  public static final DwOp DW_OP_xderef_size = define(0x95, "DW_OP_xderef_size");
  public static final DwOp DW_OP_nop = define(0x96, "DW_OP_nop");
  public static final DwOp DW_OP_push_object_address = define(0x97, "DW_OP_push_object_address");
  public static final DwOp DW_OP_call2 = define(0x98, "DW_OP_call2");
  public static final DwOp DW_OP_call4 = define(0x99, "DW_OP_call4");
  public static final DwOp DW_OP_call_ref = define(0x9a, "DW_OP_call_ref");
  public static final DwOp DW_OP_form_tls_address = define(0x9b, "DW_OP_form_tls_address");
  public static final DwOp DW_OP_call_frame_cfa = define(0x9c, "DW_OP_call_frame_cfa");
  public static final DwOp DW_OP_bit_piece = define(0x9d, "DW_OP_bit_piece");
  public static final DwOp DW_OP_implicit_value = define(0x9e, "DW_OP_implicit_value");
  public static final DwOp DW_OP_stack_value = define(0x9f, "DW_OP_stack_value");
  public static final DwOp DW_OP_implicit_pointer = define(0xa0, "DW_OP_implicit_pointer");
  public static final DwOp DW_OP_addrx = define(0xa1, "DW_OP_addrx");
  public static final DwOp DW_OP_constx = define(0xa2, "DW_OP_constx");
  public static final DwOp DW_OP_entry_value = define(0xa3, "DW_OP_entry_value");
  public static final DwOp DW_OP_const_type = define(0xa4, "DW_OP_const_type");
  public static final DwOp DW_OP_regval_type = define(0xa5, "DW_OP_regval_type");
  public static final DwOp DW_OP_deref_type = define(0xa6, "DW_OP_deref_type");
  public static final DwOp DW_OP_xderef_type = define(0xa7, "DW_OP_xderef_type");
  public static final DwOp DW_OP_convert = define(0xa8, "DW_OP_convert");
  public static final DwOp DW_OP_reinterpret = define(0xa9, "DW_OP_reinterpret");
  public static final DwOp DW_OP_GNU_push_tls_address = define(0xe0, "DW_OP_GNU_push_tls_address");
  public static final DwOp DW_OP_GNU_uninit = define(0xf0, "DW_OP_GNU_uninit");
  public static final DwOp DW_OP_GNU_encoded_addr = define(0xf1, "DW_OP_GNU_encoded_addr");
  public static final DwOp DW_OP_GNU_implicit_pointer = define(0xf2, "DW_OP_GNU_implicit_pointer");
  public static final DwOp DW_OP_GNU_entry_value = define(0xf3, "DW_OP_GNU_entry_value");
  public static final DwOp DW_OP_GNU_const_type = define(0xf4, "DW_OP_GNU_const_type");
  public static final DwOp DW_OP_GNU_regval_type = define(0xf5, "DW_OP_GNU_regval_type");
  public static final DwOp DW_OP_GNU_deref_type = define(0xf6, "DW_OP_GNU_deref_type");
  public static final DwOp DW_OP_GNU_convert = define(0xf7, "DW_OP_GNU_convert");
  public static final DwOp DW_OP_GNU_reinterpret = define(0xf9, "DW_OP_GNU_reinterpret");
  public static final DwOp DW_OP_GNU_parameter_ref = define(0xfa, "DW_OP_GNU_parameter_ref");
  public static final DwOp DW_OP_GNU_addr_index = define(0xfb, "DW_OP_GNU_addr_index");
  public static final DwOp DW_OP_GNU_const_index = define(0xfc, "DW_OP_GNU_const_index");
  public static final DwOp DW_OP_GNU_variable_value = define(0xfd, "DW_OP_GNU_variable_value");
  public static final DwOp DW_OP_WASM_location = define(0xed, "DW_OP_WASM_location");

  private DwOp(int code, String name) {
    super(code, name, "DW_OP_");
  }

  private static DwOp define(int code, String name) {
    DwOp c = new DwOp(code, name);
    KNOWN.put(code, c);
    return c;
  }

  /** The constant for {@code code}; unknown codes get an unnamed instance. */
  public static DwOp of(int code) {
    DwOp c = KNOWN.get(code);
    return c != null ? c : new DwOp(code, null);
  }
}
