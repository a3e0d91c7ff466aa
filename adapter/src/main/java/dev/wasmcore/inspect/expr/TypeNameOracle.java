package dev.wasmcore.inspect.expr;

import java.util.List;
import java.util.Set;

/**
 * Tells the parser whether a (possibly qualified) identifier names a type. C's grammar cannot tell {@code (T)-1} (a
 * cast of {@code -1}) from {@code (x)-1} (a subtraction) without knowing which identifiers are types, so the parser
 * asks: the evaluator answers from the DWARF types of the frame's scope (typedefs, and struct/class/union/enum names
 * that C++ and Rust allow without a keyword). Keyword types ({@code int}, {@code unsigned char}, {@code struct X})
 * never reach the oracle.
 */
@FunctionalInterface
public interface TypeNameOracle {
  /** An oracle that knows no type names: every bare identifier is a variable. */
  TypeNameOracle NONE = name -> false;

  /**
   * Whether the name is a type.
   *
   * @param qualifiedName the name's segments, e.g. {@code ["MyThing"]} or {@code ["std", "string"]}
   */
  boolean isTypeName(List<String> qualifiedName);

  /** An oracle for a fixed set of names, qualified names joined with {@code ::} (tests, simple callers). */
  static TypeNameOracle of(Set<String> names) {
    Set<String> copy = Set.copyOf(names);
    return name -> copy.contains(String.join("::", name));
  }
}
