package dev.wasmcore.dwarf;

import java.util.HashMap;
import java.util.Map;

/**
 * An attribute name (DWARF 5 section 7.5.4, table 7.5), e.g. {@code DW_AT_location}.
 *
 * <p>A small value type: any code, known or not, can be represented, so vendor codes survive reading and print as
 * {@code DW_AT_0x<hex>}. Two instances are equal when their codes are equal.
 */
public final class DwAt extends DwConstant {
  private static final Map<Integer, DwAt> KNOWN = new HashMap<>();

  public static final DwAt DW_AT_sibling = define(0x1, "DW_AT_sibling");
  public static final DwAt DW_AT_location = define(0x2, "DW_AT_location");
  public static final DwAt DW_AT_name = define(0x3, "DW_AT_name");
  public static final DwAt DW_AT_ordering = define(0x9, "DW_AT_ordering");
  public static final DwAt DW_AT_byte_size = define(0xb, "DW_AT_byte_size");
  public static final DwAt DW_AT_bit_offset = define(0xc, "DW_AT_bit_offset");
  public static final DwAt DW_AT_bit_size = define(0xd, "DW_AT_bit_size");
  public static final DwAt DW_AT_stmt_list = define(0x10, "DW_AT_stmt_list");
  public static final DwAt DW_AT_low_pc = define(0x11, "DW_AT_low_pc");
  public static final DwAt DW_AT_high_pc = define(0x12, "DW_AT_high_pc");
  public static final DwAt DW_AT_language = define(0x13, "DW_AT_language");
  public static final DwAt DW_AT_discr = define(0x15, "DW_AT_discr");
  public static final DwAt DW_AT_discr_value = define(0x16, "DW_AT_discr_value");
  public static final DwAt DW_AT_visibility = define(0x17, "DW_AT_visibility");
  public static final DwAt DW_AT_import = define(0x18, "DW_AT_import");
  public static final DwAt DW_AT_string_length = define(0x19, "DW_AT_string_length");
  public static final DwAt DW_AT_common_reference = define(0x1a, "DW_AT_common_reference");
  public static final DwAt DW_AT_comp_dir = define(0x1b, "DW_AT_comp_dir");
  public static final DwAt DW_AT_const_value = define(0x1c, "DW_AT_const_value");
  public static final DwAt DW_AT_containing_type = define(0x1d, "DW_AT_containing_type");
  public static final DwAt DW_AT_default_value = define(0x1e, "DW_AT_default_value");
  public static final DwAt DW_AT_inline = define(0x20, "DW_AT_inline");
  public static final DwAt DW_AT_is_optional = define(0x21, "DW_AT_is_optional");
  public static final DwAt DW_AT_lower_bound = define(0x22, "DW_AT_lower_bound");
  public static final DwAt DW_AT_producer = define(0x25, "DW_AT_producer");
  public static final DwAt DW_AT_prototyped = define(0x27, "DW_AT_prototyped");
  public static final DwAt DW_AT_return_addr = define(0x2a, "DW_AT_return_addr");
  public static final DwAt DW_AT_start_scope = define(0x2c, "DW_AT_start_scope");
  public static final DwAt DW_AT_bit_stride = define(0x2e, "DW_AT_bit_stride");
  public static final DwAt DW_AT_upper_bound = define(0x2f, "DW_AT_upper_bound");
  public static final DwAt DW_AT_abstract_origin = define(0x31, "DW_AT_abstract_origin");
  public static final DwAt DW_AT_accessibility = define(0x32, "DW_AT_accessibility");
  public static final DwAt DW_AT_address_class = define(0x33, "DW_AT_address_class");
  public static final DwAt DW_AT_artificial = define(0x34, "DW_AT_artificial");
  public static final DwAt DW_AT_base_types = define(0x35, "DW_AT_base_types");
  public static final DwAt DW_AT_calling_convention = define(0x36, "DW_AT_calling_convention");
  public static final DwAt DW_AT_count = define(0x37, "DW_AT_count");
  public static final DwAt DW_AT_data_member_location = define(0x38, "DW_AT_data_member_location");
  public static final DwAt DW_AT_decl_column = define(0x39, "DW_AT_decl_column");
  public static final DwAt DW_AT_decl_file = define(0x3a, "DW_AT_decl_file");
  public static final DwAt DW_AT_decl_line = define(0x3b, "DW_AT_decl_line");
  public static final DwAt DW_AT_declaration = define(0x3c, "DW_AT_declaration");
  public static final DwAt DW_AT_discr_list = define(0x3d, "DW_AT_discr_list");
  public static final DwAt DW_AT_encoding = define(0x3e, "DW_AT_encoding");
  public static final DwAt DW_AT_external = define(0x3f, "DW_AT_external");
  public static final DwAt DW_AT_frame_base = define(0x40, "DW_AT_frame_base");
  public static final DwAt DW_AT_friend = define(0x41, "DW_AT_friend");
  public static final DwAt DW_AT_identifier_case = define(0x42, "DW_AT_identifier_case");
  public static final DwAt DW_AT_macro_info = define(0x43, "DW_AT_macro_info");
  public static final DwAt DW_AT_namelist_item = define(0x44, "DW_AT_namelist_item");
  public static final DwAt DW_AT_priority = define(0x45, "DW_AT_priority");
  public static final DwAt DW_AT_segment = define(0x46, "DW_AT_segment");
  public static final DwAt DW_AT_specification = define(0x47, "DW_AT_specification");
  public static final DwAt DW_AT_static_link = define(0x48, "DW_AT_static_link");
  public static final DwAt DW_AT_type = define(0x49, "DW_AT_type");
  public static final DwAt DW_AT_use_location = define(0x4a, "DW_AT_use_location");
  public static final DwAt DW_AT_variable_parameter = define(0x4b, "DW_AT_variable_parameter");
  public static final DwAt DW_AT_virtuality = define(0x4c, "DW_AT_virtuality");
  public static final DwAt DW_AT_vtable_elem_location = define(0x4d, "DW_AT_vtable_elem_location");
  public static final DwAt DW_AT_allocated = define(0x4e, "DW_AT_allocated");
  public static final DwAt DW_AT_associated = define(0x4f, "DW_AT_associated");
  public static final DwAt DW_AT_data_location = define(0x50, "DW_AT_data_location");
  public static final DwAt DW_AT_byte_stride = define(0x51, "DW_AT_byte_stride");
  public static final DwAt DW_AT_entry_pc = define(0x52, "DW_AT_entry_pc");
  public static final DwAt DW_AT_use_UTF8 = define(0x53, "DW_AT_use_UTF8");
  public static final DwAt DW_AT_extension = define(0x54, "DW_AT_extension");
  public static final DwAt DW_AT_ranges = define(0x55, "DW_AT_ranges");
  public static final DwAt DW_AT_trampoline = define(0x56, "DW_AT_trampoline");
  public static final DwAt DW_AT_call_column = define(0x57, "DW_AT_call_column");
  public static final DwAt DW_AT_call_file = define(0x58, "DW_AT_call_file");
  public static final DwAt DW_AT_call_line = define(0x59, "DW_AT_call_line");
  public static final DwAt DW_AT_description = define(0x5a, "DW_AT_description");
  public static final DwAt DW_AT_binary_scale = define(0x5b, "DW_AT_binary_scale");
  public static final DwAt DW_AT_decimal_scale = define(0x5c, "DW_AT_decimal_scale");
  public static final DwAt DW_AT_small = define(0x5d, "DW_AT_small");
  public static final DwAt DW_AT_decimal_sign = define(0x5e, "DW_AT_decimal_sign");
  public static final DwAt DW_AT_digit_count = define(0x5f, "DW_AT_digit_count");
  public static final DwAt DW_AT_picture_string = define(0x60, "DW_AT_picture_string");
  public static final DwAt DW_AT_mutable = define(0x61, "DW_AT_mutable");
  public static final DwAt DW_AT_threads_scaled = define(0x62, "DW_AT_threads_scaled");
  public static final DwAt DW_AT_explicit = define(0x63, "DW_AT_explicit");
  public static final DwAt DW_AT_object_pointer = define(0x64, "DW_AT_object_pointer");
  public static final DwAt DW_AT_endianity = define(0x65, "DW_AT_endianity");
  public static final DwAt DW_AT_elemental = define(0x66, "DW_AT_elemental");
  public static final DwAt DW_AT_pure = define(0x67, "DW_AT_pure");
  public static final DwAt DW_AT_recursive = define(0x68, "DW_AT_recursive");
  public static final DwAt DW_AT_signature = define(0x69, "DW_AT_signature");
  public static final DwAt DW_AT_main_subprogram = define(0x6a, "DW_AT_main_subprogram");
  public static final DwAt DW_AT_data_bit_offset = define(0x6b, "DW_AT_data_bit_offset");
  public static final DwAt DW_AT_const_expr = define(0x6c, "DW_AT_const_expr");
  public static final DwAt DW_AT_enum_class = define(0x6d, "DW_AT_enum_class");
  public static final DwAt DW_AT_linkage_name = define(0x6e, "DW_AT_linkage_name");
  public static final DwAt DW_AT_string_length_bit_size = define(0x6f, "DW_AT_string_length_bit_size");
  public static final DwAt DW_AT_string_length_byte_size = define(0x70, "DW_AT_string_length_byte_size");
  public static final DwAt DW_AT_rank = define(0x71, "DW_AT_rank");
  public static final DwAt DW_AT_str_offsets_base = define(0x72, "DW_AT_str_offsets_base");
  public static final DwAt DW_AT_addr_base = define(0x73, "DW_AT_addr_base");
  public static final DwAt DW_AT_rnglists_base = define(0x74, "DW_AT_rnglists_base");
  public static final DwAt DW_AT_dwo_name = define(0x76, "DW_AT_dwo_name");
  public static final DwAt DW_AT_reference = define(0x77, "DW_AT_reference");
  public static final DwAt DW_AT_rvalue_reference = define(0x78, "DW_AT_rvalue_reference");
  public static final DwAt DW_AT_macros = define(0x79, "DW_AT_macros");
  public static final DwAt DW_AT_call_all_calls = define(0x7a, "DW_AT_call_all_calls");
  public static final DwAt DW_AT_call_all_source_calls = define(0x7b, "DW_AT_call_all_source_calls");
  public static final DwAt DW_AT_call_all_tail_calls = define(0x7c, "DW_AT_call_all_tail_calls");
  public static final DwAt DW_AT_call_return_pc = define(0x7d, "DW_AT_call_return_pc");
  public static final DwAt DW_AT_call_value = define(0x7e, "DW_AT_call_value");
  public static final DwAt DW_AT_call_origin = define(0x7f, "DW_AT_call_origin");
  public static final DwAt DW_AT_call_parameter = define(0x80, "DW_AT_call_parameter");
  public static final DwAt DW_AT_call_pc = define(0x81, "DW_AT_call_pc");
  public static final DwAt DW_AT_call_tail_call = define(0x82, "DW_AT_call_tail_call");
  public static final DwAt DW_AT_call_target = define(0x83, "DW_AT_call_target");
  public static final DwAt DW_AT_call_target_clobbered = define(0x84, "DW_AT_call_target_clobbered");
  public static final DwAt DW_AT_call_data_location = define(0x85, "DW_AT_call_data_location");
  public static final DwAt DW_AT_call_data_value = define(0x86, "DW_AT_call_data_value");
  public static final DwAt DW_AT_noreturn = define(0x87, "DW_AT_noreturn");
  public static final DwAt DW_AT_alignment = define(0x88, "DW_AT_alignment");
  public static final DwAt DW_AT_export_symbols = define(0x89, "DW_AT_export_symbols");
  public static final DwAt DW_AT_deleted = define(0x8a, "DW_AT_deleted");
  public static final DwAt DW_AT_defaulted = define(0x8b, "DW_AT_defaulted");
  public static final DwAt DW_AT_loclists_base = define(0x8c, "DW_AT_loclists_base");
  public static final DwAt DW_AT_MIPS_linkage_name = define(0x2007, "DW_AT_MIPS_linkage_name");
  public static final DwAt DW_AT_sf_names = define(0x2101, "DW_AT_sf_names");
  public static final DwAt DW_AT_src_info = define(0x2102, "DW_AT_src_info");
  public static final DwAt DW_AT_mac_info = define(0x2103, "DW_AT_mac_info");
  public static final DwAt DW_AT_src_coords = define(0x2104, "DW_AT_src_coords");
  public static final DwAt DW_AT_body_begin = define(0x2105, "DW_AT_body_begin");
  public static final DwAt DW_AT_body_end = define(0x2106, "DW_AT_body_end");
  public static final DwAt DW_AT_GNU_vector = define(0x2107, "DW_AT_GNU_vector");
  public static final DwAt DW_AT_GNU_template_name = define(0x2110, "DW_AT_GNU_template_name");
  public static final DwAt DW_AT_GNU_call_site_value = define(0x2111, "DW_AT_GNU_call_site_value");
  public static final DwAt DW_AT_GNU_call_site_data_value = define(0x2112, "DW_AT_GNU_call_site_data_value");
  public static final DwAt DW_AT_GNU_call_site_target = define(0x2113, "DW_AT_GNU_call_site_target");
  public static final DwAt DW_AT_GNU_call_site_target_clobbered = define(0x2114, "DW_AT_GNU_call_site_target_clobbered");
  public static final DwAt DW_AT_GNU_tail_call = define(0x2115, "DW_AT_GNU_tail_call");
  public static final DwAt DW_AT_GNU_all_tail_call_sites = define(0x2116, "DW_AT_GNU_all_tail_call_sites");
  public static final DwAt DW_AT_GNU_all_call_sites = define(0x2117, "DW_AT_GNU_all_call_sites");
  public static final DwAt DW_AT_GNU_all_source_call_sites = define(0x2118, "DW_AT_GNU_all_source_call_sites");
  public static final DwAt DW_AT_GNU_macros = define(0x2119, "DW_AT_GNU_macros");
  public static final DwAt DW_AT_GNU_deleted = define(0x211a, "DW_AT_GNU_deleted");
  public static final DwAt DW_AT_GNU_dwo_name = define(0x2130, "DW_AT_GNU_dwo_name");
  public static final DwAt DW_AT_GNU_dwo_id = define(0x2131, "DW_AT_GNU_dwo_id");
  public static final DwAt DW_AT_GNU_ranges_base = define(0x2132, "DW_AT_GNU_ranges_base");
  public static final DwAt DW_AT_GNU_addr_base = define(0x2133, "DW_AT_GNU_addr_base");
  public static final DwAt DW_AT_GNU_pubnames = define(0x2134, "DW_AT_GNU_pubnames");
  public static final DwAt DW_AT_GNU_pubtypes = define(0x2135, "DW_AT_GNU_pubtypes");
  public static final DwAt DW_AT_GNU_discriminator = define(0x2136, "DW_AT_GNU_discriminator");
  public static final DwAt DW_AT_GNU_locviews = define(0x2137, "DW_AT_GNU_locviews");
  public static final DwAt DW_AT_GNU_entry_view = define(0x2138, "DW_AT_GNU_entry_view");
  public static final DwAt DW_AT_LLVM_include_path = define(0x3e00, "DW_AT_LLVM_include_path");
  public static final DwAt DW_AT_LLVM_config_macros = define(0x3e01, "DW_AT_LLVM_config_macros");
  public static final DwAt DW_AT_LLVM_sysroot = define(0x3e02, "DW_AT_LLVM_sysroot");
  public static final DwAt DW_AT_LLVM_tag_offset = define(0x3e03, "DW_AT_LLVM_tag_offset");
  public static final DwAt DW_AT_LLVM_apinotes = define(0x3e07, "DW_AT_LLVM_apinotes");
  public static final DwAt DW_AT_APPLE_optimized = define(0x3fe1, "DW_AT_APPLE_optimized");
  public static final DwAt DW_AT_APPLE_flags = define(0x3fe2, "DW_AT_APPLE_flags");
  public static final DwAt DW_AT_APPLE_isa = define(0x3fe3, "DW_AT_APPLE_isa");
  public static final DwAt DW_AT_APPLE_block = define(0x3fe4, "DW_AT_APPLE_block");
  public static final DwAt DW_AT_APPLE_major_runtime_vers = define(0x3fe5, "DW_AT_APPLE_major_runtime_vers");
  public static final DwAt DW_AT_APPLE_runtime_class = define(0x3fe6, "DW_AT_APPLE_runtime_class");
  public static final DwAt DW_AT_APPLE_omit_frame_ptr = define(0x3fe7, "DW_AT_APPLE_omit_frame_ptr");
  public static final DwAt DW_AT_APPLE_property_name = define(0x3fe8, "DW_AT_APPLE_property_name");
  public static final DwAt DW_AT_APPLE_property_getter = define(0x3fe9, "DW_AT_APPLE_property_getter");
  public static final DwAt DW_AT_APPLE_property_setter = define(0x3fea, "DW_AT_APPLE_property_setter");
  public static final DwAt DW_AT_APPLE_property_attribute = define(0x3feb, "DW_AT_APPLE_property_attribute");
  public static final DwAt DW_AT_APPLE_objc_complete_type = define(0x3fec, "DW_AT_APPLE_objc_complete_type");
  public static final DwAt DW_AT_APPLE_property = define(0x3fed, "DW_AT_APPLE_property");
  public static final DwAt DW_AT_APPLE_objc_direct = define(0x3fee, "DW_AT_APPLE_objc_direct");
  public static final DwAt DW_AT_APPLE_sdk = define(0x3fef, "DW_AT_APPLE_sdk");

  private DwAt(int code, String name) {
    super(code, name, "DW_AT_");
  }

  private static DwAt define(int code, String name) {
    DwAt c = new DwAt(code, name);
    KNOWN.put(code, c);
    return c;
  }

  /** The constant for {@code code}; unknown codes get an unnamed instance. */
  public static DwAt of(int code) {
    DwAt c = KNOWN.get(code);
    return c != null ? c : new DwAt(code, null);
  }
}
