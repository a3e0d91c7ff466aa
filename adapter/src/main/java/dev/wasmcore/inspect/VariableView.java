package dev.wasmcore.inspect;

import java.util.List;

/**
 * A value as the source describes it (or a raw wasm value), with lazily produced children. Values that cannot be
 * shown say why through {@link #state()}; a missing value is never shown as zero.
 */
public interface VariableView {
  String name();

  /** The type as the source spells it (typedefs and cv-qualifiers kept), or the wasm type for raw values. */
  String type();

  /** The display value; with {@code hex} integers print in hexadecimal. Never null. */
  String value(boolean hex);

  /** Why the value is (not) available. */
  ValueState state();

  /** True when rebuilt rather than read from the dump (frame bases rebuilt from {@code __stack_pointer}). */
  boolean reconstructed();

  /** An expression that evaluates to this value in its frame, or null. */
  String evaluateName();

  /** "0x..." linear-memory address of the value when it lives in memory (or a pointer's target), else null. */
  String memoryReference();

  /** Number of named children (struct members, base classes, raw members of a pretty-printed value). */
  int namedCount();

  /** Number of indexed children (array or vector elements). */
  int indexedCount();

  default boolean hasChildren() {
    return namedCount() + indexedCount() > 0;
  }

  /** Named children (all of them). */
  List<VariableView> namedChildren();

  /** Indexed children {@code [start, start + count)}, clipped to {@link #indexedCount()}. */
  List<VariableView> indexedChildren(int start, int count);

  /** Availability of a value. */
  enum ValueState {
    OK,
    /** no location at this address */
    OPTIMIZED_OUT,
    /** the dump lacks the data (e.g. wasmtime dumps have no locals) */
    UNAVAILABLE,
    /** memory outside the image */
    UNREADABLE,
    /** malformed DWARF or an unsupported construct, described in the value */
    ERROR
  }
}
