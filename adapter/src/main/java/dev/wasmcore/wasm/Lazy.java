package dev.wasmcore.wasm;

/**
 * A part of a {@link WasmModule} (a section's decoded contents, the code identity) computed on first use and cached,
 * failures included: a section that failed to decode fails the same way every time it is asked for, without
 * decoding it again. The module computes it by part number ({@link WasmModule#load(int)}) rather than through a
 * lambda per part: on Java 17 every lambda call site is linked at run time, and a module has a dozen parts, made
 * for the core dump and for each module a cold {@code bt} opens.
 */
final class Lazy<T> {
  private final WasmModule owner;
  private final int part;
  private T value;
  private RuntimeException failure;
  private boolean done;

  Lazy(WasmModule owner, int part) {
    this.owner = owner;
    this.part = part;
  }

  @SuppressWarnings("unchecked")
  synchronized T get() {
    if (!done) {
      try {
        value = (T) owner.load(part);
      } catch (RuntimeException e) {
        failure = e;
      }
      done = true;
    }
    if (failure != null) {
      throw failure;
    }
    return value;
  }
}
