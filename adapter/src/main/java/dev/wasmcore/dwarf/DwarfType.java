package dev.wasmcore.dwarf;

import dev.wasmcore.binary.ByteReader;
import dev.wasmcore.binary.ByteRegion;
import dev.wasmcore.binary.MalformedInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * A view of a type DIE (DWARF 5 chapter 5) with the facts a value renderer needs, decoded on demand: base types
 * (5.1), modifiers (pointer, reference, rvalue reference, const, volatile, restrict, atomic; 5.3), typedefs (5.4),
 * arrays with their subranges (5.5), structures, classes and unions with members, bit fields and inheritance (5.7),
 * Rust's variant parts (5.7.10), enumerations (5.8), subroutine types (5.9), pointer-to-member (5.14) and
 * unspecified types (5.2). Referenced types are resolved lazily, so cyclic type graphs are safe to walk as long as
 * the walker bounds its own depth. A {@code ref_sig8} reference leads into the type unit that defines the type.
 */
public final class DwarfType {
  private final Die die;

  private DwarfType(Die die) {
    this.die = die;
  }

  /** A view of {@code die}; null when {@code die} is null (the {@code void} of an absent {@code DW_AT_type}). */
  public static DwarfType of(Die die) {
    return die == null ? null : new DwarfType(die);
  }

  /** The type named by {@code DW_AT_type} of any DIE (variable, member, subprogram), or null for void/none. */
  public static DwarfType typeOf(Die die) {
    return of(die.type());
  }

  public Die die() {
    return die;
  }

  public DwTag tag() {
    return die.tag();
  }

  /** {@code DW_AT_name}, or null (anonymous types, unnamed pointers). */
  public String name() {
    return die.name();
  }

  /** The qualified name from the DIE tree (namespaces, enclosing classes), or null. */
  public String qualifiedName() {
    return die.qualifiedName();
  }

  /** {@code DW_AT_byte_size}, or -1 when absent or not a constant (pointers then have the address size). */
  public long byteSize() {
    AttributeValue v = die.attribute(DwAt.DW_AT_byte_size);
    if (v != null && v.isConstant()) {
      return v.asUnsigned();
    }
    int t = die.tagCode();
    if (t == 0x0f || t == 0x10 || t == 0x42) {
      return die.unit().header().addressSize();
    }
    return -1;
  }

  /** {@code DW_AT_bit_size} of a base type, or -1. */
  public long bitSize() {
    AttributeValue v = die.attribute(DwAt.DW_AT_bit_size);
    return v != null && v.isConstant() ? v.asUnsigned() : -1;
  }

  /** {@code DW_AT_encoding} of a base type, or null. */
  public DwAte encoding() {
    AttributeValue v = die.attribute(DwAt.DW_AT_encoding);
    return v != null ? DwAte.of((int) v.asUnsigned()) : null;
  }

  /** The type a modifier, typedef, array, enumeration or pointer refers to ({@code DW_AT_type}); null for void. */
  public DwarfType target() {
    return of(die.type());
  }

  /** Whether the DIE is only a declaration ({@code DW_AT_declaration}); its members live elsewhere. */
  public boolean isDeclaration() {
    return die.flag(DwAt.DW_AT_declaration);
  }

  /** For a C++11 {@code enum class}: {@code DW_AT_enum_class}. */
  public boolean isEnumClass() {
    return die.flag(DwAt.DW_AT_enum_class);
  }

  /** Whether the type is a typedef or cv/atomic modifier whose meaning is its {@link #target()}. */
  public boolean isTransparent() {
    int t = die.tagCode();
    return t == 0x16 || t == 0x26 || t == 0x35 || t == 0x37 || t == 0x47;
  }

  /** Follows typedefs and cv-qualifiers to the type that gives the layout (bounded; null for void). */
  public DwarfType stripTypedefsAndQualifiers() {
    DwarfType t = this;
    for (int i = 0; i < 64 && t != null && t.isTransparent(); i++) {
      t = t.target();
    }
    return t;
  }

  // ------------------------------------------------------------------------------------------------ arrays

