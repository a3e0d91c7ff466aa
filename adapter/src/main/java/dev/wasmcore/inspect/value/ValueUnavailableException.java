package dev.wasmcore.inspect.value;

import dev.wasmcore.inspect.VariableView.ValueState;
import dev.wasmcore.inspect.loc.LocationUnavailableException;

/** A value (or part of one) that cannot be shown, with the honest state and the reason. */
public final class ValueUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final ValueState state;

  public ValueUnavailableException(ValueState state, String reason) {
    super(reason, null, false, false);
    this.state = state;
  }

  public ValueState state() {
    return state;
  }

  public static ValueUnavailableException unreadable(long address) {
    return new ValueUnavailableException(ValueState.UNREADABLE, "unreadable memory at 0x" + Long.toHexString(address));
  }

  /** Maps the location layer's state onto the view's. */
  public static ValueState map(dev.wasmcore.inspect.loc.ValueAvailability a) {
    return switch (a) {
      case OPTIMIZED_OUT -> ValueState.OPTIMIZED_OUT;
      case UNAVAILABLE -> ValueState.UNAVAILABLE;
      case UNREADABLE -> ValueState.UNREADABLE;
      case ERROR -> ValueState.ERROR;
    };
  }

  public static ValueUnavailableException of(LocationUnavailableException e) {
    return new ValueUnavailableException(map(e.availability()), e.getMessage());
  }
}
