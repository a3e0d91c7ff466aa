package dev.wasmcore.inspect.expr;

/**
 * The one error the expression and console parsers throw: a syntax error in what the user typed, naming the token, the
 * 1-based column and the reason, e.g. {@code unexpected ')' at column 7: expected an expression}. The parsers never
 * throw anything else for any input string.
 */
public final class ExprSyntaxException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient SourceSpan span;
  private final String reason;

  public ExprSyntaxException(SourceSpan span, String message, String reason) {
    super(message);
    this.span = span;
    this.reason = reason;
  }

  /** Where the error is (the offending token, or an empty span at the end of the input). */
  public SourceSpan span() {
    return span;
  }

  /** The 1-based column of the offending token. */
  public int column() {
    return span.column();
  }

  /** The reason alone, without the token and column ("expected an expression"). */
  public String reason() {
    return reason;
  }
}
