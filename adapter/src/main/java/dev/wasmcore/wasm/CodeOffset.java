package dev.wasmcore.wasm;

/**
 * An offset relative to the start of a function's body, which is the byte right after the body-size LEB128 (where the
 * local declarations begin). This is a core dump frame's {@code codeoffset} as V8, wasmtime and LLDB write it.
 */
public record CodeOffset(long value) {
  public CodeOffset {
    if (value < 0) {
      throw new IllegalArgumentException("negative code offset " + value);
    }
  }

  @Override
  public String toString() {
    return "body+0x" + Long.toHexString(value);
  }
}
