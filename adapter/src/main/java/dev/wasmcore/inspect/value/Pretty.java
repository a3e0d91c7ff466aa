package dev.wasmcore.inspect.value;

import dev.wasmcore.inspect.VariableView.ValueState;
import dev.wasmcore.inspect.types.TypeInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Readable forms of common library types, recognised by their DWARF names and member layout (never by assumed
 * offsets): Rust {@code &str}, {@code String}, {@code Vec<T>}, slices, enums with data (variant parts, tagged and
 * niche layouts, {@code Option}, {@code Result}), and libc++ {@code std::string} (short and long forms) and
 * {@code std::vector<T>}. The raw members stay reachable under a {@code [raw]} child.
 */
public final class Pretty {
  private Pretty() {}

  private static final Pattern RUST_STR = Pattern.compile("^&(mut )?str$");
  private static final Pattern RUST_SLICE = Pattern.compile("^&(mut )?\\[.*\\]$");
  private static final Pattern RUST_STRING = Pattern.compile("^(alloc::string::)?String$");
  private static final Pattern RUST_VEC = Pattern.compile("^(alloc::vec::)?Vec<.*>$");
  private static final Pattern CPP_STRING = Pattern.compile(
      "^std::(__\\w+::)?(basic_string<char(,.*)?>|string)$");
  private static final Pattern CPP_VECTOR = Pattern.compile("^std::(__\\w+::)?vector<.*>$");

  /** A readable form of a value. */
  public interface Form {
    /** The one-line value. */
    String summary(boolean hex);

    /** True for sequences whose elements are shown as indexed children. */
    default boolean isSequence() {
      return false;
    }

    /** Number of elements for sequences (bytes for strings), else -1. */
    default long length() {
      return -1;
    }

    /** Element {@code i} of a sequence. */
    default Value element(long i) {
      throw new ValueUnavailableException(ValueState.ERROR, "not a sequence");
    }

    /** Named fields shown besides {@code [raw]} (an enum's active variant fields). */
    default List<Field> fields() {
      return List.of();
    }

    /** The active variant's name for enums, else null. */
    default String variant() {
      return null;
    }

    /** A member reachable by name besides the raw members (a variant by its name), else null. */
    default Value variantMember(String name) {
      return null;
    }
  }

  /** A named child of a readable form. */
  public record Field(String name, Value value, String accessor) {}

  /** The readable form of {@code v}, or null when its type has none. */
  public static Form of(Value v) {
    TypeInfo st = v.type().strip();
    if (st.variantPart() != null) {
      return new EnumForm(v, st);
    }
    String name = st.name();
    if (name == null || !st.isAggregate()) {
      return null;
    }
    if (RUST_STR.matcher(name).matches()) {
      return new RustStr(v);
    }
    if (RUST_SLICE.matcher(name).matches()) {
      return new Sequence(v, member(v, "data_ptr"), member(v, "length"), name);
    }
    if (RUST_STRING.matcher(name).matches()) {
      Value vec = member(v, "vec");
      if (vec == null) {
        return null;
      }
      return new RustString(vecPointer(vec), member(vec, "len"));
    }
    if (RUST_VEC.matcher(name).matches()) {
      Value ptr = vecPointer(v);
      Value len = member(v, "len");
      return ptr == null || len == null ? null : new Sequence(v, ptr, len, name);
    }
    if (CPP_STRING.matcher(name).matches()) {
      return CppString.of(v);
    }
    if (CPP_VECTOR.matcher(name).matches()) {
      Value begin = member(v, "__begin_");
      Value end = member(v, "__end_");
      if (begin == null || end == null) {
        return null;
      }
      return new CppVector(v, begin, end, name);
    }
    return null;
  }

  /** The member {@code name} of an aggregate value, searching anonymous members and base classes; or null. */
  public static Value member(Value v, String name) {
    return member(v, name, 0);
  }

