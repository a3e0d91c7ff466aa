package dev.wasmcore.inspect.value;

import dev.wasmcore.inspect.VariableView.ValueState;

/** Where a value's bytes are: linear memory, bytes assembled from a composite location, or nowhere (and why). */
public sealed interface ValueSource {
  /** The object lives in linear memory at {@code address}. */
  record InMemory(long address) implements ValueSource {}

  /**
   * The object's bytes are known here (a wasm local, a stack value, pieces); {@code unknown[i]} marks bytes that are
   * not (a missing piece), with the state and reason to show for them.
   */
  record InBytes(byte[] bytes, boolean[] unknown, ValueState unknownState, String unknownReason)
      implements ValueSource {
    public static InBytes of(byte[] bytes) {
      return new InBytes(bytes, null, null, null);
    }
  }

  /** No value: optimized out, unavailable, unreadable or an error. */
  record Missing(ValueState state, String reason) implements ValueSource {}
}
