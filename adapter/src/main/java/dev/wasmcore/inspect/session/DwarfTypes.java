package dev.wasmcore.inspect.session;

import dev.wasmcore.binary.ByteReader;
import dev.wasmcore.binary.MalformedInputException;
import dev.wasmcore.dwarf.AttributeValue;
import dev.wasmcore.dwarf.Die;
import dev.wasmcore.dwarf.DwAt;
import dev.wasmcore.inspect.types.TypeInfo;
import dev.wasmcore.inspect.types.TypeInfo.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Builds {@link TypeInfo}s from DWARF type DIEs (DWARF 5 section 5), one per DIE, cached by section offset. References
 * to other types (pointee, members, elements) are lazy, so cyclic type graphs and huge programs cost only what is
 * shown. Malformed type DIEs become an unspecified type named after the error instead of failing the whole value.
 */
final class DwarfTypes {
  // DWARF 5 section 7.5.3 tag codes.
  static final int TAG_ARRAY = 0x01;
  static final int TAG_CLASS = 0x02;
  static final int TAG_ENUMERATION = 0x04;
  static final int TAG_FORMAL_PARAMETER = 0x05;
  static final int TAG_LEXICAL_BLOCK = 0x0b;
  static final int TAG_MEMBER = 0x0d;
  static final int TAG_POINTER = 0x0f;
  static final int TAG_REFERENCE = 0x10;
  static final int TAG_COMPILE_UNIT = 0x11;
  static final int TAG_STRUCTURE = 0x13;
  static final int TAG_SUBROUTINE_TYPE = 0x15;
  static final int TAG_TYPEDEF = 0x16;
  static final int TAG_UNION = 0x17;
  static final int TAG_UNSPECIFIED_PARAMETERS = 0x18;
  static final int TAG_VARIANT = 0x19;
  static final int TAG_INHERITANCE = 0x1c;
  static final int TAG_INLINED_SUBROUTINE = 0x1d;
  static final int TAG_PTR_TO_MEMBER = 0x1f;
  static final int TAG_SUBRANGE = 0x21;
  static final int TAG_BASE = 0x24;
  static final int TAG_CONST = 0x26;
  static final int TAG_ENUMERATOR = 0x28;
  static final int TAG_SUBPROGRAM = 0x2e;
  static final int TAG_VARIABLE = 0x34;
  static final int TAG_VARIANT_PART = 0x33;
  static final int TAG_VOLATILE = 0x35;
  static final int TAG_RESTRICT = 0x37;
  static final int TAG_NAMESPACE = 0x39;
  static final int TAG_UNSPECIFIED = 0x3b;
  static final int TAG_RVALUE_REFERENCE = 0x42;
  static final int TAG_ATOMIC = 0x47;
  static final int TAG_CALL_SITE = 0x48;
  static final int TAG_CALL_SITE_PARAMETER = 0x49;
  static final int TAG_GNU_CALL_SITE = 0x4109;
  static final int TAG_GNU_CALL_SITE_PARAMETER = 0x410a;

  static final DwAt AT_BIT_OFFSET = DwAt.of(0x0c);
  static final DwAt AT_BIT_SIZE = DwAt.of(0x0d);
  static final DwAt AT_DISCR = DwAt.of(0x15);
  static final DwAt AT_DISCR_VALUE = DwAt.of(0x16);
  static final DwAt AT_CONST_VALUE = DwAt.of(0x1c);
  static final DwAt AT_LOWER_BOUND = DwAt.of(0x22);
  static final DwAt AT_UPPER_BOUND = DwAt.of(0x2f);
  static final DwAt AT_ARTIFICIAL = DwAt.of(0x34);
  static final DwAt AT_COUNT = DwAt.of(0x37);
  static final DwAt AT_DATA_MEMBER_LOCATION = DwAt.of(0x38);
  static final DwAt AT_DECLARATION = DwAt.of(0x3c);
  static final DwAt AT_DISCR_LIST = DwAt.of(0x3d);
  static final DwAt AT_ENCODING = DwAt.of(0x3e);
  static final DwAt AT_DATA_BIT_OFFSET = DwAt.of(0x6b);
  static final DwAt AT_ENUM_CLASS = DwAt.of(0x6d);

