package dev.wasmcore.inspect.value;

import dev.wasmcore.inspect.VariableView.ValueState;
import dev.wasmcore.inspect.types.TypeInfo;
import java.math.BigInteger;

/**
 * One-line display of values: integers (decimal or hex), characters with their character, booleans, floats exactly
 * as the shortest text that reads back to the same float/double, pointers (char pointers with their string, function
 * pointers with the function), enums by name or flags, arrays and structs as bounded summaries, and the readable
 * forms of {@link Pretty}. Missing values read as {@code <optimized out>}, {@code <unavailable: ...>},
 * {@code <unreadable memory at 0x...>}: never a made-up zero.
 */
public final class Formatter {
  private static final int SUMMARY_CHARS = 160;
  private static final int SUMMARY_DEPTH = 2;

  private Formatter() {}

  /** The top-level display of a value; throws {@link ValueUnavailableException} when it cannot be read. */
  public static String format(Value v, boolean hex) {
    return format(v, hex, 0, true);
  }

  /** A value inside another's summary: never throws, shows missing parts inline. */
  static String nested(Value v, boolean hex, int depth) {
    try {
      return format(v, hex, depth, true);
    } catch (ValueUnavailableException e) {
      return describe(e.state(), e.getMessage());
    }
  }

  /** The text shown for a missing value. */
  public static String describe(ValueState state, String reason) {
    return switch (state) {
      case OPTIMIZED_OUT -> "<optimized out>";
      case UNAVAILABLE -> "<unavailable: " + reason + ">";
      case UNREADABLE -> "<" + reason + ">";
      case ERROR -> "<error: " + reason + ">";
      default -> "<" + reason + ">";
    };
  }

  static String format(Value v, boolean hex, int depth, boolean pretty) {
    v.requireAvailable();
    TypeInfo st = v.type().strip();
    if (pretty) {
      Pretty.Form form = Pretty.of(v);
      if (form != null) {
        return form.summary(hex);
      }
    }
    switch (st.kind()) {
      case BASE:
        return base(v, st, hex);
      case ENUM:
        return enumValue(v, st, hex);
      case POINTER:
        return pointer(v, st, hex);
      case REFERENCE:
      case RVALUE_REFERENCE: {
        if (st.name() != null) {
          return pointer(v, st, hex);
        }
        Value target = v.deref();
        return depth >= SUMMARY_DEPTH + 2 ? "{...}" : format(target, hex, depth + 1, true);
      }
      case PTR_TO_MEMBER:
        return integer(v.asLong(), st.size(), false, hex);
      case ARRAY:
        return array(v, st, hex, depth);
      case STRUCT:
      case CLASS:
      case UNION:
        return aggregate(v, st, hex, depth);
      case FUNCTION:
        return v.address() >= 0 ? "function at 0x" + Long.toHexString(v.address()) : "function";
      case VOID:
        return "void";
      case UNSPECIFIED:
        return st.size() > 0 ? integer(v.asLong(), st.size(), false, hex) : "<" + st.name() + ">";
      default:
        return "?";
    }
  }

  private static String base(Value v, TypeInfo st, boolean hex) {
    long size = st.size();
    if (size == 0) {
      // A zero-sized type such as Rust's unit "()": its only value is itself.
      return st.name() == null ? "{}" : st.name();
    }
    switch (st.encoding()) {
      case TypeInfo.ATE_BOOLEAN: {
        long b = v.asLong();
        return b == 0 ? "false" : b == 1 ? "true" : "true (" + b + ")";
      }
      case TypeInfo.ATE_FLOAT: {
        if (size == 4) {
          float f = (float) v.asDouble();
          return hex ? floatText(f) + " (0x" + Integer.toHexString(Float.floatToRawIntBits(f)) + ")" : floatText(f);
        }
        if (size == 8) {
          double d = v.asDouble();
          return hex ? doubleText(d) + " (0x" + Long.toHexString(Double.doubleToRawLongBits(d)) + ")"
              : doubleText(d);
        }
        return "<" + size + "-byte float 0x" + hexBytes(v.bytes(0, (int) Math.max(0, Math.min(16, size)))) + ">";
      }
      case TypeInfo.ATE_SIGNED_CHAR:
      case TypeInfo.ATE_UNSIGNED_CHAR:
      case TypeInfo.ATE_UTF: {
        long c = v.asLong();
        long code = size == 1 ? c & 0xFF : size == 2 ? c & 0xFFFF : c & 0xFFFFFFFFL;
        if (st.encoding() == TypeInfo.ATE_UTF && size > 1) {
          return integer(c, size, false, hex) + " " + Strings.charLiteral(code, true);
        }
        return integer(c, size, Value.isSigned(st), hex) + " " + Strings.charLiteral(code);
      }
      case TypeInfo.ATE_COMPLEX_FLOAT: {
        if (size == 8 || size == 16) {
          int half = (int) size / 2;
          Value re = v.at(floatType(half), 0);
          Value im = v.at(floatType(half), half);
          return format(re, hex, 9, false) + " + " + format(im, hex, 9, false) + "i";
        }
        return "<complex 0x" + hexBytes(v.bytes(0, (int) Math.max(0, Math.min(32, size)))) + ">";
      }
      default: {
        if (size > 8) {
          BigInteger b = v.asBigInteger();
          return hex ? "0x" + (b.signum() < 0 ? b.add(BigInteger.ONE.shiftLeft((int) size * 8)) : b).toString(16)
              : b.toString();
        }
        return integer(v.asLong(), size, Value.isSigned(st), hex);
      }
    }
  }

