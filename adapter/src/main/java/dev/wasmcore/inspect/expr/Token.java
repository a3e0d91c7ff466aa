package dev.wasmcore.inspect.expr;

/**
 * One token of an expression.
 *
 * @param kind what it is
 * @param text the token as written (for {@link Kind#EOF}, empty)
 * @param span where
 * @param literal for literal kinds, the decoded literal node; else null
 */
record Token(Kind kind, String text, SourceSpan span, Expr literal) {
  enum Kind { IDENT, WASM_NAME, INT, FLOAT, CHAR, STRING, PUNCT, EOF }

  boolean is(String punct) {
    return kind == Kind.PUNCT && text.equals(punct);
  }

  boolean isIdent(String word) {
    return kind == Kind.IDENT && text.equals(word);
  }

  /** How the token is named in error messages: {@code ')'}, {@code 'foo'}, "end of input". */
  String describe() {
    if (kind == Kind.EOF) {
      return "end of input";
    }
    String t = text.length() > 40 ? text.substring(0, 37) + "..." : text;
    return "'" + t + "'";
  }
}
