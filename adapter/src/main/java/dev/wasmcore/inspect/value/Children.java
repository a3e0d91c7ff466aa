package dev.wasmcore.inspect.value;

import dev.wasmcore.inspect.types.TypeInfo;
import java.util.ArrayList;
import java.util.List;

/** Which children a value has: members, a pointer's target, array elements, a readable form's fields. */
public final class Children {
  private Children() {}

  /** A child before it becomes a view. */
  public record Child(String name, Value value, String evaluateName, boolean raw) {}

  /** The element type of an array: the element, or a sub-array for the inner dimensions. */
  public static TypeInfo elementType(TypeInfo array) {
    TypeInfo st = array.strip();
    if (st.dimensions().size() <= 1) {
      return st.target();
    }
    return TypeInfo.builder(TypeInfo.Kind.ARRAY).target(st.target())
        .dimensions(st.dimensions().subList(1, st.dimensions().size())).build();
  }

  /** The named children; {@code evalName} is the expression of {@code v} (or null). */
  public static List<Child> named(Value v, boolean pretty, String evalName) {
    return named(v, pretty, evalName, evalName == null ? null : evalName + ".");
  }

  /**
   * The named children, with {@code memberPrefix} put before member names in their expressions ("acc->" when the
   * children of a pointer's target are shown under the pointer).
   */
  static List<Child> named(Value v, boolean pretty, String evalName, String memberPrefix) {
    List<Child> out = new ArrayList<>();
    if (v.isMissing()) {
      return out;
    }
    if (pretty) {
      Pretty.Form form = Pretty.of(v);
      if (form != null) {
        for (Pretty.Field f : form.fields()) {
          out.add(new Child(f.name(), f.value(), memberPrefix == null ? null : memberPrefix + f.accessor(), false));
        }
        out.add(new Child("[raw]", v, evalName, true));
        return out;
      }
    }
    TypeInfo st = v.type().strip();
    switch (st.kind()) {
      case POINTER, REFERENCE, RVALUE_REFERENCE -> {
        TypeInfo ts = st.target().strip();
        if (ts.kind() == TypeInfo.Kind.VOID || ts.kind() == TypeInfo.Kind.FUNCTION || ts.declaration()
            || ts.size() <= 0) {
          return out;
        }
        long p;
        try {
          p = v.asLong() & v.pointerMask();
        } catch (ValueUnavailableException e) {
          return out;
        }
        if (p == 0) {
          return out;
        }
        Value target = v.deref();
        boolean reference = st.kind() != TypeInfo.Kind.POINTER;
        // Rust names its pointer types (&T, Box<T>); Rust's "." follows them.
        boolean rustRef = st.name() != null;
        String derefName = evalName == null ? null : reference || rustRef ? evalName : "*" + paren(evalName);
        if (ts.isAggregate() || Pretty.of(target) != null) {
          String prefix = evalName == null ? null : reference || rustRef ? evalName + "." : evalName + "->";
          return named(target, true, derefName, prefix);
        }
        if (reference) {
          return named(target, true, evalName, memberPrefix);
        }
        out.add(new Child("*" + (evalName == null ? "" : evalName), target, derefName, false));
      }
      case STRUCT, CLASS, UNION -> {
        for (TypeInfo.Member m : st.members()) {
          Value mv = m.bitSize() > 0 ? v.bitfield(m) : v.at(m.typeInfo(), m.offset());
          if (m.inheritance()) {
            out.add(new Child(m.typeInfo().displayName(), mv, null, false));
          } else if (m.name() == null) {
            TypeInfo mt = m.typeInfo().strip();
            out.add(new Child(mt.kind() == TypeInfo.Kind.UNION ? "<anonymous union>" : "<anonymous struct>", mv,
                evalName, false));
          } else {
            out.add(new Child(m.name(), mv, memberPrefix == null ? null : memberPrefix + m.name(), false));
          }
        }
      }
      default -> { }
    }
    return out;
  }

  private static String paren(String e) {
    return e.matches("[A-Za-z_$][\\w$]*") ? e : "(" + e + ")";
  }

  /** Number of indexed children: array elements, or a sequence's length. */
  public static long indexedCount(Value v, boolean pretty) {
    if (v.isMissing()) {
      return 0;
    }
    if (pretty) {
      Pretty.Form form = Pretty.of(v);
      if (form != null) {
        return form.isSequence() ? Math.max(0, form.length()) : 0;
      }
    }
    TypeInfo st = v.type().strip();
    if (st.kind() == TypeInfo.Kind.ARRAY && !st.dimensions().isEmpty()) {
      return Math.max(0, st.dimensions().get(0));
    }
    if (st.kind() == TypeInfo.Kind.REFERENCE || st.kind() == TypeInfo.Kind.RVALUE_REFERENCE) {
      try {
        return indexedCount(v.deref(), pretty);
      } catch (ValueUnavailableException e) {
        return 0;
      }
    }
    return 0;
  }

  /** Indexed child {@code i}. */
  public static Child indexed(Value v, boolean pretty, String evalName, long i) {
    String en = evalName == null ? null : evalName + "[" + i + "]";
    if (pretty) {
      Pretty.Form form = Pretty.of(v);
      if (form != null) {
        return new Child("[" + i + "]", form.element(i), en, false);
      }
    }
    TypeInfo st = v.type().strip();
    if (st.kind() == TypeInfo.Kind.REFERENCE || st.kind() == TypeInfo.Kind.RVALUE_REFERENCE) {
      return indexed(v.deref(), pretty, evalName, i);
    }
    TypeInfo elem = elementType(st);
    return new Child("[" + i + "]", v.at(elem, i * Math.max(0, elem.size())), en, false);
  }
}
