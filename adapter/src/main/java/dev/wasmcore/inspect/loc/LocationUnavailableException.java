package dev.wasmcore.inspect.loc;

/**
 * Thrown by a {@link LocationContext} (or the evaluator) when a value cannot be produced: it carries the honest state
 * and a reason such as "unreadable memory at 0x1040" or "wasm local 3 is not in the dump".
 */
public final class LocationUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final ValueAvailability availability;

  public LocationUnavailableException(ValueAvailability availability, String reason) {
    super(reason, null, false, false);
    this.availability = availability;
  }

  public ValueAvailability availability() {
    return availability;
  }

  /** The standard "unreadable memory" failure. */
  public static LocationUnavailableException unreadable(long address) {
    return new LocationUnavailableException(ValueAvailability.UNREADABLE,
        "unreadable memory at 0x" + Long.toHexString(address));
  }
}