  private static final TypeInfo ERROR_TYPE = TypeInfo.builder(Kind.UNSPECIFIED).name("<bad type>").build();

  private final ConcurrentHashMap<Long, TypeInfo> cache = new ConcurrentHashMap<>();
  private final int pointerSize;

  DwarfTypes(int pointerSize) {
    this.pointerSize = pointerSize;
  }

  /** The type a DIE's {@code DW_AT_type} names ({@code void} when absent). */
  TypeInfo typeOf(Die withTypeAttribute) {
    try {
      Die t = withTypeAttribute.type();
      return t == null ? TypeInfo.VOID : of(t);
    } catch (MalformedInputException e) {
      return error(e);
    }
  }

  /** The type of a type DIE. */
  TypeInfo of(Die die) {
    if (die == null) {
      return TypeInfo.VOID;
    }
    TypeInfo t = cache.get(die.offset());
    if (t == null) {
      try {
        t = build(die);
      } catch (MalformedInputException e) {
        t = error(e);
      }
      TypeInfo prev = cache.putIfAbsent(die.offset(), t);
      if (prev != null) {
        t = prev;
      }
    }
    return t;
  }

  private static TypeInfo error(MalformedInputException e) {
    return TypeInfo.builder(Kind.UNSPECIFIED).name("<bad type: " + e.getMessage() + ">").build();
  }

  private Supplier<TypeInfo> lazyTypeOf(Die d) {
    return new Supplier<>() {
      private volatile TypeInfo t;

      @Override
      public TypeInfo get() {
        TypeInfo r = t;
        if (r == null) {
          r = typeOf(d);
          t = r;
        }
        return r;
      }
    };
  }

