package dev.wasmcore.inspect.expr;

/** Prefix operators of the expression language (C semantics; {@code sizeof} and casts are their own nodes). */
public enum UnaryOp {
  /** {@code *p}: the object a pointer points to. */
  DEREF("*"),
  /** {@code &x}: the address of an object in linear memory. */
  ADDRESS_OF("&"),
  /** {@code -x}. */
  NEGATE("-"),
  /** {@code +x} (integer promotion only). */
  PLUS("+"),
  /** {@code !x}: 1 when x is zero, else 0. */
  LOGICAL_NOT("!"),
  /** {@code ~x}: bitwise complement. */
  BIT_NOT("~");

  private final String symbol;

  UnaryOp(String symbol) {
    this.symbol = symbol;
  }

  /** The operator as written. */
  public String symbol() {
    return symbol;
  }
}
