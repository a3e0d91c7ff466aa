package dev.wasmcore.inspect.expr;

/**
 * Binary operators with their C precedence (higher binds tighter) and associativity. All are left-associative; the
 * conditional {@code ?:} (precedence 1, right-associative) is its own node.
 *
 * <pre>
 *  10  *  /  %
 *   9  +  -
 *   8  &lt;&lt; &gt;&gt;
 *   7  &lt;  &lt;= &gt;  &gt;=
 *   6  == !=
 *   5  &amp;
 *   4  ^
 *   3  |
 *   2  &amp;&amp;
 *   1  ||
 * </pre>
 * Postfix operators ({@code [] . ->}) bind tighter than prefix operators, casts and {@code sizeof}, which bind tighter
 * than all of these.
 */
public enum BinaryOp {
  MUL("*", 10), DIV("/", 10), REM("%", 10),
  ADD("+", 9), SUB("-", 9),
  SHL("<<", 8), SHR(">>", 8),
  LT("<", 7), LE("<=", 7), GT(">", 7), GE(">=", 7),
  EQ("==", 6), NE("!=", 6),
  BIT_AND("&", 5),
  BIT_XOR("^", 4),
  BIT_OR("|", 3),
  LOGICAL_AND("&&", 2),
  LOGICAL_OR("||", 1);

  private final String symbol;
  private final int precedence;

  BinaryOp(String symbol, int precedence) {
    this.symbol = symbol;
    this.precedence = precedence;
  }

  public String symbol() {
    return symbol;
  }

  /** C precedence level, 1 (loosest, {@code ||}) to 10 (tightest, {@code * / %}). */
  public int precedence() {
    return precedence;
  }

  /** True for {@code < <= > >= == !=}: the result is an {@code int} 0 or 1. */
  public boolean isComparison() {
    return precedence == 7 || precedence == 6;
  }

  /** True for {@code && ||}: the right operand is evaluated only when needed. */
  public boolean isLogical() {
    return this == LOGICAL_AND || this == LOGICAL_OR;
  }

  static BinaryOp forSymbol(String s) {
    for (BinaryOp op : values()) {
      if (op.symbol.equals(s)) {
        return op;
      }
    }
    return null;
  }
}
