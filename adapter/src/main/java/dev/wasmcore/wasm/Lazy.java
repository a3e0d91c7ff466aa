package dev.wasmcore.wasm;

import java.util.function.Supplier;

/**
 * A value computed on first use and cached, failures included: a section that failed to decode fails the same way
 * every time it is asked for, without decoding it again.
 */
final class Lazy<T> {
  private final Supplier<T> supplier;
  private T value;
  private RuntimeException failure;
  private boolean done;

  Lazy(Supplier<T> supplier) {
    this.supplier = supplier;
  }

  synchronized T get() {
    if (!done) {
      try {
        value = supplier.get();
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