  /** One dimension of an array: {@code DW_TAG_subrange_type} (or {@code DW_TAG_enumeration_type} index). */
  public record Dimension(long lowerBound, long count, DwarfType indexType) {
    /** Whether the element count is unknown (a flexible or dynamically sized array). */
    public boolean isUnknown() {
      return count < 0;
    }
  }

  /**
   * The dimensions of an array type, outermost first. The count is {@code DW_AT_count}, else
   * {@code upper_bound - lower_bound + 1}, else -1 (unknown, or given by an expression). The default lower bound is 0
   * (1 for Fortran-like languages is not applied: wasm languages are C-like and Rust).
   */
  public List<Dimension> dimensions() {
    List<Dimension> out = new ArrayList<>();
    for (Die c : die.children()) {
      if (c.tagCode() != 0x21 && c.tagCode() != 0x04 && c.tagCode() != 0x45) {
        continue;
      }
      long lower = 0;
      AttributeValue lb = c.attribute(DwAt.DW_AT_lower_bound);
      if (lb != null && lb.isConstant()) {
        lower = lb.asSigned();
      }
      long count = -1;
      AttributeValue cnt = c.attribute(DwAt.DW_AT_count);
      AttributeValue ub = c.attribute(DwAt.DW_AT_upper_bound);
      if (cnt != null && cnt.isConstant()) {
        count = cnt.asUnsigned();
      } else if (ub != null && ub.isConstant()) {
        long upper = ub.formCode() == 0x0d ? ub.asSigned() : ub.asUnsigned();
        // An upper bound of -1 (all ones in its form) marks an empty or unknown-size array.
        count = ub.asSigned() == -1 && lower == 0 ? 0 : upper - lower + 1;
        if (count < 0) {
          count = -1;
        }
      }
      out.add(new Dimension(lower, count, of(c.type())));
    }
    return out;
  }

  // ------------------------------------------------------------------------------------------------ members

  /**
   * A data member or base class of a structure, class or union (DWARF 5 section 5.7.3 and 5.7.6).
   *
   * @param die the {@code DW_TAG_member} or {@code DW_TAG_inheritance} DIE
   * @param name the member name, null for anonymous members and base classes
   * @param type the member type
   * @param byteOffset the offset of the member from the start of the object, when a constant or a
   *     {@code DW_OP_plus_uconst}/{@code DW_OP_constu} expression gives it; -1 otherwise (see {@code locationExpr})
   * @param locationExpr the {@code DW_AT_data_member_location} expression when it is not a plain offset, else null
   * @param bitSize for bit fields, the number of bits, else -1
   * @param bitOffset for bit fields, the offset in bits from the start of the object (from
   *     {@code DW_AT_data_bit_offset}, or converted from DWARF 2/3 {@code DW_AT_bit_offset} with the little-endian
   *     rule), else -1
   * @param inheritance whether this is a base class ({@code DW_TAG_inheritance})
   * @param artificial {@code DW_AT_artificial} (e.g. vtable pointers)
   */
  public record Member(Die die, String name, DwarfType type, long byteOffset, DwarfExpression locationExpr,
      long bitSize, long bitOffset, boolean inheritance, boolean artificial) {
    public boolean isBitField() {
      return bitSize >= 0;
    }
  }

  /**
   * The data members and base classes in declaration order. Static members (declarations, or
   * {@code DW_TAG_variable} children in DWARF 5) are left out; a variant part is reported by {@link #variantPart()}.
   */
  public List<Member> members() {
    return membersOf(die);
  }

  static List<Member> membersOf(Die parent) {
    List<Member> out = new ArrayList<>();
    for (Die c : parent.children()) {
      int t = c.tagCode();
      if (t != 0x0d && t != 0x1c) {
        continue;
      }
      if (t == 0x0d && (c.flag(DwAt.DW_AT_declaration) || c.flag(DwAt.DW_AT_external))
          && !c.has(DwAt.DW_AT_data_member_location)) {
        continue; // a static data member
      }
      out.add(member(c));
    }
    return out;
  }

