package dev.wasmcore.dwarf;

import java.util.HashMap;
import java.util.Map;

/**
 * A debugging information entry tag (DWARF 5 section 7.5.3, table 7.3), e.g. {@code DW_TAG_subprogram}.
 *
 * <p>A small value type: any code, known or not, can be represented, so vendor codes survive reading and print as
 * {@code DW_TAG_0x<hex>}. Two instances are equal when their codes are equal.
 */
public final class DwTag extends DwConstant {
  private static final Map<Integer, DwTag> KNOWN = new HashMap<>();

  public static final DwTag DW_TAG_array_type = define(0x1, "DW_TAG_array_type");
  public static final DwTag DW_TAG_class_type = define(0x2, "DW_TAG_class_type");
  public static final DwTag DW_TAG_entry_point = define(0x3, "DW_TAG_entry_point");
  public static final DwTag DW_TAG_enumeration_type = define(0x4, "DW_TAG_enumeration_type");
  public static final DwTag DW_TAG_formal_parameter = define(0x5, "DW_TAG_formal_parameter");
  public static final DwTag DW_TAG_imported_declaration = define(0x8, "DW_TAG_imported_declaration");
  public static final DwTag DW_TAG_label = define(0xa, "DW_TAG_label");
  public static final DwTag DW_TAG_lexical_block = define(0xb, "DW_TAG_lexical_block");
  public static final DwTag DW_TAG_member = define(0xd, "DW_TAG_member");
  public static final DwTag DW_TAG_pointer_type = define(0xf, "DW_TAG_pointer_type");
  public static final DwTag DW_TAG_reference_type = define(0x10, "DW_TAG_reference_type");
  public static final DwTag DW_TAG_compile_unit = define(0x11, "DW_TAG_compile_unit");
  public static final DwTag DW_TAG_string_type = define(0x12, "DW_TAG_string_type");
  public static final DwTag DW_TAG_structure_type = define(0x13, "DW_TAG_structure_type");
  public static final DwTag DW_TAG_subroutine_type = define(0x15, "DW_TAG_subroutine_type");
  public static final DwTag DW_TAG_typedef = define(0x16, "DW_TAG_typedef");
  public static final DwTag DW_TAG_union_type = define(0x17, "DW_TAG_union_type");
  public static final DwTag DW_TAG_unspecified_parameters = define(0x18, "DW_TAG_unspecified_parameters");
  public static final DwTag DW_TAG_variant = define(0x19, "DW_TAG_variant");
  public static final DwTag DW_TAG_common_block = define(0x1a, "DW_TAG_common_block");
  public static final DwTag DW_TAG_common_inclusion = define(0x1b, "DW_TAG_common_inclusion");
  public static final DwTag DW_TAG_inheritance = define(0x1c, "DW_TAG_inheritance");
  public static final DwTag DW_TAG_inlined_subroutine = define(0x1d, "DW_TAG_inlined_subroutine");
  public static final DwTag DW_TAG_module = define(0x1e, "DW_TAG_module");
  public static final DwTag DW_TAG_ptr_to_member_type = define(0x1f, "DW_TAG_ptr_to_member_type");
  public static final DwTag DW_TAG_set_type = define(0x20, "DW_TAG_set_type");
  public static final DwTag DW_TAG_subrange_type = define(0x21, "DW_TAG_subrange_type");
  public static final DwTag DW_TAG_with_stmt = define(0x22, "DW_TAG_with_stmt");
  public static final DwTag DW_TAG_access_declaration = define(0x23, "DW_TAG_access_declaration");
  public static final DwTag DW_TAG_base_type = define(0x24, "DW_TAG_base_type");
  public static final DwTag DW_TAG_catch_block = define(0x25, "DW_TAG_catch_block");
  public static final DwTag DW_TAG_const_type = define(0x26, "DW_TAG_const_type");
  public static final DwTag DW_TAG_constant = define(0x27, "DW_TAG_constant");
  public static final DwTag DW_TAG_enumerator = define(0x28, "DW_TAG_enumerator");
  public static final DwTag DW_TAG_file_type = define(0x29, "DW_TAG_file_type");
  public static final DwTag DW_TAG_friend = define(0x2a, "DW_TAG_friend");
  public static final DwTag DW_TAG_namelist = define(0x2b, "DW_TAG_namelist");
  public static final DwTag DW_TAG_namelist_item = define(0x2c, "DW_TAG_namelist_item");
  public static final DwTag DW_TAG_packed_type = define(0x2d, "DW_TAG_packed_type");
  public static final DwTag DW_TAG_subprogram = define(0x2e, "DW_TAG_subprogram");
  public static final DwTag DW_TAG_template_type_parameter = define(0x2f, "DW_TAG_template_type_parameter");
  public static final DwTag DW_TAG_template_value_parameter = define(0x30, "DW_TAG_template_value_parameter");
  public static final DwTag DW_TAG_thrown_type = define(0x31, "DW_TAG_thrown_type");
  public static final DwTag DW_TAG_try_block = define(0x32, "DW_TAG_try_block");
  public static final DwTag DW_TAG_variant_part = define(0x33, "DW_TAG_variant_part");
  public static final DwTag DW_TAG_variable = define(0x34, "DW_TAG_variable");
  public static final DwTag DW_TAG_volatile_type = define(0x35, "DW_TAG_volatile_type");
  public static final DwTag DW_TAG_dwarf_procedure = define(0x36, "DW_TAG_dwarf_procedure");
  public static final DwTag DW_TAG_restrict_type = define(0x37, "DW_TAG_restrict_type");
  public static final DwTag DW_TAG_interface_type = define(0x38, "DW_TAG_interface_type");
  public static final DwTag DW_TAG_namespace = define(0x39, "DW_TAG_namespace");
  public static final DwTag DW_TAG_imported_module = define(0x3a, "DW_TAG_imported_module");
  public static final DwTag DW_TAG_unspecified_type = define(0x3b, "DW_TAG_unspecified_type");
  public static final DwTag DW_TAG_partial_unit = define(0x3c, "DW_TAG_partial_unit");
  public static final DwTag DW_TAG_imported_unit = define(0x3d, "DW_TAG_imported_unit");
  public static final DwTag DW_TAG_condition = define(0x3f, "DW_TAG_condition");
  public static final DwTag DW_TAG_shared_type = define(0x40, "DW_TAG_shared_type");
  public static final DwTag DW_TAG_type_unit = define(0x41, "DW_TAG_type_unit");
  public static final DwTag DW_TAG_rvalue_reference_type = define(0x42, "DW_TAG_rvalue_reference_type");
  public static final DwTag DW_TAG_template_alias = define(0x43, "DW_TAG_template_alias");
  public static final DwTag DW_TAG_coarray_type = define(0x44, "DW_TAG_coarray_type");
  public static final DwTag DW_TAG_generic_subrange = define(0x45, "DW_TAG_generic_subrange");
  public static final DwTag DW_TAG_dynamic_type = define(0x46, "DW_TAG_dynamic_type");
  public static final DwTag DW_TAG_atomic_type = define(0x47, "DW_TAG_atomic_type");
  public static final DwTag DW_TAG_call_site = define(0x48, "DW_TAG_call_site");
  public static final DwTag DW_TAG_call_site_parameter = define(0x49, "DW_TAG_call_site_parameter");
  public static final DwTag DW_TAG_skeleton_unit = define(0x4a, "DW_TAG_skeleton_unit");
  public static final DwTag DW_TAG_immutable_type = define(0x4b, "DW_TAG_immutable_type");
  public static final DwTag DW_TAG_MIPS_loop = define(0x4081, "DW_TAG_MIPS_loop");
  public static final DwTag DW_TAG_format_label = define(0x4101, "DW_TAG_format_label");
  public static final DwTag DW_TAG_function_template = define(0x4102, "DW_TAG_function_template");
  public static final DwTag DW_TAG_class_template = define(0x4103, "DW_TAG_class_template");
  public static final DwTag DW_TAG_GNU_template_template_param = define(0x4106, "DW_TAG_GNU_template_template_param");
  public static final DwTag DW_TAG_GNU_template_parameter_pack = define(0x4107, "DW_TAG_GNU_template_parameter_pack");
  public static final DwTag DW_TAG_GNU_formal_parameter_pack = define(0x4108, "DW_TAG_GNU_formal_parameter_pack");
  public static final DwTag DW_TAG_GNU_call_site = define(0x4109, "DW_TAG_GNU_call_site");
  public static final DwTag DW_TAG_GNU_call_site_parameter = define(0x410a, "DW_TAG_GNU_call_site_parameter");

  private DwTag(int code, String name) {
    super(code, name, "DW_TAG_");
  }

  private static DwTag define(int code, String name) {
    DwTag c = new DwTag(code, name);
    KNOWN.put(code, c);
    return c;
  }

  /** The constant for {@code code}; unknown codes get an unnamed instance. */
  public static DwTag of(int code) {
    DwTag c = KNOWN.get(code);
    return c != null ? c : new DwTag(code, null);
  }

  /** Whether DIEs with this tag describe a type (DWARF 5 section 5). */
  public boolean isType() {
    switch (code()) {
      case 0x01: case 0x02: case 0x04: case 0x0f: case 0x10: case 0x12: case 0x13: case 0x15: case 0x16: case 0x17:
      case 0x1f: case 0x20: case 0x21: case 0x24: case 0x26: case 0x29: case 0x2d: case 0x35: case 0x37: case 0x38:
      case 0x3b: case 0x40: case 0x42: case 0x44: case 0x45: case 0x46: case 0x47: case 0x4b:
        return true;
      default:
        return false;
    }
  }
}
