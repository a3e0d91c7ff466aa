package dev.wasmcore.inspect.types;

import java.util.List;
import java.util.function.Supplier;

/**
 * A source type as the value layer needs it, built from DWARF type DIEs (DWARF 5 section 5) by the session, or by
 * hand in tests. Type graphs have cycles (a struct holding a pointer to itself), so references to other types are
 * lazy {@link Supplier}s; a {@code TypeInfo} itself is immutable once built.
 */
public final class TypeInfo {
  /** The DWARF type tags the value layer distinguishes. */
  public enum Kind {
    /** DW_TAG_base_type. */
    BASE,
    /** DW_TAG_pointer_type. */
    POINTER,
    /** DW_TAG_reference_type. */
    REFERENCE,
    /** DW_TAG_rvalue_reference_type. */
    RVALUE_REFERENCE,
    /** DW_TAG_ptr_to_member_type. */
    PTR_TO_MEMBER,
    /** DW_TAG_array_type. */
    ARRAY,
    STRUCT,
    CLASS,
    UNION,
    /** DW_TAG_enumeration_type. */
    ENUM,
    TYPEDEF,
    CONST,
    VOLATILE,
    RESTRICT,
    ATOMIC,
    /** DW_TAG_subroutine_type. */
    FUNCTION,
    /** No type (DW_AT_type absent): {@code void}. */
    VOID,
    /** DW_TAG_unspecified_type (e.g. {@code decltype(nullptr)}). */
    UNSPECIFIED
  }

  /** DW_ATE base type encodings (DWARF 5 section 7.8). */
  public static final int ATE_ADDRESS = 0x01;
  public static final int ATE_BOOLEAN = 0x02;
  public static final int ATE_COMPLEX_FLOAT = 0x03;
  public static final int ATE_FLOAT = 0x04;
  public static final int ATE_SIGNED = 0x05;
  public static final int ATE_SIGNED_CHAR = 0x06;
  public static final int ATE_UNSIGNED = 0x07;
  public static final int ATE_UNSIGNED_CHAR = 0x08;
  public static final int ATE_UTF = 0x10;

  private final Kind kind;
  private final String name;
  private final long byteSize;
  private final int encoding;
  private final Supplier<TypeInfo> target;
  private final List<Long> dimensions;
  private final List<Member> members;
  private final VariantPart variantPart;
  private final List<Enumerator> enumerators;
  private final List<Supplier<TypeInfo>> parameters;
  private final boolean enumFlags;
  private final boolean declaration;

  private TypeInfo(Builder b) {
    this.kind = b.kind;
    this.name = b.name;
    this.byteSize = b.byteSize;
    this.encoding = b.encoding;
    this.target = b.target;
    this.dimensions = List.copyOf(b.dimensions);
    this.members = List.copyOf(b.members);
    this.variantPart = b.variantPart;
    this.enumerators = List.copyOf(b.enumerators);
    this.parameters = List.copyOf(b.parameters);
    this.enumFlags = b.enumFlags;
    this.declaration = b.declaration;
  }

  public static Builder builder(Kind kind) {
    return new Builder(kind);
  }

  /** The {@code void} type. */
  public static final TypeInfo VOID = builder(Kind.VOID).name("void").byteSize(0).build();

  public Kind kind() {
    return kind;
  }

  /** The name as the DWARF gives it (qualified: namespaces, classes, Rust modules), or null when anonymous. */
  public String name() {
    return name;
  }

  /** DW_AT_byte_size, or -1 when unknown (computed for arrays and typedefs by {@link #size()}). */
  public long byteSize() {
    return byteSize;
  }

  /** DW_AT_encoding of a base type. */
  public int encoding() {
    return encoding;
  }

  /** Pointee, element, aliased or qualified type, enum underlying type, function return type; null for none. */
  public TypeInfo target() {
    if (target == null) {
      return kind == Kind.POINTER || kind == Kind.TYPEDEF || kind == Kind.CONST || kind == Kind.VOLATILE
          || kind == Kind.FUNCTION || kind == Kind.REFERENCE || kind == Kind.RVALUE_REFERENCE
          || kind == Kind.RESTRICT || kind == Kind.ATOMIC ? VOID : null;
    }
    TypeInfo t = target.get();
    return t == null ? VOID : t;
  }

  /** Array dimensions, outermost first; -1 for an unknown count (a flexible array). */
  public List<Long> dimensions() {
    return dimensions;
  }

  public List<Member> members() {
    return members;
  }

  /** The Rust enum variant part (DW_TAG_variant_part), or null. */
  public VariantPart variantPart() {
    return variantPart;
  }

  public List<Enumerator> enumerators() {
    return enumerators;
  }

  public List<Supplier<TypeInfo>> parameters() {
    return parameters;
  }

  /** DW_AT_enum_class absent and every enumerator a power of two: shown as {@code A | B}. */
  public boolean enumFlags() {
    return enumFlags;
  }

  /** DW_AT_declaration: an incomplete type. */
  public boolean declaration() {
    return declaration;
  }

  /** True for structs, classes and unions. */
  public boolean isAggregate() {
    return kind == Kind.STRUCT || kind == Kind.CLASS || kind == Kind.UNION;
  }