  static Member member(Die c) {
    long byteOffset = -1;
    DwarfExpression expr = null;
    AttributeValue loc = c.attribute(DwAt.DW_AT_data_member_location);
    if (loc == null) {
      byteOffset = 0; // union members and the first member may omit it
    } else if (loc.isConstant()) {
      byteOffset = loc.asUnsigned();
    } else if (loc.formClass() == AttributeValue.FormClass.EXPRLOC
        || loc.formClass() == AttributeValue.FormClass.BLOCK) {
      byteOffset = simpleOffset(loc.asBlock());
      if (byteOffset < 0) {
        expr = loc.asExpression();
      }
    }
    long bitSize = -1;
    long bitOffset = -1;
    AttributeValue bs = c.attribute(DwAt.DW_AT_bit_size);
    if (bs != null && bs.isConstant()) {
      bitSize = bs.asUnsigned();
      AttributeValue dbo = c.attribute(DwAt.DW_AT_data_bit_offset);
      if (dbo != null && dbo.isConstant()) {
        bitOffset = dbo.asUnsigned();
      } else {
        AttributeValue bo = c.attribute(DwAt.DW_AT_bit_offset);
        AttributeValue storage = c.attribute(DwAt.DW_AT_byte_size);
        long base = byteOffset >= 0 ? byteOffset * 8 : 0;
        if (bo != null && bo.isConstant()) {
          // DWARF 2/3: bit_offset counts from the most significant bit of the storage unit; on a little-endian
          // target the offset from the start is storage_bits - bit_offset - bit_size.
          long storageBytes = storage != null && storage.isConstant() ? storage.asUnsigned()
              : Math.max(1, DwarfType.of(c.type()) != null ? DwarfType.of(c.type()).byteSize() : 4);
          bitOffset = base + storageBytes * 8 - bo.asSigned() - bitSize;
        } else {
          bitOffset = base;
        }
      }
    }
    String name = c.name();
    return new Member(c, name, of(c.type()), byteOffset, expr, bitSize, bitOffset, c.tagCode() == 0x1c,
        c.flag(DwAt.DW_AT_artificial));
  }

  /** The offset of {@code DW_OP_plus_uconst N} or {@code DW_OP_constu N} (DWARF 2 member locations), else -1. */
  private static long simpleOffset(ByteRegion expr) {
    try {
      ByteReader r = expr.reader();
      if (!r.hasRemaining()) {
        return -1;
      }
      int op = r.u8();
      if (op != 0x23 && op != 0x10) {
        return -1;
      }
      long v = r.uleb128();
      return r.hasRemaining() ? -1 : v;
    } catch (MalformedInputException e) {
      return -1;
    }
  }

  // ------------------------------------------------------------------------------------------------ enums

  /**
   * An enumerator (DWARF 5 section 5.8): its name and value. {@code value} is the constant as encoded; when
   * {@code signed} is false it is unsigned (data forms of an unsigned enumeration), and a consumer should truncate
   * it to the enumeration's size.
   */
  public record Enumerator(String name, long value, boolean signed) {}

  /** The enumerators of an enumeration type, in order. */
  public List<Enumerator> enumerators() {
    boolean signedBase = true;
    DwarfType base = target();
    if (base != null) {
      DwarfType b = base.stripTypedefsAndQualifiers();
      DwAte e = b != null ? b.encoding() : null;
      signedBase = e == null || e.isSignedInteger();
    }
    List<Enumerator> out = new ArrayList<>();
    for (Die c : die.children()) {
      if (c.tagCode() != 0x28) {
        continue;
      }
      AttributeValue v = c.attribute(DwAt.DW_AT_const_value);
      if (v == null || !v.isConstant()) {
        continue;
      }
      boolean signed = v.isSignedForm() || signedBase && v.formCode() != 0x0f;
      out.add(new Enumerator(c.name(), signed ? v.asSigned() : v.asUnsigned(), signed));
    }
    return out;
  }

  // ------------------------------------------------------------------------------------------------ variants

