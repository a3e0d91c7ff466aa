package dev.wasmcore.inspect.expr;

/**
 * A range {@code [start, end)} of character indices (0-based) in the text that was parsed. Columns shown to users are
 * 1-based: {@link #column()} is {@code start + 1}.
 */
public record SourceSpan(int start, int end) {
  public SourceSpan {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
    }
  }

  /** The 1-based column of the first character. */
  public int column() {
    return start + 1;
  }

  /** The smallest span covering both. */
  public SourceSpan to(SourceSpan other) {
    return new SourceSpan(Math.min(start, other.start), Math.max(end, other.end));
  }

  /** The spanned text of {@code source}. */
  public String of(String source) {
    return source.substring(start, end);
  }
}
