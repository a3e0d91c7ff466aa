package dev.wasmcore.inspect.types;

import java.util.function.Supplier;

/**
 * Spells types the way C and C++ declarations do ({@code const char *}, {@code int (*)(int)}, {@code int[2][3]},
 * {@code char *const}), keeping typedef names and cv-qualifiers as the source wrote them. Named pointer types (Rust's
 * {@code &str}, {@code *const u8}) keep their DWARF name. Depth is bounded so a malformed cyclic type still prints.
 */
final class TypeNames {
  private static final int MAX_DEPTH = 32;

  private TypeNames() {}

  static String spell(TypeInfo t) {
    return spell(t, "", 0).trim();
  }

  static String declare(TypeInfo t, String name) {
    return spell(t, name == null ? "" : name, 0).trim();
  }

  /** {@code declarator} is what already wraps this type (e.g. "*" or "(*)[4]"). */
  private static String spell(TypeInfo t, String declarator, int depth) {
    if (depth > MAX_DEPTH) {
      return "..." + declarator;
    }
    switch (t.kind()) {
      case POINTER, REFERENCE, RVALUE_REFERENCE -> {
        if (t.name() != null) {
          return join(t.name(), declarator);
        }
        String sigil = t.kind() == TypeInfo.Kind.POINTER ? "*" : t.kind() == TypeInfo.Kind.REFERENCE ? "&" : "&&";
        TypeInfo target = t.target();
        String inner = sigil + declarator;
        if (target.kind() == TypeInfo.Kind.ARRAY || target.kind() == TypeInfo.Kind.FUNCTION) {
          inner = "(" + inner + ")";
        }
        return spell(target, inner, depth + 1);
      }
      case CONST, VOLATILE, RESTRICT, ATOMIC -> {
        String q = switch (t.kind()) {
          case CONST -> "const";
          case VOLATILE -> "volatile";
          case RESTRICT -> "restrict";
          default -> "_Atomic";
        };
        TypeInfo target = t.target();
        TypeInfo.Kind k = target.kind();
        if (k == TypeInfo.Kind.POINTER && target.name() == null) {
          // A qualified pointer: the qualifier follows the star ("char *const").
          return spell(target, declarator.isEmpty() ? q : q + " " + declarator, depth + 1).replace("* " + q, "*" + q);
        }
        if (k == TypeInfo.Kind.ARRAY || k == TypeInfo.Kind.FUNCTION) {
          return spell(target, declarator, depth + 1);
        }
        return q + " " + spell(target, declarator, depth + 1);
      }
      case ARRAY -> {
        StringBuilder dims = new StringBuilder();
        for (long d : t.dimensions()) {
          dims.append('[').append(d < 0 ? "" : Long.toString(d)).append(']');
        }
        if (t.dimensions().isEmpty()) {
          dims.append("[]");
        }
        return spell(t.target(), declarator + dims, depth + 1);
      }
      case FUNCTION -> {
        StringBuilder params = new StringBuilder("(");
        int i = 0;
        for (Supplier<TypeInfo> p : t.parameters()) {
          if (i++ > 0) {
            params.append(", ");
          }
          TypeInfo pt = p.get();
          params.append(pt == null ? "..." : spell(pt, "", depth + 1));
        }
        params.append(')');
        return spell(t.target(), declarator + params, depth + 1);
      }
      case VOID -> {
        return join("void", declarator);
      }
      case STRUCT, CLASS, UNION, ENUM -> {
        String n = t.name();
        if (n == null) {
          n = switch (t.kind()) {
            case STRUCT -> "struct <anonymous>";
            case CLASS -> "class <anonymous>";
            case UNION -> "union <anonymous>";
            default -> "enum <anonymous>";
          };
        }
        return join(n, declarator);
      }
      default -> {
        return join(t.name() == null ? "<unnamed>" : t.name(), declarator);
      }
    }
  }

  private static String join(String base, String declarator) {
    if (declarator.isEmpty()) {
      return base;
    }
    if (declarator.startsWith("[") || declarator.startsWith("(")) {
      return base + (declarator.startsWith("(") && !declarator.startsWith("(*") && !declarator.startsWith("(&")
          ? "" : declarator.startsWith("[") ? "" : " ") + declarator;
    }
    return base + " " + declarator;
  }
}
