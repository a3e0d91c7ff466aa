package dev.wasmcore.inspect.expr;

/**
 * Renders an {@link Expr} back to source text with every operator application parenthesised, so the tree's shape is
 * visible ({@code a + b * c} prints as {@code (a + (b * c))}). Used in tests and diagnostics; recursion is bounded by
 * the parser's depth limit.
 */
public final class ExprPrinter {
  private ExprPrinter() {}

  /** The fully parenthesised form. */
  public static String parenthesized(Expr e) {
    StringBuilder sb = new StringBuilder();
    print(e, sb);
    return sb.toString();
  }

  private static void print(Expr e, StringBuilder sb) {
    if (e instanceof Expr.Name n) {
      sb.append(n.qualifiedName());
    } else if (e instanceof Expr.WasmName w) {
      sb.append('$').append(w.name());
    } else if (e instanceof Expr.IntLiteral i) {
      sb.append(i.value());
      if (i.suffix().rustType() != null) {
        sb.append(i.suffix().rustType());
      } else {
        sb.append(i.suffix().unsigned() ? "u" : "").append("l".repeat(i.suffix().longs()));
      }
    } else if (e instanceof Expr.FloatLiteral f) {
      sb.append(f.value()).append(switch (f.suffix()) {
        case FLOAT -> "f";
        case LONG_DOUBLE -> "l";
        case F32 -> "f32";
        case F64 -> "f64";
        default -> "";
      });
    } else if (e instanceof Expr.CharLiteral c) {
      sb.append("'").append(escape(new String(Character.toChars(c.codePoint())), '\'')).append("'");
    } else if (e instanceof Expr.StringLiteral s) {
      sb.append('"').append(escape(s.value(), '"')).append('"');
    } else if (e instanceof Expr.BoolLiteral b) {
      sb.append(b.value());
    } else if (e instanceof Expr.Unary u) {
      sb.append('(').append(u.op().symbol());
      print(u.operand(), sb);
      sb.append(')');
    } else if (e instanceof Expr.SizeofExpr s) {
      sb.append("(sizeof ");
      print(s.operand(), sb);
      sb.append(')');
    } else if (e instanceof Expr.SizeofType s) {
      sb.append("sizeof(").append(s.type()).append(')');
    } else if (e instanceof Expr.Member m) {
      print(m.base(), sb);
      sb.append(m.arrow() ? "->" : ".").append(m.member());
    } else if (e instanceof Expr.Index x) {
      print(x.base(), sb);
      sb.append('[');
      print(x.index(), sb);
      sb.append(']');
    } else if (e instanceof Expr.Cast c) {
      sb.append("((").append(c.type()).append(')');
      print(c.operand(), sb);
      sb.append(')');
    } else if (e instanceof Expr.Binary b) {
      sb.append('(');
      print(b.left(), sb);
      sb.append(' ').append(b.op().symbol()).append(' ');
      print(b.right(), sb);
      sb.append(')');
    } else if (e instanceof Expr.Conditional c) {
      sb.append('(');
      print(c.condition(), sb);
      sb.append(" ? ");
      print(c.then(), sb);
      sb.append(" : ");
      print(c.otherwise(), sb);
      sb.append(')');
    }
  }

  private static String escape(String s, char quote) {
    StringBuilder sb = new StringBuilder();
    s.codePoints().forEach(cp -> {
      if (cp == quote || cp == '\\') {
        sb.append('\\').appendCodePoint(cp);
      } else if (cp == '\n') {
        sb.append("\\n");
      } else if (cp < 0x20 || cp == 0x7F) {
        sb.append(String.format("\\x%02x", cp));
      } else {
        sb.appendCodePoint(cp);
      }
    });
    return sb.toString();
  }
}
