package dev.wasmcore.wasm.disasm;

import java.util.Optional;

/**
 * Names for the disassembly text: {@code call $level3} instead of {@code call 8}. The caller answers from the name
 * section, DWARF or its own tables; every method may return empty, and then the index is printed.
 */
public interface SymbolResolver {
  /** Resolves nothing: indices only. */
  SymbolResolver NONE = new SymbolResolver() {};

  /** The name of a function (function index space, imports first). */
  default Optional<String> functionName(long funcIndex) {
    return Optional.empty();
  }

  /** The name of a global (global index space, imports first). */
  default Optional<String> globalName(long globalIndex) {
    return Optional.empty();
  }

  /** The name of a local (parameters first) of the function being disassembled. */
  default Optional<String> localName(long funcIndex, long localIndex) {
    return Optional.empty();
  }
}