  public boolean isPointerLike() {
    return kind == Kind.POINTER || kind == Kind.REFERENCE || kind == Kind.RVALUE_REFERENCE;
  }

  /** The type with typedefs and cv-qualifiers removed (bounded: cycles end at {@code maxDepth}). */
  public TypeInfo strip() {
    TypeInfo t = this;
    for (int i = 0; i < 64; i++) {
      switch (t.kind) {
        case TYPEDEF, CONST, VOLATILE, RESTRICT, ATOMIC -> t = t.target();
        default -> {
          return t;
        }
      }
    }
    return t;
  }

  /** The size in bytes, following typedefs and computing arrays; -1 when unknown. */
  public long size() {
    return size(0);
  }

  private long size(int depth) {
    if (depth > 64) {
      return -1;
    }
    if (byteSize >= 0 && kind != Kind.ARRAY) {
      return byteSize;
    }
    switch (kind) {
      case TYPEDEF, CONST, VOLATILE, RESTRICT, ATOMIC, ENUM:
        return target == null ? byteSize : target().size(depth + 1);
      case ARRAY: {
        if (byteSize >= 0) {
          return byteSize;
        }
        long n = 1;
        for (long d : dimensions) {
          if (d < 0) {
            return -1;
          }
          n = Math.multiplyExact(n, d);
        }
        long e = target().size(depth + 1);
        return e < 0 ? -1 : Math.multiplyExact(n, e);
      }
      case VOID:
        return 0;
      default:
        return byteSize;
    }
  }

  /** The type spelled as C/C++ declarations (or Rust names) spell it: {@code const char *}, {@code int[4]}. */
  public String displayName() {
    return TypeNames.spell(this);
  }

  /** A declaration of {@code name} with this type, as C spells it: {@code char name[12]}, {@code int (*f)(int)}. */
  public String declare(String name) {
    return TypeNames.declare(this, name);
  }

  @Override
  public String toString() {
    return displayName();
  }

  /**
   * A data member, a base class (DW_TAG_inheritance) or a variant's member.
   *
   * @param name null for anonymous members
   * @param type the member's type
   * @param offset byte offset from the start of the containing object
   * @param bitSize bit size of a bitfield, 0 for an ordinary member
   * @param bitOffset bit offset of a bitfield from {@code offset} (little-endian bit numbering)
   * @param inheritance true for a base class
   * @param artificial DW_AT_artificial (e.g. a Rust enum's discriminant, a vtable pointer)
   */
  public record Member(String name, Supplier<TypeInfo> type, long offset, int bitSize, long bitOffset,
      boolean inheritance, boolean artificial) {
    public TypeInfo typeInfo() {
      TypeInfo t = type == null ? null : type.get();
      return t == null ? VOID : t;
    }
  }

  /**
   * A Rust enum's DW_TAG_variant_part (DWARF 5 section 5.7.10).
   *
   * @param discriminant the member holding the discriminant (or the niche), or null
   * @param variants the variants in order
   */
  public record VariantPart(Member discriminant, List<Variant> variants) {}

  /**
   * One DW_TAG_variant.
   *
   * @param discrValues the discriminant values selecting it (DW_AT_discr_value), or ranges from DW_AT_discr_list as
   *     pairs {@code [lo, hi]}; empty for the default variant
   * @param member the variant's member (a struct named after the variant)
   */
  public record Variant(List<long[]> discrValues, Member member) {
    public boolean isDefault() {
      return discrValues.isEmpty();
    }
  }

  /** DW_TAG_enumerator. */
  public record Enumerator(String name, long value) {}

  /** Builds a {@link TypeInfo}. */
  public static final class Builder {
    private final Kind kind;
    private String name;
    private long byteSize = -1;
    private int encoding;
    private Supplier<TypeInfo> target;
    private List<Long> dimensions = List.of();
    private List<Member> members = List.of();
    private VariantPart variantPart;
    private List<Enumerator> enumerators = List.of();
    private List<Supplier<TypeInfo>> parameters = List.of();
    private boolean enumFlags;
    private boolean declaration;

    Builder(Kind kind) {
      this.kind = kind;
    }

    public Builder name(String n) {
      this.name = n;
      return this;
    }

    public Builder byteSize(long s) {
      this.byteSize = s;
      return this;
    }

    public Builder encoding(int e) {
      this.encoding = e;
      return this;
    }

    public Builder target(Supplier<TypeInfo> t) {
      this.target = t;
      return this;
    }

    public Builder target(TypeInfo t) {
      this.target = t == null ? null : () -> t;
      return this;
    }

    public Builder dimensions(List<Long> d) {
      this.dimensions = d;
      return this;
    }

    public Builder members(List<Member> m) {
      this.members = m;
      return this;
    }

    public Builder variantPart(VariantPart v) {
      this.variantPart = v;
      return this;
    }

    public Builder enumerators(List<Enumerator> e) {
      this.enumerators = e;
      return this;
    }

    public Builder parameters(List<Supplier<TypeInfo>> p) {
      this.parameters = p;
      return this;
    }

    public Builder enumFlags(boolean f) {
      this.enumFlags = f;
      return this;
    }

    public Builder declaration(boolean d) {
      this.declaration = d;
      return this;
    }

    public TypeInfo build() {
      return new TypeInfo(this);
    }
  }
}
