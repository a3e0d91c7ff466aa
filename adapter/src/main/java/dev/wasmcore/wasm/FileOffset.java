package dev.wasmcore.wasm;

/**
 * An absolute byte offset in a module file: what {@code wasm-objdump -d} and V8 stack traces print. One of the three
 * address spaces of a wasm debugger (see {@link CodeOffset} and {@link DwarfAddress}); each has its own type so they
 * cannot be mixed up silently.
 */
public record FileOffset(long value) {
  public FileOffset {
    if (value < 0) {
      throw new IllegalArgumentException("negative file offset " + value);
    }
  }

  @Override
  public String toString() {
    return "file+0x" + Long.toHexString(value);
  }
}