  private TypeInfo build(Die die) {
    int tag = die.tagCode();
    long size = die.unsigned(DwAt.DW_AT_byte_size, -1);
    String name = die.name();
    switch (tag) {
      case TAG_BASE:
        return TypeInfo.builder(Kind.BASE).name(name).byteSize(size)
            .encoding((int) die.unsigned(AT_ENCODING, TypeInfo.ATE_SIGNED)).build();
      case TAG_POINTER:
      case TAG_REFERENCE:
      case TAG_RVALUE_REFERENCE: {
        Kind k = tag == TAG_POINTER ? Kind.POINTER : tag == TAG_REFERENCE ? Kind.REFERENCE : Kind.RVALUE_REFERENCE;
        return TypeInfo.builder(k).name(name).byteSize(size < 0 ? pointerSize : size).target(lazyTypeOf(die))
            .build();
      }
      case TAG_PTR_TO_MEMBER:
        return TypeInfo.builder(Kind.PTR_TO_MEMBER).name(name).byteSize(size < 0 ? pointerSize : size)
            .target(lazyTypeOf(die)).build();
      case TAG_CONST:
      case TAG_VOLATILE:
      case TAG_RESTRICT:
      case TAG_ATOMIC: {
        Kind k = tag == TAG_CONST ? Kind.CONST : tag == TAG_VOLATILE ? Kind.VOLATILE
            : tag == TAG_RESTRICT ? Kind.RESTRICT : Kind.ATOMIC;
        return TypeInfo.builder(k).target(lazyTypeOf(die)).build();
      }
      case TAG_TYPEDEF:
        return TypeInfo.builder(Kind.TYPEDEF).name(qualified(die)).target(lazyTypeOf(die)).build();
      case TAG_ARRAY: {
        List<Long> dims = new ArrayList<>();
        for (Die c : die.children()) {
          if (c.tagCode() == TAG_SUBRANGE || c.tagCode() == TAG_ENUMERATION) {
            dims.add(count(c));
          }
        }
        return TypeInfo.builder(Kind.ARRAY).name(name).byteSize(size).target(lazyTypeOf(die)).dimensions(dims)
            .build();
      }
      case TAG_STRUCTURE:
      case TAG_CLASS:
      case TAG_UNION:
        return aggregate(die, tag, size);
      case TAG_ENUMERATION: {
        List<TypeInfo.Enumerator> list = new ArrayList<>();
        TypeInfo underlying = die.type() == null ? null : typeOf(die);
        boolean signed = underlying != null && dev.wasmcore.inspect.value.Value.isSigned(underlying.strip());
        for (Die c : die.children()) {
          if (c.tagCode() == TAG_ENUMERATOR) {
            AttributeValue v = c.attribute(AT_CONST_VALUE);
            if (v != null && v.isConstant()) {
              list.add(new TypeInfo.Enumerator(c.name(), signed || v.isSignedForm() ? v.asSigned() : v.asUnsigned()));
            }
          }
        }
        TypeInfo.Builder b = TypeInfo.builder(Kind.ENUM).name(qualified(die)).byteSize(size).enumerators(list)
            .enumFlags(!die.flag(AT_ENUM_CLASS)).declaration(die.flag(AT_DECLARATION));
        if (underlying != null) {
          b.target(underlying);
        }
        return b.build();
      }
      case TAG_SUBROUTINE_TYPE: {
        List<Supplier<TypeInfo>> params = new ArrayList<>();
        for (Die c : die.children()) {
          if (c.tagCode() == TAG_FORMAL_PARAMETER) {
            params.add(lazyTypeOf(c));
          } else if (c.tagCode() == TAG_UNSPECIFIED_PARAMETERS) {
            params.add(() -> null);
          }
        }
        return TypeInfo.builder(Kind.FUNCTION).name(name).target(lazyTypeOf(die)).parameters(params).build();
      }
      case TAG_UNSPECIFIED:
        return TypeInfo.builder(Kind.UNSPECIFIED).name(name == null ? "void" : name).byteSize(size).build();
      default:
        return TypeInfo.builder(Kind.UNSPECIFIED).name(name == null ? "<" + die.tag() + ">" : name)
            .byteSize(size).build();
    }
  }

  /** Element count of a subrange: DW_AT_count, or upper - lower + 1; -1 when unknown (flexible arrays). */
  private static long count(Die sub) {
    AttributeValue c = sub.attribute(AT_COUNT);
    if (c != null && c.isConstant()) {
      return c.asUnsigned();
    }
    AttributeValue ub = sub.attribute(AT_UPPER_BOUND);
    if (ub == null || !ub.isConstant()) {
      return -1;
    }
    long upper = ub.isSignedForm() ? ub.asSigned() : ub.asUnsigned();
    if (upper == -1 || upper == 0xFFFFFFFFL) {
      return upper == -1 ? 0 : -1;
    }
    AttributeValue lb = sub.attribute(AT_LOWER_BOUND);
    long lower = lb != null && lb.isConstant() ? lb.asSigned() : 0;
    return upper - lower + 1;
  }

  static String qualified(Die d) {
    String q = d.qualifiedName();
    return q != null ? q : d.name();
  }

  private TypeInfo aggregate(Die die, int tag, long size) {
    Kind k = tag == TAG_STRUCTURE ? Kind.STRUCT : tag == TAG_CLASS ? Kind.CLASS : Kind.UNION;
    List<TypeInfo.Member> members = new ArrayList<>();
    TypeInfo.VariantPart variantPart = null;
    for (Die c : die.children()) {
      int ct = c.tagCode();
      if (ct == TAG_MEMBER || ct == TAG_INHERITANCE) {
        if (c.flag(AT_DECLARATION) || c.has(DwAt.DW_AT_external)) {
          continue; // a static member: not part of the object
        }
        members.add(member(c, ct == TAG_INHERITANCE));
      } else if (ct == TAG_VARIANT_PART) {
        variantPart = variantPart(c);
      }
    }
    return TypeInfo.builder(k).name(qualified(die)).byteSize(size).members(members).variantPart(variantPart)
        .declaration(die.flag(AT_DECLARATION)).build();
  }

