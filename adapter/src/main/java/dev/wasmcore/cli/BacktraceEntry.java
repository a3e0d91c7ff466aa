package dev.wasmcore.cli;

/**
 * One entry of {@code wasmcore bt}: a source frame (one per inlined level once DWARF is used; today one per core
 * dump frame). Null fields are unknown.
 *
 * @param index position in the thread's backtrace, 0 = innermost
 * @param physicalIndex the core dump frame this entry came from
 * @param instance the frame's instance index, or null when the dump has none
 * @param module the module name (from {@code coremodules}, else the module file name)
 * @param funcIndex the function index, imports counted
 * @param codeOffset offset from the function body's start
 * @param dwarfAddress code-section-relative address
 * @param function the function name (DWARF, else the name section), or null
 * @param file source file, or null
 * @param line 1-based source line, or null
 * @param column 1-based column, or null
 * @param inlined true on all but the outermost level of a physical frame
 */
public record BacktraceEntry(int index, int physicalIndex, Long instance, String module, long funcIndex,
    long codeOffset, long dwarfAddress, String function, String file, Integer line, Integer column,
    boolean inlined) {}
