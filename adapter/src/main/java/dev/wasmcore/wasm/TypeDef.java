package dev.wasmcore.wasm;

/**
 * One entry of the type index space (core spec 5.5.4, with the GC proposal's recursion groups, sub types, struct and
 * array types). Only function types are needed by a debugger; struct and array types are read for their length and
 * kept as placeholders so type indices stay right.
 *
 * @param kind FUNC, STRUCT or ARRAY
 * @param func the function type when kind is FUNC, else null
 */
public record TypeDef(Kind kind, FuncType func) {
  /** The composite type kinds. */
  public enum Kind { FUNC, STRUCT, ARRAY }
}
