package dev.wasmcore.inspect.expr;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Parses the C-like expression language of the debugger into an {@link Expr} tree.
 *
 * <p>Grammar (C precedence, loosest first):
 * <pre>
 * conditional := binary ( '?' conditional ':' conditional )?
 * binary      := unary ( binop unary )*              (precedence climbing, see {@link BinaryOp})
 * unary       := ('*' | '&amp;' | '-' | '+' | '!' | '~') unary
 *              | 'sizeof' '(' type-name ')' | 'sizeof' unary
 *              | '(' type-name ')' unary              (a cast: only when the parenthesis starts a type name)
 *              | postfix
 * postfix     := primary ( '[' conditional ']' | '.' member | '-&gt;' member )*
 * member      := identifier | decimal-digits        (Rust tuple fields: t.0.1)
 * primary     := literal | name | '$'wasm-name | '(' conditional ')'
 * name        := '::'? identifier ( '::' identifier )*
 * type-name   := specifiers abstract-declarator
 * </pre>
 * Whether {@code (x)} opens a cast depends on whether {@code x} names a type, which only the program's debug info
 * knows: keyword types ({@code int}, {@code struct S}, {@code unsigned char}, {@code const ...}) always do, any other
 * (qualified) identifier is looked up through the {@link TypeNameOracle}.
 *
 * <p>Limits: expressions nest at most {@link #maxDepth()} levels (tree depth and parser recursion both), so deep
 * input fails with an {@link ExprSyntaxException} instead of a {@link StackOverflowError}, and evaluators can recurse
 * over the tree safely; input is at most {@link #MAX_LENGTH} characters. For any string, {@link #parse} returns a
 * tree or throws {@link ExprSyntaxException}; nothing else. Instances are immutable and thread-safe.
 */
public final class ExpressionParser {
  /** The longest input accepted, in characters. */
  public static final int MAX_LENGTH = 65_536;
  /** The largest {@link #maxDepth()} allowed: keeps the parser's own recursion far from the thread's stack limit. */
  public static final int MAX_DEPTH_LIMIT = 256;
  /** The default nesting limit (the same as {@code Limits.defaults().maxExpressionDepth()}). */
  public static final int DEFAULT_MAX_DEPTH = 64;

  static final Set<String> BUILTIN_TYPE_WORDS = Set.of("void", "char", "short", "int", "long", "float", "double",
      "signed", "unsigned", "_Bool", "bool", "__int128");
  private static final Set<String> TYPE_START_WORDS = Set.of("struct", "union", "enum", "class", "const", "volatile");
  private static final Set<String> KEYWORDS;

  static {
    java.util.HashSet<String> k = new java.util.HashSet<>(BUILTIN_TYPE_WORDS);
    k.addAll(TYPE_START_WORDS);
    k.add("sizeof");
    KEYWORDS = Set.copyOf(k);
  }

  private final TypeNameOracle oracle;
  private final int maxDepth;

  /**
   * @param oracle answers whether an identifier names a type (see {@link TypeNameOracle})
   * @param maxDepth the deepest nesting accepted, 1 to {@link #MAX_DEPTH_LIMIT}
   */
  public ExpressionParser(TypeNameOracle oracle, int maxDepth) {
    this.oracle = Objects.requireNonNull(oracle);
    if (maxDepth < 1 || maxDepth > MAX_DEPTH_LIMIT) {
      throw new IllegalArgumentException("maxDepth must be 1.." + MAX_DEPTH_LIMIT + ", not " + maxDepth);
    }
    this.maxDepth = maxDepth;
  }

  /** A parser with no type names known and the default depth. */
  public ExpressionParser() {
    this(TypeNameOracle.NONE, DEFAULT_MAX_DEPTH);
  }

  public int maxDepth() {
    return maxDepth;
  }

  public TypeNameOracle oracle() {
    return oracle;
  }

  /** Parses a whole string as one expression. */
  public Expr parse(String text) {
    return parse(text, 0, text.length());
  }

  /**
   * Parses {@code text[from, to)} as one expression; spans and error columns count from the start of {@code text}
   * (so a console command's argument reports columns of the whole command line).
   */
  public Expr parse(String text, int from, int to) {
    Run run = new Run(text, from, to);
    try {
      Expr e = run.conditional();
      run.expectEnd("expected an operator or the end of the expression");
      return e;
    } catch (StackOverflowError e) {
      // Last-resort net for callers on threads with unusually small stacks: the depth limit keeps the recursion at
      // about 5 frames per level, which fits a default (1 MiB) thread stack at MAX_DEPTH_LIMIT.
      throw run.tooDeep(new SourceSpan(from, from));
    }
  }

  /**
   * Parses {@code text[from, to)} as a type name, for {@code ptype TYPE} and {@code sizeof}-like commands; an error
   * when it is not one.
   */
  public TypeName parseTypeName(String text, int from, int to) {
    Run run = new Run(text, from, to);
    if (!run.startsTypeName(run.current)) {
      throw run.unexpected(run.current, "expected a type name");
    }
    TypeName t = run.typeName();
    run.expectEnd("expected the end of the type name");
    return t;
  }

  /** Whether {@code text[from, to)} starts with a type name (keyword type, or a name the oracle knows). */
  public boolean startsWithTypeName(String text, int from, int to) {
    Run run = new Run(text, from, to);
    return run.startsTypeName(run.current);
  }

  private static void checkInput(String text, int from, int to) {
    Objects.requireNonNull(text);
    if (from < 0 || to > text.length() || from > to) {
      throw new IllegalArgumentException("range [" + from + ", " + to + ") outside the text");
    }
    if (to - from > MAX_LENGTH) {
      SourceSpan span = new SourceSpan(from, from);
      String reason = "expression longer than " + MAX_LENGTH + " characters";
      throw new ExprSyntaxException(span, reason + " at column " + span.column(), reason);
    }
  }

  /** The state of one parse. */
  private final class Run {
    private final String text;
    private final Lexer lexer;
    private final int to;
    private Token current;
    /** Tree depth of every node built, for the depth limit (identity: equal records may sit at different depths). */
    private final Map<Expr, Integer> depths = new IdentityHashMap<>();
    private int recursion;

    Run(String text, int from, int to) {
      checkInput(text, from, to);
      this.text = text;
      this.to = to;
      this.lexer = new Lexer(text, to);
      this.current = lexer.lex(from, false);
    }

    // ---- tokens

    private static boolean endsOperand(Token t) {
      return switch (t.kind()) {
        case IDENT -> !KEYWORDS.contains(t.text()) || BUILTIN_TYPE_WORDS.contains(t.text());
        case WASM_NAME, INT, FLOAT, CHAR, STRING -> true;
        case PUNCT -> t.is(")") || t.is("]");
        default -> false;
      };
    }

    private Token advance() {
      Token t = current;
      current = lexer.lex(t.span().end(), endsOperand(t));
      return t;
    }

    private Token peekAfter(Token t) {
      return lexer.lex(t.span().end(), endsOperand(t));
    }

    ExprSyntaxException unexpected(Token t, String reason) {
      return Lexer.error(t.span(), t.describe(), reason);
    }

    void expectEnd(String reason) {
      if (current.kind() != Token.Kind.EOF) {
        throw unexpected(current, reason);
      }
    }

    private Token expect(String punct, String reason) {
      if (!current.is(punct)) {
        throw unexpected(current, reason);
      }
      return advance();
    }

    // ---- depth

    private void enter(Token at) {
      if (++recursion > maxDepth) {
        throw tooDeep(at.span());
      }
    }

    private void leave() {
      recursion--;
    }

    ExprSyntaxException tooDeep(SourceSpan at) {
      String reason = "expression nested more than " + maxDepth + " levels deep";
      return new ExprSyntaxException(at, reason + " at column " + at.column(), reason);
    }

    /** Records a new node's depth (1 + its deepest child) and enforces the limit. */
    private <E extends Expr> E node(E e, Expr... children) {
      int d = 0;
      for (Expr c : children) {
        d = Math.max(d, depths.getOrDefault(c, 1));
      }
      d++;
      if (d > maxDepth) {
        throw tooDeep(e.span());
      }
      depths.put(e, d);
      return e;
    }

    // ---- expressions

    Expr conditional() {
      enter(current);
      try {
        Expr cond = binary(1);
        if (!current.is("?")) {
          return cond;
        }
        advance();
        Expr then = conditional();
        expect(":", "expected ':' of the conditional expression");
        Expr otherwise = conditional();
        return node(new Expr.Conditional(cond, then, otherwise, cond.span().to(otherwise.span())), cond, then,
            otherwise);
      } finally {
        leave();
      }
    }

    private Expr binary(int minPrecedence) {
      Expr left = unary();
      while (true) {
        BinaryOp op = current.kind() == Token.Kind.PUNCT ? BinaryOp.forSymbol(current.text()) : null;
        if (op == null || op.precedence() < minPrecedence) {
          return left;
        }
        advance();
        // Left associativity: the right operand only takes operators that bind tighter. The recursion is bounded
        // by the number of precedence levels.
        Expr right = binary(op.precedence() + 1);
        left = node(new Expr.Binary(op, left, right, left.span().to(right.span())), left, right);
      }
    }

    private Expr unary() {
      Token t = current;
      UnaryOp op = null;
      if (t.kind() == Token.Kind.PUNCT) {
        op = switch (t.text()) {
          case "*" -> UnaryOp.DEREF;
          case "&" -> UnaryOp.ADDRESS_OF;
          case "-" -> UnaryOp.NEGATE;
          case "+" -> UnaryOp.PLUS;
          case "!" -> UnaryOp.LOGICAL_NOT;
          case "~" -> UnaryOp.BIT_NOT;
          default -> null;
        };
      }
      if (op != null) {
        advance();
        enter(t);
        try {
          Expr operand = unary();
          return node(new Expr.Unary(op, operand, t.span().to(operand.span())), operand);
        } finally {
          leave();
        }
      }
      if (t.isIdent("sizeof")) {
        advance();
        enter(t);
        try {
          if (current.is("(") && startsTypeName(peekAfter(current))) {
            advance();
            TypeName type = typeName();
            Token close = expect(")", "expected ')' after the type name");
            return node(new Expr.SizeofType(type, t.span().to(close.span())));
          }
          Expr operand = unary();
          return node(new Expr.SizeofExpr(operand, t.span().to(operand.span())), operand);
        } finally {
          leave();
        }
      }
      // The oracle is asked once per parenthesis.
      boolean castType = t.is("(") && startsTypeName(peekAfter(t));
      if (t.is("(") && !castType) {
        Token unknown = unknownCastType(t);
        if (unknown != null) {
          String reason = "no type named '" + unknown.text() + "'";
          throw new ExprSyntaxException(unknown.span(), reason + " (column " + unknown.span().column() + ")",
              reason);
        }
      }
      if (castType) {
        advance();
        enter(t);
        try {
          TypeName type = typeName();
          expect(")", "expected ')' after the type name of the cast");
          if (current.kind() == Token.Kind.EOF) {
            throw unexpected(current, "expected an expression after the cast to '" + type + "'");
          }
          Expr operand = unary();
          return node(new Expr.Cast(type, operand, t.span().to(operand.span())), operand);
        } finally {
          leave();
        }
      }
      return postfix();
    }

    private Expr postfix() {
      Expr e = primary();
      while (true) {
        if (current.is("[")) {
          Token open = advance();
          enter(open);
          try {
            Expr index = conditional();
            Token close = expect("]", "expected ']' after the index");
            e = node(new Expr.Index(e, index, e.span().to(close.span())), e, index);
          } finally {
            leave();
          }
        } else if (current.is(".") || current.is("->")) {
          Token op = current;
          Token member = lexer.member(op.span().end());
          if (member == null || KEYWORDS.contains(member.text())) {
            Token shown = member != null ? member : lexer.lex(op.span().end(), false);
            throw unexpected(shown, "expected a member name after '" + op.text() + "'");
          }
          current = member;
          advance();
          e = node(new Expr.Member(e, member.text(), op.is("->"), member.span(), e.span().to(member.span())), e);
        } else {
          return e;
        }
      }
    }

    private Expr primary() {
      Token t = current;
      switch (t.kind()) {
        case INT, FLOAT, CHAR -> {
          advance();
          return node(t.literal());
        }
        case STRING -> {
          advance();
          Expr.StringLiteral s = (Expr.StringLiteral) t.literal();
          if (current.kind() != Token.Kind.STRING) {
            return node(s);
          }
          StringBuilder sb = new StringBuilder(s.value());
          SourceSpan span = s.span();
          while (current.kind() == Token.Kind.STRING) { // "a" "b": adjacent literals are one string
            Expr.StringLiteral next = (Expr.StringLiteral) advance().literal();
            sb.append(next.value());
            span = span.to(next.span());
          }
          return node(new Expr.StringLiteral(sb.toString(), span));
        }
        case WASM_NAME -> {
          advance();
          return node(new Expr.WasmName(t.text().substring(1), t.span()));
        }
        case IDENT -> {
          if (t.text().equals("true") || t.text().equals("false")) {
            advance();
            return node(new Expr.BoolLiteral(t.text().equals("true"), t.span()));
          }
          if (KEYWORDS.contains(t.text())) {
            throw unexpected(t, "a type name can only appear in a cast or sizeof(...)");
          }
          return node(name());
        }
        case PUNCT -> {
          if (t.is("::")) {
            return node(name());
          }
          if (t.is("(")) {
            advance();
            Expr inner = conditional();
            expect(")", "expected ')'");
            return inner;
          }
          throw unexpected(t, "expected an expression");
        }
        default -> throw unexpected(t, "expected an expression");
      }
    }

    /** {@code ::}? identifier ({@code ::} identifier)*. */
    private Expr.Name name() {
      Token first = current;
      boolean global = false;
      if (current.is("::")) {
        global = true;
        advance();
      }
      List<String> segments = new ArrayList<>();
      SourceSpan span = first.span();
      while (true) {
        Token id = current;
        if (id.kind() != Token.Kind.IDENT || KEYWORDS.contains(id.text())) {
          throw unexpected(id, "expected a name" + (segments.isEmpty() && !global ? "" : " after '::'"));
        }
        advance();
        segments.add(id.text());
        span = span.to(id.span());
        if (!current.is("::")) {
          return new Expr.Name(segments, global, span);
        }
        advance();
      }
    }

    // ---- type names

    /**
     * The identifier of a cast to a type the oracle does not know, or null. {@code (Name *...)} cannot be an
     * expression (a product needs a right operand), and {@code (Name) operand} with a literal, name or wasm name
     * right after the parenthesis cannot either; so both read as a cast whose type is unknown. {@code (x)} alone,
     * {@code (x) - 1} or {@code (x)(y)} stay parenthesised expressions. Called only when the oracle has said the
     * parenthesis does not start a type name.
     */
    private Token unknownCastType(Token open) {
      Token id = peekAfter(open);
      if (id.kind() != Token.Kind.IDENT || KEYWORDS.contains(id.text())
          || BUILTIN_TYPE_WORDS.contains(id.text()) || TYPE_START_WORDS.contains(id.text())) {
        return null;
      }
      Token next = peekAfter(id);
      if (next.is("*")) {
        // Bounded: each step consumes one token of a finite input.
        while (next.is("*")) {
          next = peekAfter(next);
        }
        return next.is(")") ? id : null;
      }
      if (next.is(")")) {
        Token after = peekAfter(next);
        Token.Kind k = after.kind();
        boolean operand = k == Token.Kind.INT || k == Token.Kind.FLOAT || k == Token.Kind.CHAR
            || k == Token.Kind.STRING || k == Token.Kind.WASM_NAME
            || (k == Token.Kind.IDENT && !KEYWORDS.contains(after.text()));
        return operand ? id : null;
      }
      return null;
    }

    /** Whether a type name starts at token {@code t}: a keyword type, or a (qualified) name the oracle knows. */
    boolean startsTypeName(Token t) {
      if (t.kind() == Token.Kind.IDENT && (BUILTIN_TYPE_WORDS.contains(t.text())
          || TYPE_START_WORDS.contains(t.text()))) {
        return true;
      }
      if (t.kind() != Token.Kind.IDENT && !t.is("::")) {
        return false;
      }
      List<String> segments = new ArrayList<>();
      Token tok = t;
      if (tok.is("::")) {
        tok = peekAfter(tok);
      }
      // Bounded: each step consumes two tokens of a finite input.
      while (tok.kind() == Token.Kind.IDENT && !KEYWORDS.contains(tok.text())) {
        segments.add(tok.text());
        Token next = peekAfter(tok);
        if (!next.is("::")) {
          break;
        }
        tok = peekAfter(next);
      }
      return !segments.isEmpty() && segments.size() <= maxDepth && oracle.isTypeName(segments);
    }

    TypeName typeName() {
      Token first = current;
      boolean isConst = false;
      boolean isVolatile = false;
      List<String> builtin = new ArrayList<>();
      TypeName.Kind kind = null;
      List<String> name = null;
      SourceSpan span = first.span();
      while (true) {
        Token t = current;
        if (t.isIdent("const") || t.isIdent("volatile")) {
          if (t.text().equals("const")) {
            isConst = true;
          } else {
            isVolatile = true;
          }
        } else if (t.kind() == Token.Kind.IDENT && BUILTIN_TYPE_WORDS.contains(t.text())) {
          if (kind != null && kind != TypeName.Kind.BUILTIN) {
            throw unexpected(t, "a type has only one base type");
          }
          kind = TypeName.Kind.BUILTIN;
          builtin.add(t.text());
        } else if (t.isIdent("struct") || t.isIdent("union") || t.isIdent("enum") || t.isIdent("class")) {
          if (kind != null) {
            throw unexpected(t, "a type has only one base type");
          }
          kind = TypeName.Kind.valueOf(t.text().toUpperCase(java.util.Locale.ROOT));
          advance();
          Expr.Name n = name();
          name = n.segments();
          span = span.to(n.span());
          continue;
        } else if (kind == null && (t.kind() == Token.Kind.IDENT || t.is("::"))) {
          Expr.Name n = name();
          kind = TypeName.Kind.NAMED;
          name = n.segments();
          span = span.to(n.span());
          continue;
        } else {
          break;
        }
        span = span.to(t.span());
        advance();
      }
      if (kind == null) {
        throw unexpected(current, "expected a type name");
      }
      if (kind == TypeName.Kind.BUILTIN) {
        name = List.of(canonicalBuiltin(builtin, first.span().to(span)));
      }
      TypeName.BaseType base = new TypeName.BaseType(kind, name, isConst, isVolatile);
      List<TypeName.Derivation> derivations = new ArrayList<>();
      SourceSpan declSpan = abstractDeclarator(derivations, 0);
      return new TypeName(base, derivations, declSpan == null ? span : span.to(declSpan));
    }

    /**
     * abstract-declarator := ('*' qualifiers)* ( '(' abstract-declarator ')' )? ('[' N? ']')*. Appends the
     * derivations in application order (pointers bind to the base first, then array suffixes from the right, then
     * the parenthesised inner declarator), and returns the span covered, or null when empty.
     */
    private SourceSpan abstractDeclarator(List<TypeName.Derivation> out, int nesting) {
      if (nesting > maxDepth) {
        throw tooDeep(current.span());
      }
      SourceSpan span = null;
      List<TypeName.Derivation> pointers = new ArrayList<>();
      while (current.is("*")) {
        span = span == null ? current.span() : span.to(current.span());
        advance();
        boolean c = false;
        boolean v = false;
        while (current.isIdent("const") || current.isIdent("volatile")) {
          c |= current.text().equals("const");
          v |= current.text().equals("volatile");
          span = span.to(current.span());
          advance();
        }
        pointers.add(new TypeName.Pointer(c, v));
        if (pointers.size() > maxDepth) {
          throw tooDeep(current.span());
        }
      }
      List<TypeName.Derivation> inner = new ArrayList<>();
      if (current.is("(")) {
        Token next = peekAfter(current);
        if (next.is("*") || next.is("(") || next.is("[")) {
          Token open = advance();
          abstractDeclarator(inner, nesting + 1);
          Token close = expect(")", "expected ')' in the type name");
          span = span == null ? open.span().to(close.span()) : span.to(close.span());
        } else if (!next.is(")")) {
          throw unexpected(current, "function types are not supported in type names");
        }
      }
      if (current.is("(") && !inner.isEmpty()) {
        throw unexpected(current, "function types are not supported in type names");
      }
      List<TypeName.Derivation> arrays = new ArrayList<>();
      while (current.is("[")) {
        Token open = advance();
        OptionalLong length = OptionalLong.empty();
        if (current.kind() == Token.Kind.INT) {
          Expr.IntLiteral lit = (Expr.IntLiteral) current.literal();
          if (lit.value().bitLength() > 62) {
            throw unexpected(current, "array length too large");
          }
          length = OptionalLong.of(lit.bits());
          advance();
        } else if (!current.is("]")) {
          throw unexpected(current, "expected an integer array length or ']'");
        }
        Token close = expect("]", "expected ']' after the array length");
        span = span == null ? open.span().to(close.span()) : span.to(close.span());
        arrays.add(new TypeName.Array(length));
        if (arrays.size() > maxDepth) {
          throw tooDeep(current.span());
        }
      }
      out.addAll(pointers);
      for (int i = arrays.size() - 1; i >= 0; i--) {
        out.add(arrays.get(i));
      }
      out.addAll(inner);
      if (out.size() > maxDepth) {
        throw tooDeep(current.span());
      }
      return span;
    }

    /** The canonical clang spelling of a keyword type ({@code long unsigned int} -> {@code unsigned long}). */
    private String canonicalBuiltin(List<String> words, SourceSpan span) {
      int signed = 0;
      int unsigned = 0;
      int longs = 0;
      int shorts = 0;
      int ints = 0;
      String base = null;
      for (String w : words) {
        switch (w) {
          case "signed" -> signed++;
          case "unsigned" -> unsigned++;
          case "long" -> longs++;
          case "short" -> shorts++;
          case "int" -> ints++;
          default -> {
            if (base != null) {
              throw invalidType(words, span);
            }
            base = w;
          }
        }
      }
      if (signed + unsigned > 1 || ints > 1 || shorts > 1 || longs > 2 || (shorts > 0 && longs > 0)) {
        throw invalidType(words, span);
      }
      String sign = unsigned > 0 ? "unsigned " : "";
      if (base == null) {
        String size = shorts > 0 ? "short" : longs == 2 ? "long long" : longs == 1 ? "long" : "int";
        return sign + size;
      }
      boolean modifiers = signed + unsigned + longs + shorts + ints > 0;
      switch (base) {
        case "char":
          if (longs + shorts + ints > 0) {
            throw invalidType(words, span);
          }
          return signed > 0 ? "signed char" : unsigned > 0 ? "unsigned char" : "char";
        case "double":
          if (signed + unsigned + shorts + ints > 0 || longs > 1) {
            throw invalidType(words, span);
          }
          return longs == 1 ? "long double" : "double";
        case "__int128":
          if (longs + shorts + ints > 0) {
            throw invalidType(words, span);
          }
          return unsigned > 0 ? "unsigned __int128" : "__int128";
        default:
          if (modifiers) {
            throw invalidType(words, span);
          }
          return base;
      }
    }

    private ExprSyntaxException invalidType(List<String> words, SourceSpan span) {
      String reason = "invalid type '" + String.join(" ", words) + "'";
      return new ExprSyntaxException(span, reason + " at column " + span.column(), reason);
    }
  }
}
