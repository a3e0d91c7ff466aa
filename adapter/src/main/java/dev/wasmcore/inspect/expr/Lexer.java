package dev.wasmcore.inspect.expr;

import java.math.BigInteger;
import java.util.Set;

/**
 * A stateless, position-based tokenizer over {@code text[from, to)}: {@link #lex(int, boolean)} returns the token at
 * a position. The parser drives it, because one decision needs the parser's context: after an operand, {@code .}
 * is member access ({@code t.0}, not the float {@code .0}), and right after a {@code .} or {@code ->} the member is
 * lexed by {@link #member(int)} (so {@code t.0.1} is two tuple fields, not the float {@code 0.1}).
 */
final class Lexer {
  private static final String[] PUNCT2 = {"->", "::", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||"};
  private static final String PUNCT1 = "+-*/%<>&|^!~?:()[].,";
  private static final Set<String> RUST_INT_SUFFIXES = Set.of("u8", "u16", "u32", "u64", "u128", "usize", "i8",
      "i16", "i32", "i64", "i128", "isize");

  private final String text;
  private final int to;

  Lexer(String text, int to) {
    this.text = text;
    this.to = to;
  }

  static ExprSyntaxException error(SourceSpan span, String token, String reason) {
    return new ExprSyntaxException(span, "unexpected " + token + " at column " + span.column() + ": " + reason,
        reason);
  }

  private ExprSyntaxException errorAt(int start, int end, String reason) {
    SourceSpan span = new SourceSpan(start, Math.max(start, Math.min(end, to)));
    return new ExprSyntaxException(span, reason + " at column " + span.column(), reason);
  }

  private int skipSpace(int pos) {
    while (pos < to && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
    return pos;
  }

  private static boolean identStart(char c) {
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean identPart(char c) {
    return identStart(c) || (c >= '0' && c <= '9');
  }

  /**
   * The token at {@code pos} (after white space).
   *
   * @param afterOperand true when the previous token ended an operand, so {@code .5} is {@code .} then {@code 5}
   */
  Token lex(int pos, boolean afterOperand) {
    int start = skipSpace(pos);
    if (start >= to) {
      return new Token(Token.Kind.EOF, "", new SourceSpan(start, start), null);
    }
    char c = text.charAt(start);
    if (identStart(c)) {
      int end = start + 1;
      while (end < to && identPart(text.charAt(end))) {
        end++;
      }
      return new Token(Token.Kind.IDENT, text.substring(start, end), new SourceSpan(start, end), null);
    }
    if (c == '$') {
      int end = start + 1;
      while (end < to && (identPart(text.charAt(end)) || text.charAt(end) == '.')) {
        end++;
      }
      if (end == start + 1) {
        throw errorAt(start, start + 1, "'$' must be followed by a wasm name such as $local0 or $__stack_pointer");
      }
      return new Token(Token.Kind.WASM_NAME, text.substring(start, end), new SourceSpan(start, end), null);
    }
    if ((c >= '0' && c <= '9') || (c == '.' && !afterOperand && start + 1 < to && isDigit(text.charAt(start + 1)))) {
      return number(start);
    }
    if (c == '\'') {
      return charLiteral(start);
    }
    if (c == '"') {
      return stringLiteral(start);
    }
    for (String p : PUNCT2) {
      if (text.startsWith(p, start) && start + 2 <= to) {
        return new Token(Token.Kind.PUNCT, p, new SourceSpan(start, start + 2), null);
      }
    }
    if (PUNCT1.indexOf(c) >= 0) {
      return new Token(Token.Kind.PUNCT, String.valueOf(c), new SourceSpan(start, start + 1), null);
    }
    int cp = text.codePointAt(start);
    String shown = Character.isISOControl(cp) || Character.isWhitespace(cp)
        ? String.format("U+%04X", cp) : new String(Character.toChars(cp));
    throw errorAt(start, start + Character.charCount(cp), "invalid character '" + shown + "'");
  }

  /** The member name after {@code .} or {@code ->}: an identifier or a decimal tuple index; else null. */
  Token member(int pos) {
    int start = skipSpace(pos);
    if (start < to && isDigit(text.charAt(start))) {
      int end = start;
      while (end < to && isDigit(text.charAt(end))) {
        end++;
      }
      return new Token(Token.Kind.IDENT, text.substring(start, end), new SourceSpan(start, end), null);
    }
    if (start < to && identStart(text.charAt(start))) {
      return lex(start, false);
    }
    return null;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int digitValue(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return 99;
  }

  /** Scans digits of a radix (and {@code _} separators) from {@code pos}; returns the end. */
  private int digits(int pos, int radix) {
    while (pos < to && (digitValue(text.charAt(pos)) < radix || text.charAt(pos) == '_')) {
      pos++;
    }
    return pos;
  }

  private Token number(int start) {
    int pos = start;
    int radix = 10;
    boolean isFloat = false;
    boolean hex = false;
    if (text.startsWith("0x", pos) || text.startsWith("0X", pos)) {
      radix = 16;
      hex = true;
      pos += 2;
    } else if (text.startsWith("0b", pos) || text.startsWith("0B", pos)) {
      radix = 2;
      pos += 2;
    }
    int digitsStart = pos;
    // Decimal digits are scanned for octal-looking literals too, so "09" is reported rather than split.
    pos = digits(pos, radix == 2 ? 2 : radix == 16 ? 16 : 10);
    if (radix != 2 && pos < to && text.charAt(pos) == '.' && !(pos + 1 < to && text.charAt(pos + 1) == '.')) {
      isFloat = true;
      pos = digits(pos + 1, hex ? 16 : 10);
    }
    if (hex && pos < to && (text.charAt(pos) == 'p' || text.charAt(pos) == 'P')) {
      isFloat = true;
      pos = exponent(pos, start);
    } else if (!hex && radix == 10 && pos < to && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
      isFloat = true;
      pos = exponent(pos, start);
    } else if (hex && isFloat) {
      throw errorAt(start, pos, "hexadecimal floating literal needs a 'p' exponent");
    }
    int suffixStart = pos;
    while (pos < to && identPart(text.charAt(pos))) {
      pos++;
    }
    String body = text.substring(start, suffixStart);
    String suffix = text.substring(suffixStart, pos);
    SourceSpan span = new SourceSpan(start, pos);
    if (isFloat || suffix.equals("f32") || suffix.equals("f64")) {
      return floatToken(body, suffix, hex, radix, span);
    }
    String digits = text.substring(digitsStart, suffixStart).replace("_", "");
    if (digits.isEmpty()) {
      throw errorAt(start, pos, "integer literal '" + span.of(text) + "' has no digits");
    }
    String raw = text.substring(digitsStart, suffixStart);
    if (raw.startsWith("_") || raw.endsWith("_")) {
      throw errorAt(start, pos, "misplaced '_' in '" + span.of(text) + "'");
    }
    if (radix == 10 && digits.length() > 1 && digits.charAt(0) == '0') {
      radix = 8;
      digits = digits.substring(1);
      for (int i = 0; i < digits.length(); i++) {
        if (digits.charAt(i) > '7') {
          throw errorAt(start, pos, "invalid digit '" + digits.charAt(i) + "' in octal literal '" + span.of(text)
              + "'");
        }
      }
    }
    if (digits.length() > 70) {
      throw errorAt(start, pos, "integer literal '" + span.of(text) + "' is too large");
    }
    BigInteger value = new BigInteger(digits, radix);
    if (value.bitLength() > 64) {
      throw errorAt(start, pos, "integer literal '" + span.of(text) + "' does not fit 64 bits");
    }
    Expr.IntSuffix s = intSuffix(suffix, start, pos, span);
    return new Token(Token.Kind.INT, span.of(text), span, new Expr.IntLiteral(value, radix, s, span));
  }

  private int exponent(int pos, int start) {
    pos++;
    if (pos < to && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
      pos++;
    }
    int d = pos;
    while (pos < to && isDigit(text.charAt(pos))) {
      pos++;
    }
    if (d == pos) {
      throw errorAt(start, pos, "exponent has no digits in '" + text.substring(start, pos) + "'");
    }
    return pos;
  }

  private Expr.IntSuffix intSuffix(String suffix, int start, int end, SourceSpan span) {
    if (suffix.isEmpty()) {
      return Expr.IntSuffix.NONE;
    }
    if (RUST_INT_SUFFIXES.contains(suffix)) {
      return new Expr.IntSuffix(suffix.startsWith("u"), 0, suffix);
    }
    String s = suffix;
    boolean unsigned = false;
    if (s.startsWith("u") || s.startsWith("U")) {
      unsigned = true;
      s = s.substring(1);
    } else if (s.endsWith("u") || s.endsWith("U")) {
      unsigned = true;
      s = s.substring(0, s.length() - 1);
    }
    int longs = switch (s) {
      case "" -> 0;
      case "l", "L" -> 1;
      case "ll", "LL" -> 2;
      default -> -1;
    };
    if (longs < 0) {
      throw errorAt(start, end, "invalid suffix '" + suffix + "' on integer literal '" + span.of(text) + "'");
    }
    return new Expr.IntSuffix(unsigned, longs, null);
  }

  private Token floatToken(String body, String suffix, boolean hex, int radix, SourceSpan span) {
    if (radix == 2) {
      throw errorAt(span.start(), span.end(), "binary literal '" + span.of(text) + "' cannot be a float");
    }
    Expr.FloatSuffix fs = switch (suffix) {
      case "" -> Expr.FloatSuffix.NONE;
      case "f", "F" -> Expr.FloatSuffix.FLOAT;
      case "l", "L" -> Expr.FloatSuffix.LONG_DOUBLE;
      case "f32" -> Expr.FloatSuffix.F32;
      case "f64" -> Expr.FloatSuffix.F64;
      default -> throw errorAt(span.start(), span.end(),
          "invalid suffix '" + suffix + "' on floating literal '" + span.of(text) + "'");
    };
    String clean = body.replace("_", "");
    if (clean.length() > 400) {
      throw errorAt(span.start(), span.end(), "floating literal is too long");
    }
    double v;
    try {
      // Java's parser accepts C's forms: "1.", ".5", "1e3", and hex "0x1.8p3".
      v = Double.parseDouble(clean);
    } catch (NumberFormatException e) {
      throw errorAt(span.start(), span.end(), "invalid floating literal '" + span.of(text) + "'");
    }
    if (fs == Expr.FloatSuffix.FLOAT || fs == Expr.FloatSuffix.F32) {
      v = (float) v;
    }
    return new Token(Token.Kind.FLOAT, span.of(text), span, new Expr.FloatLiteral(v, fs, span));
  }

  /** Decodes one escape at {@code pos} (the backslash); returns {code point, end}. */
  private int[] escape(int pos, int literalStart) {
    if (pos + 1 >= to) {
      throw errorAt(literalStart, to, "unterminated literal");
    }
    char e = text.charAt(pos + 1);
    switch (e) {
      case 'n': return new int[] {'\n', pos + 2};
      case 't': return new int[] {'\t', pos + 2};
      case 'r': return new int[] {'\r', pos + 2};
      case 'a': return new int[] {7, pos + 2};
      case 'b': return new int[] {'\b', pos + 2};
      case 'f': return new int[] {'\f', pos + 2};
      case 'v': return new int[] {11, pos + 2};
      case 'e': return new int[] {27, pos + 2};
      case '\\': case '\'': case '"': case '?': return new int[] {e, pos + 2};
      case 'x': {
        int end = pos + 2;
        int v = 0;
        while (end < to && digitValue(text.charAt(end)) < 16) {
          v = v * 16 + digitValue(text.charAt(end));
          if (v > 0x10FFFF) {
            throw errorAt(pos, end + 1, "hex escape out of range");
          }
          end++;
        }
        if (end == pos + 2) {
          throw errorAt(pos, end, "\\x escape needs hex digits");
        }
        return new int[] {v, end};
      }
      case 'u': case 'U': {
        int end = pos + 2;
        boolean braced = e == 'u' && end < to && text.charAt(end) == '{'; // Rust's braced form, u{E9}
        if (braced) {
          end++;
        }
        int n = braced ? 6 : e == 'u' ? 4 : 8;
        int v = 0;
        int got = 0;
        while (got < n && end < to && digitValue(text.charAt(end)) < 16) {
          v = v * 16 + digitValue(text.charAt(end));
          end++;
          got++;
        }
        if (braced) {
          if (end >= to || text.charAt(end) != '}' || got == 0) {
            throw errorAt(pos, end, "\\u{...} escape needs 1 to 6 hex digits and '}'");
          }
          end++;
        } else if (got != n) {
          throw errorAt(pos, end, "\\" + e + " escape needs " + n + " hex digits");
        }
        // Eight hex digits (\UFFFFFFFF) overflow an int into the negatives: those are out of range too.
        if (v < 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
          throw errorAt(pos, end, "escape is not a Unicode scalar value");
        }
        return new int[] {v, end};
      }
      default:
        if (e >= '0' && e <= '7') {
          int end = pos + 1;
          int v = 0;
          while (end < to && end < pos + 4 && text.charAt(end) >= '0' && text.charAt(end) <= '7') {
            v = v * 8 + (text.charAt(end) - '0');
            end++;
          }
          return new int[] {v, end};
        }
        throw errorAt(pos, pos + 2, "invalid escape sequence '\\" + e + "'");
    }
  }

  private Token charLiteral(int start) {
    int pos = start + 1;
    if (pos >= to) {
      throw errorAt(start, to, "unterminated character literal");
    }
    char c = text.charAt(pos);
    if (c == '\'') {
      throw errorAt(start, pos + 1, "empty character literal");
    }
    int cp;
    if (c == '\\') {
      int[] r = escape(pos, start);
      cp = r[0];
      pos = r[1];
    } else {
      cp = text.codePointAt(pos);
      pos += Character.charCount(cp);
    }
    if (pos >= to || text.charAt(pos) != '\'') {
      throw errorAt(start, pos, "character literal must hold one character and end with '");
    }
    SourceSpan span = new SourceSpan(start, pos + 1);
    return new Token(Token.Kind.CHAR, span.of(text), span, new Expr.CharLiteral(cp, span));
  }

  private Token stringLiteral(int start) {
    StringBuilder sb = new StringBuilder();
    int pos = start + 1;
    while (true) {
      if (pos >= to) {
        throw errorAt(start, to, "unterminated string literal");
      }
      char c = text.charAt(pos);
      if (c == '"') {
        pos++;
        break;
      }
      if (c == '\\') {
        int[] r = escape(pos, start);
        sb.appendCodePoint(r[0]);
        pos = r[1];
      } else {
        sb.append(c);
        pos++;
      }
    }
    SourceSpan span = new SourceSpan(start, pos);
    return new Token(Token.Kind.STRING, span.of(text), span, new Expr.StringLiteral(sb.toString(), span));
  }
}