  private static Value member(Value v, String name, int depth) {
    if (depth > 16) {
      return null;
    }
    TypeInfo st = v.type().strip();
    if (!st.isAggregate()) {
      return null;
    }
    for (TypeInfo.Member m : st.members()) {
      if (name.equals(m.name())) {
        return m.bitSize() > 0 ? v.bitfield(m) : v.at(m.typeInfo(), m.offset());
      }
    }
    for (TypeInfo.Member m : st.members()) {
      if (m.name() == null || m.inheritance()) {
        Value found = member(v.at(m.typeInfo(), m.offset()), name, depth + 1);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  /**
   * The data pointer of a Rust {@code Vec}: {@code buf.ptr.pointer(.pointer)} in the layouts rustc has used; found
   * by following the first member until a pointer appears, so the exact nesting does not matter.
   */
  static Value vecPointer(Value vec) {
    Value cur = member(vec, "buf");
    for (int i = 0; cur != null && i < 8; i++) {
      TypeInfo st = cur.type().strip();
      if (st.kind() == TypeInfo.Kind.POINTER) {
        return cur;
      }
      if (!st.isAggregate() || st.members().isEmpty()) {
        return null;
      }
      TypeInfo.Member first = null;
      for (TypeInfo.Member m : st.members()) {
        if ("ptr".equals(m.name()) || "pointer".equals(m.name())) {
          first = m;
          break;
        }
      }
      if (first == null) {
        first = st.members().get(0);
      }
      cur = cur.at(first.typeInfo(), first.offset());
    }
    return null;
  }

  private static long elementSize(TypeInfo elem) {
    long s = elem.size();
    if (s <= 0) {
      throw new ValueUnavailableException(ValueState.ERROR, "element type " + elem.displayName() + " has no size");
    }
    return s;
  }

  /** Rust {@code &str}: {@code data_ptr} and {@code length}. */
  private static final class RustStr implements Form {
    private final Value v;

    RustStr(Value v) {
      this.v = v;
    }

    @Override
    public String summary(boolean hex) {
      Value p = member(v, "data_ptr");
      Value n = member(v, "length");
      if (p == null || n == null) {
        throw new ValueUnavailableException(ValueState.ERROR, "&str without data_ptr/length");
      }
      long len = n.asLong();
      return Strings.counted(v.env(), p.asLong() & v.pointerMask(), len, v.env().limits().maxStringLength())
          .quoted();
    }

    @Override
    public long length() {
      Value n = member(v, "length");
      return n == null ? -1 : n.asLong();
    }

    @Override
    public boolean isSequence() {
      return true;
    }

    @Override
    public Value element(long i) {
      Value p = member(v, "data_ptr");
      return Value.inMemory(p.type().strip().target(), (p.asLong() & v.pointerMask()) + i, v.env());
    }
  }

  /** Rust {@code String}: a {@code Vec<u8>} read as UTF-8. */
  private static final class RustString implements Form {
    private final Value ptr;
    private final Value len;

    RustString(Value ptr, Value len) {
      this.ptr = ptr;
      this.len = len;
    }

    @Override
    public String summary(boolean hex) {
      if (ptr == null || len == null) {
        throw new ValueUnavailableException(ValueState.ERROR, "String without its vec buffer");
      }
      return Strings.counted(ptr.env(), ptr.asLong() & ptr.pointerMask(), len.asLong(),
          ptr.env().limits().maxStringLength()).quoted();
    }

    @Override
    public long length() {
      return len == null ? -1 : len.asLong();
    }

    @Override
    public boolean isSequence() {
      return true;
    }

    @Override
    public Value element(long i) {
      return Value.inMemory(ptr.type().strip().target(), (ptr.asLong() & ptr.pointerMask()) + i, ptr.env());
    }
  }

  /**
   * Elements laid out one after another from a data pointer: {@link #element} and the size summary are shared by
   * Rust {@code Vec<T>}/slices and libc++ {@code std::vector<T>}; subclasses say where the data starts and how many
   * elements there are.
   */
  private abstract static class Contiguous implements Form {
    final Value whole;
    final String typeName;

    Contiguous(Value whole, String typeName) {
      this.whole = whole;
      this.typeName = typeName;
    }

    /** The pointer to the first element. */
    abstract Value data();

    @Override
    public String summary(boolean hex) {
      return "size=" + (hex ? "0x" + Long.toHexString(length()) : Long.toString(length()));
    }

    @Override
    public boolean isSequence() {
      return true;
    }

    @Override
    public Value element(long i) {
      Value p = data();
      TypeInfo elem = p.type().strip().target();
      return Value.inMemory(elem, (p.asLong() & p.pointerMask()) + i * elementSize(elem), whole.env());
    }
  }

  /** A contiguous sequence: Rust {@code Vec<T>} and slices. */
  private static final class Sequence extends Contiguous {
    private final Value ptr;
    private final Value len;

    Sequence(Value whole, Value ptr, Value len, String typeName) {
      super(whole, typeName);
      this.ptr = ptr;
      this.len = len;
    }

    @Override
    Value data() {
      requireParts();
      return ptr;
    }

    @Override
    public long length() {
      requireParts();
      return len.asLong();
    }

    private void requireParts() {
      if (ptr == null || len == null) {
        throw new ValueUnavailableException(ValueState.ERROR, typeName + " without a data pointer and length");
      }
    }
  }

  /** libc++ {@code std::vector<T>}: {@code __begin_}, {@code __end_}. */
  private static final class CppVector extends Contiguous {
    private final Value begin;
    private final Value end;

    CppVector(Value whole, Value begin, Value end, String typeName) {
      super(whole, typeName);
      this.begin = begin;
      this.end = end;
    }

    @Override
    Value data() {
      return begin;
    }

    @Override
    public long length() {
      TypeInfo elem = begin.type().strip().target();
      long b = begin.asLong() & begin.pointerMask();
      long e = end.asLong() & end.pointerMask();
      long n = (e - b) / elementSize(elem);
      if (e < b) {
        throw new ValueUnavailableException(ValueState.ERROR, typeName + " with __end_ before __begin_");
      }
      return n;
    }
  }

  /**
   * libc++ {@code std::string}: {@code __r_.__value_} (or {@code __rep_}) is a union of {@code __s} (short: inline
   * bytes, a 7-bit size) and {@code __l} (long: data pointer and size); {@code __is_long_} tells which. The members
   * are found by name, so both the standard and the alternate layout work.
   */
  private static final class CppString implements Form {
    private final Value rep;
    private final Value whole;

    private CppString(Value whole, Value rep) {
      this.whole = whole;
      this.rep = rep;
    }

    static Form of(Value v) {
      Value r = member(v, "__r_");
      Value rep = null;
      if (r != null) {
        rep = member(r, "__value_");
        if (rep == null) {
          rep = member(r, "__first_");
        }
      }
      if (rep == null) {
        rep = member(v, "__rep_");
      }
      return rep == null ? null : new CppString(v, rep);
    }

    /** The data address and size of the active form. */
    private long[] dataAndSize() {
      Value s = member(rep, "__s");
      Value l = member(rep, "__l");
      if (s == null || l == null) {
        throw new ValueUnavailableException(ValueState.ERROR, "std::string without __s/__l");
      }
      Value isLong = member(s, "__is_long_");
      boolean isLongForm = isLong != null ? isLong.asLong() != 0 : member(l, "__is_long_").asLong() != 0;
      if (isLongForm) {
        Value data = member(l, "__data_");
        return new long[] {data.asLong() & data.pointerMask(), member(l, "__size_").asLong()};
      }
      Value data = member(s, "__data_");
      if (data.address() < 0) {
        throw new ValueUnavailableException(ValueState.ERROR, "short std::string not in memory");
      }
      return new long[] {data.address(), member(s, "__size_").asLong()};
    }

    @Override
    public boolean isSequence() {
      return true;
    }

    @Override
    public Value element(long i) {
      long[] ds = dataAndSize();
      TypeInfo ch = TypeInfo.builder(TypeInfo.Kind.BASE).name("char").byteSize(1)
          .encoding(TypeInfo.ATE_SIGNED_CHAR).build();
      return Value.inMemory(ch, ds[0] + i, whole.env());
    }

    private Strings.Text text() {
      Value s = member(rep, "__s");
      Value l = member(rep, "__l");
      if (s == null || l == null) {
        throw new ValueUnavailableException(ValueState.ERROR, "std::string without __s/__l");
      }
      Value isLong = member(s, "__is_long_");
      boolean isLongForm = isLong != null ? isLong.asLong() != 0 : member(l, "__is_long_").asLong() != 0;
      int max = whole.env().limits().maxStringLength();
      if (isLongForm) {
        Value data = member(l, "__data_");
        Value size = member(l, "__size_");
        return Strings.counted(whole.env(), data.asLong() & data.pointerMask(), size.asLong(), max);
      }
      Value data = member(s, "__data_");
      Value size = member(s, "__size_");
      long n = size.asLong();
      long cap = data.type().strip().size();
      if (n > cap) {
        throw new ValueUnavailableException(ValueState.ERROR, "short std::string size " + n + " > " + cap);
      }
      byte[] b = data.bytes(0, (int) n);
      return new Strings.Text(new String(b, java.nio.charset.StandardCharsets.UTF_8), false);
    }

    @Override
    public String summary(boolean hex) {
      return text().quoted();
    }

    @Override
    public long length() {
      return text().text().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
  }

  /** A Rust enum: the active variant chosen by the discriminant (DWARF 5 section 5.7.10). */
  static final class EnumForm implements Form {
    private final Value v;
    private final TypeInfo st;

    EnumForm(Value v, TypeInfo st) {
      this.v = v;
      this.st = st;
    }

    TypeInfo.Variant active() {
      TypeInfo.VariantPart vp = st.variantPart();
      TypeInfo.Variant dflt = null;
      if (vp.discriminant() == null) {
        // A single-variant enum has no discriminant.
        return vp.variants().size() == 1 ? vp.variants().get(0) : null;
      }
      TypeInfo.Member d = vp.discriminant();
      Value dv = d.bitSize() > 0 ? v.bitfield(d) : v.at(d.typeInfo(), d.offset());
      long size = Math.max(1, Math.min(8, d.typeInfo().size()));
      long mask = size >= 8 ? -1L : (1L << (size * 8)) - 1;
      long disc = dv.asLong() & mask;
      for (TypeInfo.Variant var : vp.variants()) {
        if (var.isDefault()) {
          dflt = var;
          continue;
        }
        for (long[] range : var.discrValues()) {
          // rustc stores some unsigned discriminants sign-extended: compare at the discriminant's size.
          long lo = range[0] & mask;
          long hi = (range.length > 1 ? range[1] : range[0]) & mask;
          if (Long.compareUnsigned(disc, lo) >= 0 && Long.compareUnsigned(disc, hi) <= 0) {
            return var;
          }
        }
      }
      if (dflt == null) {
        throw new ValueUnavailableException(ValueState.ERROR,
            "discriminant " + disc + " matches no variant of " + st.displayName());
      }
      return dflt;
    }

    @Override
    public String variant() {
      TypeInfo.Variant a = active();
      return a == null ? null : a.member().name();
    }

    Value payload() {
      TypeInfo.Variant a = active();
      if (a == null) {
        throw new ValueUnavailableException(ValueState.ERROR, "enum without a discriminant");
      }
      return v.at(a.member().typeInfo(), a.member().offset());
    }

    @Override
    public List<Field> fields() {
      Value p = payload();
      List<Field> out = new ArrayList<>();
      TypeInfo pt = p.type().strip();
      if (pt.isAggregate()) {
        String vname = variant();
        for (TypeInfo.Member m : pt.members()) {
          if (m.name() == null || m.artificial()) {
            continue;
          }
          Value mv = m.bitSize() > 0 ? p.bitfield(m) : p.at(m.typeInfo(), m.offset());
          out.add(new Field(m.name(), mv, vname + "." + m.name()));
        }
      }
      return out;
    }

    @Override
    public String summary(boolean hex) {
      String name = variant();
      List<Field> fs = fields();
      if (fs.isEmpty()) {
        return name;
      }
      boolean tuple = fs.stream().allMatch(f -> f.name().startsWith("__"));
      StringBuilder sb = new StringBuilder(name).append(tuple ? "(" : " { ");
      int i = 0;
      for (Field f : fs) {
        if (i++ > 0) {
          sb.append(", ");
        }
        if (!tuple) {
          sb.append(f.name()).append(": ");
        }
        sb.append(Formatter.nested(f.value(), hex, 1));
        if (sb.length() > 200) {
          sb.append(", ...");
          break;
        }
      }
      return sb.append(tuple ? ")" : " }").toString();
    }

    @Override
    public Value variantMember(String name) {
      for (TypeInfo.Variant var : st.variantPart().variants()) {
        if (name.equals(var.member().name())) {
          return v.at(var.member().typeInfo(), var.member().offset());
        }
      }
      return null;
    }
  }
}
