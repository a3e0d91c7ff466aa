package dev.wasmcore.symbolize;

import dev.wasmcore.dwarf.CompileUnit;
import dev.wasmcore.dwarf.Die;

/**
 * One source-level frame: a physical (core dump) frame gives one per inlining level, innermost first.
 *
 * @param function the name LLVM's symbolizer prints (the demangled linkage name, else {@code DW_AT_name}); for a
 *     frame without DWARF the name-section name; null when nothing names it
 * @param qualifiedName the name built from the DIE tree (namespaces, classes, Rust module paths), or null
 * @param linkageName the raw {@code DW_AT_linkage_name}, or null
 * @param file the source path after the {@link SourceMap}, or null when there is no line information
 * @param compiledFile the source path as the DWARF gives it (before the source map), or null
 * @param line 1-based line, 0 when unknown
 * @param column 1-based column, 0 when unknown
 * @param inlined whether this level is inlined into the next one (all but the outermost level of a physical frame)
 * @param hasDwarf whether DWARF describes this frame at all
 * @param subroutine the {@code DW_TAG_subprogram} or {@code DW_TAG_inlined_subroutine} of this level, or null
 * @param unit the compile unit, or null
 */
public record SourceFrame(String function, String qualifiedName, String linkageName, String file,
    String compiledFile, long line, long column, boolean inlined, boolean hasDwarf, Die subroutine,
    CompileUnit unit) {

  /** Whether a source position is known. */
  public boolean hasSource() {
    return file != null && !file.isEmpty();
  }

  /** A name for display: the LLVM-style name, else the qualified one, else "??". */
  public String displayName() {
    if (function != null && !function.isEmpty()) {
      return function;
    }
    return qualifiedName != null ? qualifiedName : "??";
  }

  /** A copy with another {@code inlined} flag. */
  public SourceFrame withInlined(boolean value) {
    return new SourceFrame(function, qualifiedName, linkageName, file, compiledFile, line, column, value, hasDwarf,
        subroutine, unit);
  }

  @Override
  public String toString() {
    return displayName() + (hasSource() ? " " + file + ":" + line + ":" + column : "")
        + (inlined ? " [inlined]" : "");
  }
}
