package dev.wasmcore.dap.protocol;

/**
 * A request that cannot be served, with the message the user sees. The dispatcher turns it into an error response
 * whose {@code message} is {@link #getMessage()} and whose {@code body.error} carries the id.
 */
public final class DapException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorId id;

  public DapException(ErrorId id, String message) {
    super(message);
    this.id = id;
  }

  public DapException(ErrorId id, String message, Throwable cause) {
    super(message, cause);
    this.id = id;
  }

  public ErrorId id() {
    return id;
  }
}