  private TypeInfo.Member member(Die c, boolean inheritance) {
    long offset = memberOffset(c);
    int bitSize = (int) c.unsigned(AT_BIT_SIZE, 0);
    long bitOffset = 0;
    if (bitSize > 0) {
      AttributeValue dbo = c.attribute(AT_DATA_BIT_OFFSET);
      if (dbo != null) {
        // DWARF 4+: bits from the start of the containing object.
        long bits = dbo.asUnsigned();
        offset += bits / 8;
        bitOffset = bits % 8;
      } else {
        AttributeValue bo = c.attribute(AT_BIT_OFFSET);
        if (bo != null) {
          // DWARF 2/3: counted from the most significant bit of a storage unit of DW_AT_byte_size bytes.
          long storage = c.unsigned(DwAt.DW_AT_byte_size, -1);
          if (storage < 0) {
            storage = Math.max(1, typeOf(c).size());
          }
          bitOffset = storage * 8 - bo.asSigned() - bitSize;
          if (bitOffset < 0) {
            bitOffset = 0;
          }
        }
      }
    }
    return new TypeInfo.Member(c.name(), lazyTypeOf(c), offset, bitSize, bitOffset, inheritance,
        c.flag(AT_ARTIFICIAL));
  }

  /** DW_AT_data_member_location: a constant, or (DWARF 2/3) an expression, usually DW_OP_plus_uconst N. */
  private static long memberOffset(Die c) {
    AttributeValue v = c.attribute(AT_DATA_MEMBER_LOCATION);
    if (v == null) {
      return 0;
    }
    if (v.isConstant()) {
      return v.asUnsigned();
    }
    ByteReader r = v.asBlock().reader();
    if (r.hasRemaining() && r.peekU8() == 0x23) {
      r.u8();
      return r.uleb128();
    }
    if (r.hasRemaining() && (r.peekU8() == 0x10 || r.peekU8() == 0x11)) {
      boolean signed = r.u8() == 0x11;
      return signed ? r.sleb128() : r.uleb128();
    }
    throw r.error("unsupported DW_AT_data_member_location expression");
  }

  private TypeInfo.VariantPart variantPart(Die vp) {
    TypeInfo.Member discr = null;
    AttributeValue d = vp.attribute(AT_DISCR);
    Die discrDie = d == null ? null : d.asReference();
    List<TypeInfo.Variant> variants = new ArrayList<>();
    for (Die c : vp.children()) {
      if (c.tagCode() == TAG_MEMBER && discrDie != null && c.offset() == discrDie.offset()) {
        discr = member(c, false);
      } else if (c.tagCode() == TAG_VARIANT) {
        List<long[]> values = new ArrayList<>();
        AttributeValue dv = c.attribute(AT_DISCR_VALUE);
        if (dv != null && dv.isConstant()) {
          values.add(new long[] {dv.isSignedForm() ? dv.asSigned() : dv.asUnsigned()});
        }
        AttributeValue dl = c.attribute(AT_DISCR_LIST);
        if (dl != null) {
          ByteReader r = dl.asBlock().reader();
          for (int guard = 0; r.hasRemaining() && guard < 4096; guard++) {
            int kind = r.u8();
            long lo = r.uleb128();
            long hi = kind == 1 ? r.uleb128() : lo;
            values.add(new long[] {lo, hi});
          }
        }
        TypeInfo.Member m = null;
        for (Die vc : c.children()) {
          if (vc.tagCode() == TAG_MEMBER) {
            m = member(vc, false);
            break;
          }
        }
        if (m != null) {
          variants.add(new TypeInfo.Variant(values, m));
        }
      }
    }
    if (discr == null && discrDie != null) {
      discr = member(discrDie, false);
    }
    return new TypeInfo.VariantPart(discr, variants);
  }
}