  private static TypeInfo floatType(int size) {
    return TypeInfo.builder(TypeInfo.Kind.BASE).name(size == 4 ? "float" : "double").byteSize(size)
        .encoding(TypeInfo.ATE_FLOAT).build();
  }

  /** Shortest text that reads back to the same float. */
  public static String floatText(float f) {
    if (Float.isNaN(f)) {
      return "NaN";
    }
    if (Float.isInfinite(f)) {
      return f > 0 ? "inf" : "-inf";
    }
    return stripE(Float.toString(f));
  }

  /** Shortest text that reads back to the same double. */
  public static String doubleText(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "inf" : "-inf";
    }
    return stripE(Double.toString(d));
  }

  private static String stripE(String s) {
    // Java prints 1.0E10; C prints 1e+10. Keep Java's exact digits, spell the exponent the C way.
    int e = s.indexOf('E');
    if (e < 0) {
      return s;
    }
    String mant = s.substring(0, e);
    if (mant.endsWith(".0")) {
      mant = mant.substring(0, mant.length() - 2);
    }
    String exp = s.substring(e + 1);
    return mant + "e" + (exp.startsWith("-") ? exp : "+" + exp);
  }

  /** An integer of {@code size} bytes in decimal (with its signedness) or hex (two's complement at the size). */
  public static String integer(long v, long size, boolean signed, boolean hex) {
    if (hex) {
      long masked = size >= 8 || size <= 0 ? v : v & ((1L << (size * 8)) - 1);
      return "0x" + Long.toHexString(masked);
    }
    if (signed) {
      return Long.toString(v);
    }
    long masked = size >= 8 || size <= 0 ? v : v & ((1L << (size * 8)) - 1);
    return Long.toUnsignedString(masked);
  }

  static String hexBytes(byte[] b) {
    StringBuilder sb = new StringBuilder();
    for (int i = b.length - 1; i >= 0; i--) {
      sb.append(String.format("%02x", b[i] & 0xFF));
    }
    return sb.toString();
  }

  private static String enumValue(Value v, TypeInfo st, boolean hex) {
    long x = v.asLong();
    long size = st.size() > 0 ? st.size() : 4;
    for (TypeInfo.Enumerator e : st.enumerators()) {
      if (same(e.value(), x, size)) {
        return hex ? e.name() + " (" + integer(x, size, false, true) + ")" : e.name();
      }
    }
    // Flags: every set bit covered by single-bit enumerators.
    long rest = x;
    StringBuilder sb = new StringBuilder();
    for (TypeInfo.Enumerator e : st.enumerators()) {
      long ev = e.value();
      if (ev != 0 && Long.bitCount(ev) == 1 && (rest & ev) != 0) {
        if (sb.length() > 0) {
          sb.append(" | ");
        }
        sb.append(e.name());
        rest &= ~ev;
      }
    }
    if (sb.length() > 0 && x != 0 && (size >= 8 || (x & ~((1L << (size * 8)) - 1)) == 0 || x > 0)) {
      if (rest != 0) {
        sb.append(" | ").append(integer(rest, size, false, true));
      }
      // A combination is not a declared value: give the number too.
      return sb.append(" (").append(integer(x, size, Value.isSigned(st), hex)).append(')').toString();
    }
    return integer(x, size, Value.isSigned(st), hex);
  }

  private static boolean same(long a, long b, long size) {
    long mask = size >= 8 ? -1L : (1L << (size * 8)) - 1;
    return (a & mask) == (b & mask);
  }

  private static String pointer(Value v, TypeInfo st, boolean hex) {
    long p = v.asLong() & v.pointerMask();
    String addr = "0x" + Long.toHexString(p);
    TypeInfo target = st.target().strip();
    if (target.kind() == TypeInfo.Kind.FUNCTION) {
      if (p == 0) {
        return "NULL";
      }
      String fn = v.env().functionForTableIndex(p);
      return fn == null ? addr : addr + " <" + fn + ">";
    }
    if (p == 0) {
      return st.name() != null && !st.name().contains("*") ? addr : "NULL";
    }
    if (isCharType(target)) {
      try {
        return addr + " " + Strings.cString(v.env(), p, v.env().limits().maxStringLength()).quoted();
      } catch (ValueUnavailableException e) {
        return addr + " " + describe(e.state(), e.getMessage());
      }
    }
    return addr;
  }

  /** A Rust tuple type: named "(A, B)" with members __0, __1, ... */
  static boolean isTuple(TypeInfo st) {
    if (st.name() == null || !st.name().startsWith("(") || st.members().isEmpty()) {
      return false;
    }
    for (TypeInfo.Member m : st.members()) {
      if (m.name() == null || !m.name().matches("__\\d+")) {
        return false;
      }
    }
    return true;
  }

  /** {@code char}, {@code signed char}, {@code unsigned char} (not Rust {@code u8}, which is DW_ATE_unsigned). */
  public static boolean isCharType(TypeInfo t) {
    TypeInfo s = t.strip();
    return s.kind() == TypeInfo.Kind.BASE && s.size() == 1
        && (s.encoding() == TypeInfo.ATE_SIGNED_CHAR || s.encoding() == TypeInfo.ATE_UNSIGNED_CHAR);
  }

  private static String array(Value v, TypeInfo st, boolean hex, int depth) {
    long count = st.dimensions().isEmpty() ? -1 : st.dimensions().get(0);
    TypeInfo elem = Children.elementType(st);
    if (st.dimensions().size() == 1 && isCharType(elem) && count > 0) {
      int n = (int) Math.min(count, v.env().limits().maxStringLength());
      byte[] b = v.bytes(0, n);
      Strings.Text t = Strings.fromArray(b);
      return t.quoted();
    }
    if (count < 0) {
      return "[]";
    }
    if (depth >= SUMMARY_DEPTH) {
      return "[" + count + "]{...}";
    }
    StringBuilder sb = new StringBuilder("{");
    long esize = elem.size();
    long limit = Math.min(count, v.env().limits().maxArrayElements());
    for (long i = 0; i < limit; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      if (sb.length() > SUMMARY_CHARS) {
        sb.append("...");
        break;
      }
      sb.append(nested(v.at(elem, i * Math.max(0, esize)), hex, depth + 1));
    }
    if (limit < count && !sb.toString().endsWith("...")) {
      sb.append(", ...");
    }
    return sb.append('}').toString();
  }

  private static String aggregate(Value v, TypeInfo st, boolean hex, int depth) {
    if (isTuple(st)) {
      // A Rust tuple: (600, 660).
      StringBuilder sb = new StringBuilder("(");
      int i = 0;
      for (TypeInfo.Member m : st.members()) {
        if (i++ > 0) {
          sb.append(", ");
        }
        sb.append(depth >= SUMMARY_DEPTH + 1 ? "..." : nested(v.at(m.typeInfo(), m.offset()), hex, depth + 1));
      }
      return sb.append(')').toString();
    }
    if (depth >= SUMMARY_DEPTH) {
      return "{...}";
    }
    StringBuilder sb = new StringBuilder("{");
    int i = 0;
    for (TypeInfo.Member m : st.members()) {
      if (m.artificial()) {
        continue;
      }
      if (i++ > 0) {
        sb.append(", ");
      }
      if (sb.length() > SUMMARY_CHARS) {
        sb.append("...");
        break;
      }
      Value mv = m.bitSize() > 0 ? v.bitfield(m) : v.at(m.typeInfo(), m.offset());
      String label = m.name() != null ? m.name() : m.inheritance() ? m.typeInfo().displayName() : "";
      if (!label.isEmpty()) {
        sb.append(label).append('=');
      }
      sb.append(nested(mv, hex, depth + 1));
    }
    return sb.append('}').toString();
  }
}
