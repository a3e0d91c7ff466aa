package dev.wasmcore.dap.protocol;

/**
 * The error ids this server puts into {@code body.error.id} of an error response. Clients show the message; the id
 * lets tests and tools tell the kinds apart without parsing text.
 */
public enum ErrorId {
  NOT_INITIALIZED(1001, false),
  INVALID_ARGUMENTS(1002, true),
  UNKNOWN_COMMAND(1003, false),
  NO_SESSION(1004, true),
  NOT_RUNNING(1005, true),
  LAUNCH_FAILED(1006, true),
  ACCESS_DENIED(1007, true),
  EVALUATION_FAILED(1008, false),
  INTERNAL(1009, true),
  CANCELLED(1010, false),
  SOURCE_NOT_AVAILABLE(1011, true),
  ALREADY_LAUNCHED(1012, true),
  INVALID_MESSAGE(1013, false),
  BUSY(1014, true),
  REQUEST_FAILED(1015, true);

  private final int code;
  private final boolean showUser;

  ErrorId(int code, boolean showUser) {
    this.code = code;
    this.showUser = showUser;
  }

  /** The number sent as {@code body.error.id}. */
  public int code() {
    return code;
  }

  /** Whether a client should show the message to the user (VS Code pops up a notification). */
  public boolean showUser() {
    return showUser;
  }
}
