package dev.wasmcore.binary;

import java.util.Objects;

/**
 * The one error every reader raises on bad input: it names the file, the absolute byte offset in that file and, where
 * known, the section or structure being read. Callers show {@link #getMessage()} to the user as it is.
 */
public class MalformedInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final long offset;
  private final String reason;

  /**
   * @param file the file name (or another name of the byte source)
   * @param offset absolute offset in that file, or -1 when no single offset applies
   * @param reason what is wrong, e.g. "code section: LEB128 longer than 5 bytes"
   */
  public MalformedInputException(String file, long offset, String reason) {
    this(file, offset, reason, null);
  }

  public MalformedInputException(String file, long offset, String reason, Throwable cause) {
    super(format(file, offset, reason), cause);
    this.file = Objects.requireNonNullElse(file, "<unknown>");
    this.offset = offset;
    this.reason = reason;
  }

  private static String format(String file, long offset, String reason) {
    String f = Objects.requireNonNullElse(file, "<unknown>");
    return offset >= 0 ? f + ": offset 0x" + Long.toHexString(offset) + ": " + reason : f + ": " + reason;
  }

  /** The file (or byte source) name. */
  public String file() {
    return file;
  }

  /** The absolute offset in {@link #file()}, or -1. */
  public long offset() {
    return offset;
  }

  /** The reason without file and offset. */
  public String reason() {
    return reason;
  }

  /** The same error with a context prefix on the reason ("section .debug_info: ..."). */
  public MalformedInputException within(String context) {
    return new MalformedInputException(file, offset, context + ": " + reason, this);
  }
}
