package dev.wasmcore.inspect;

/**
 * A session-level error with a message fit for the user (a missing file, a module that does not match the dump, an
 * expression error). The DAP layer sends {@link #getMessage()} as the error response's message.
 */
public class SessionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SessionException(String message) {
    super(message);
  }

  public SessionException(String message, Throwable cause) {
    super(message, cause);
  }
}
