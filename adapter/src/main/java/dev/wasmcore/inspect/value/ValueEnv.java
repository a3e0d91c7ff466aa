package dev.wasmcore.inspect.value;

import dev.wasmcore.inspect.Limits;

/**
 * What values read from: linear memory, the function table (for function pointers) and the limits. The session
 * answers these from the dump; tests answer them from byte arrays.
 */
public interface ValueEnv {
  /**
   * Copies up to {@code length} bytes of linear memory at {@code address} into {@code dst}, returning how many
   * leading bytes were readable (0 when none).
   */
  int readMemory(long address, byte[] dst, int offset, int length);

  /** The function a wasm32 function pointer (an index into table 0) refers to, or null when unknown. */
  default String functionForTableIndex(long index) {
    return null;
  }

  /** Resource limits for strings, arrays and reads. */
  default Limits limits() {
    return Limits.defaults();
  }

  /** Pointer size in bytes (4 for wasm32). */
  default int pointerSize() {
    return 4;
  }
}
