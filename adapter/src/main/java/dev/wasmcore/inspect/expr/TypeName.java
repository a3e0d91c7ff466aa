package dev.wasmcore.inspect.expr;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A C type name as written in a cast or {@code sizeof(...)}: a base type and the derivations applied to it, innermost
 * (closest to the base) first. {@code struct Account *} is base {@code struct Account} with [{@link Pointer}];
 * {@code int *[4]} (array of 4 pointers) is [{@code Pointer}, {@code Array(4)}]; {@code int (*)[4]} (pointer to an
 * array of 4) is [{@code Array(4)}, {@code Pointer}].
 *
 * @param base the specifier part ({@code const unsigned char}, {@code struct Account}, {@code MyThing})
 * @param derivations pointers and arrays, applied to the base in order
 * @param span where the type name was written
 */
public record TypeName(BaseType base, List<Derivation> derivations, SourceSpan span) {
  public TypeName {
    Objects.requireNonNull(base);
    derivations = List.copyOf(derivations);
    Objects.requireNonNull(span);
  }

  /** How the base type was named. */
  public enum Kind {
    /** A keyword type: {@code int}, {@code unsigned char}, {@code void}, {@code double}, {@code _Bool}. */
    BUILTIN,
    /** {@code struct NAME}. */
    STRUCT,
    /** {@code union NAME}. */
    UNION,
    /** {@code enum NAME}. */
    ENUM,
    /** {@code class NAME} (C++). */
    CLASS,
    /** A name the {@link TypeNameOracle} said is a type: a typedef, or a C++/Rust type named without keyword. */
    NAMED
  }

  /**
   * The base type.
   *
   * @param kind how it was named
   * @param name for {@link Kind#BUILTIN} one element, the canonical C spelling as clang's DWARF names base types
   *     ({@code "unsigned int"}, {@code "long long"}, {@code "signed char"}, {@code "unsigned long long"}); for the
   *     others the name's segments ({@code ["ns", "Account"]})
   * @param isConst a {@code const} qualifier on the base
   * @param isVolatile a {@code volatile} qualifier on the base
   */
  public record BaseType(Kind kind, List<String> name, boolean isConst, boolean isVolatile) {
    public BaseType {
      Objects.requireNonNull(kind);
      name = List.copyOf(name);
      if (name.isEmpty()) {
        throw new IllegalArgumentException("empty type name");
      }
    }

    /** The name as one string, segments joined with {@code ::}. */
    public String qualifiedName() {
      return String.join("::", name);
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder();
      if (isConst) {
        sb.append("const ");
      }
      if (isVolatile) {
        sb.append("volatile ");
      }
      switch (kind) {
        case STRUCT -> sb.append("struct ");
        case UNION -> sb.append("union ");
        case ENUM -> sb.append("enum ");
        case CLASS -> sb.append("class ");
        default -> { }
      }
      return sb.append(qualifiedName()).toString();
    }
  }

  /** One step from a type to a derived type. */
  public sealed interface Derivation permits Pointer, Array {}

  /** Pointer to the type so far, itself possibly {@code const}/{@code volatile} ({@code char * const}). */
  public record Pointer(boolean isConst, boolean isVolatile) implements Derivation {}

  /** Array of the type so far; {@code length} is empty for {@code []}. */
  public record Array(OptionalLong length) implements Derivation {}

  /** True when the outermost derivation is a pointer. */
  public boolean isPointer() {
    return !derivations.isEmpty() && derivations.get(derivations.size() - 1) instanceof Pointer;
  }

  /** The C spelling: {@code struct Account *}, {@code int[4]}, {@code int (*)[4]}, {@code const char *}. */
  @Override
  public String toString() {
    // Build the abstract declarator from the outermost derivation inwards, as C reads it from the name outwards:
    // a pointer prefixes '*', an array appends "[N]" and needs parentheses around a pointer declarator.
    String decl = "";
    for (int i = derivations.size() - 1; i >= 0; i--) {
      Derivation d = derivations.get(i);
      if (d instanceof Pointer p) {
        String quals = (p.isConst() ? " const" : "") + (p.isVolatile() ? " volatile" : "");
        decl = "*" + quals + (!quals.isEmpty() && !decl.isEmpty() ? " " : "") + decl;
      } else if (d instanceof Array a) {
        if (decl.startsWith("*")) {
          decl = "(" + decl + ")";
        }
        decl = decl + "[" + (a.length().isPresent() ? Long.toString(a.length().getAsLong()) : "") + "]";
      }
    }
    if (decl.isEmpty()) {
      return base.toString();
    }
    return decl.startsWith("[") ? base + decl : base + " " + decl;
  }
}