  /**
   * A variant part (DWARF 5 section 5.7.10), as Rust emits for enums: the discriminant member (absent for a
   * single-variant enum) and the variants.
   */
  public record VariantPart(Die die, Member discriminant, List<Variant> variants) {}

  /**
   * One variant: the discriminant value that selects it ({@code DW_AT_discr_value}, null for the default variant),
   * or the ranges of {@code DW_AT_discr_list}, and its members (Rust: one member named after the variant, whose
   * type is the variant's struct).
   */
  public record Variant(Die die, Long discrValue, List<long[]> discrRanges, List<Member> members) {
    public boolean isDefault() {
      return discrValue == null && discrRanges.isEmpty();
    }
  }

  /** The variant part of a structure, or null when it has none. */
  public VariantPart variantPart() {
    for (Die c : die.children()) {
      if (c.tagCode() != 0x33) {
        continue;
      }
      Member discr = null;
      AttributeValue d = c.attribute(DwAt.DW_AT_discr);
      if (d != null && d.formClass() == AttributeValue.FormClass.REFERENCE) {
        Die m = d.asReference();
        discr = member(m);
      }
      List<Variant> variants = new ArrayList<>();
      for (Die v : c.children()) {
        if (v.tagCode() == 0x0d && discr == null) {
          continue;
        }
        if (v.tagCode() != 0x19) {
          continue;
        }
        Long value = null;
        List<long[]> ranges = new ArrayList<>();
        AttributeValue dv = v.attribute(DwAt.DW_AT_discr_value);
        if (dv != null && dv.isConstant()) {
          value = dv.isSignedForm() ? dv.asSigned() : dv.asUnsigned();
        }
        AttributeValue dl = v.attribute(DwAt.DW_AT_discr_list);
        if (dl != null && dl.formClass() == AttributeValue.FormClass.BLOCK) {
          ranges = discrList(dl.asBlock());
        }
        variants.add(new Variant(v, value, ranges, membersOf(v)));
      }
      return new VariantPart(c, discr, variants);
    }
    return null;
  }

  /** {@code DW_AT_discr_list}: DW_DSC_label (0) value, or DW_DSC_range (1) low high; ULEB values. */
  private static List<long[]> discrList(ByteRegion block) {
    List<long[]> out = new ArrayList<>();
    ByteReader r = block.reader();
    while (r.hasRemaining()) {
      int kind = r.u8();
      if (kind == 0) {
        long v = r.uleb128();
        out.add(new long[] {v, v});
      } else {
        long lo = r.uleb128();
        long hi = r.uleb128();
        out.add(new long[] {lo, hi});
      }
    }
    return out;
  }

  // ------------------------------------------------------------------------------------------------ functions

  /** The parameter types of a subroutine type (DW_TAG_formal_parameter children), in order. */
  public List<DwarfType> parameterTypes() {
    List<DwarfType> out = new ArrayList<>();
    for (Die c : die.children()) {
      if (c.tagCode() == 0x05) {
        out.add(of(c.type()));
      }
    }
    return out;
  }

  /** Whether a subroutine type is variadic ({@code DW_TAG_unspecified_parameters} child). */
  public boolean isVariadic() {
    for (Die c : die.children()) {
      if (c.tagCode() == 0x18) {
        return true;
      }
    }
    return false;
  }

  /** For a pointer-to-member type, the class it points into ({@code DW_AT_containing_type}), or null. */
  public DwarfType containingType() {
    AttributeValue v = die.attribute(DwAt.DW_AT_containing_type);
    return v != null ? of(v.asReference()) : null;
  }

  /** Template type and value parameters of a class template instance (name and type or value DIEs). */
  public List<Die> templateParameters() {
    List<Die> out = new ArrayList<>();
    for (Die c : die.children()) {
      if (c.tagCode() == 0x2f || c.tagCode() == 0x30) {
        out.add(c);
      }
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DwarfType && ((DwarfType) o).die.equals(die);
  }

  @Override
  public int hashCode() {
    return die.hashCode();
  }

  @Override
  public String toString() {
    return die.toString();
  }
}
