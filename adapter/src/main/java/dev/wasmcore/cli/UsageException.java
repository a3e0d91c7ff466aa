package dev.wasmcore.cli;

/** Bad command-line arguments: reported with the command's usage, exit status 2. */
public class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}
