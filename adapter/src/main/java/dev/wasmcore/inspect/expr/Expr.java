package dev.wasmcore.inspect.expr;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The immutable syntax tree of an expression, as {@link ExpressionParser} builds it. Every node carries the
 * {@link SourceSpan} of its text. The evaluator (package {@code dev.wasmcore.inspect}) gives the nodes meaning: names
 * are looked up in the frame's lexical scope, then the unit, then globals; {@link WasmName}s name wasm-level state.
 * Trees are at most {@link ExpressionParser#maxDepth()} deep, so evaluators may recurse.
 */
public sealed interface Expr permits Expr.Name, Expr.WasmName, Expr.IntLiteral, Expr.FloatLiteral, Expr.CharLiteral,
    Expr.StringLiteral, Expr.BoolLiteral, Expr.Unary, Expr.SizeofExpr, Expr.SizeofType, Expr.Member, Expr.Index,
    Expr.Cast, Expr.Binary, Expr.Conditional {

  /** Where the node was written. */
  SourceSpan span();

  /**
   * A source-level name: {@code acc}, C++ {@code ns::Account::count}, a Rust path {@code crate::module::STATIC}, a
   * function's static local {@code function::name}, or {@code ::x} (global scope).
   *
   * @param segments the name's parts, at least one
   * @param global true when written with a leading {@code ::}
   */
  record Name(List<String> segments, boolean global, SourceSpan span) implements Expr {
    public Name {
      segments = List.copyOf(segments);
      if (segments.isEmpty()) {
        throw new IllegalArgumentException("empty name");
      }
      Objects.requireNonNull(span);
    }

    /** True for {@code a::b} forms. */
    public boolean isQualified() {
      return segments.size() > 1 || global;
    }

    /** The last segment. */
    public String simpleName() {
      return segments.get(segments.size() - 1);
    }

    /** The name as written, segments joined with {@code ::}. */
    public String qualifiedName() {
      return (global ? "::" : "") + String.join("::", segments);
    }
  }

  /**
   * A wasm-level name written with {@code $}: {@code $local3}, {@code $stack0}, {@code $global2}, or a name from the
   * module's name section such as {@code $__stack_pointer}. {@link #indexed()} recognises the numbered forms; a name
   * section entry that happens to be called {@code local3} is the evaluator's call.
   *
   * @param name the text after {@code $}
   */
  record WasmName(String name, SourceSpan span) implements Expr {
    public WasmName {
      Objects.requireNonNull(name);
      Objects.requireNonNull(span);
    }

    /** The kinds of numbered wasm names. */
    public enum Space {
      /** {@code $localN}: the frame's wasm local N (parameters first). */
      LOCAL,
      /** {@code $stackN}: the frame's operand-stack slot N, counted from the bottom. */
      STACK,
      /** {@code $globalN}: the instance's global N (imports first). */
      GLOBAL
    }

    /** A numbered wasm name. */
    public record Indexed(Space space, long index) {}

    /** {@code $local3} as (LOCAL, 3) and so on; empty for other names. */
    public Optional<Indexed> indexed() {
      for (Space s : Space.values()) {
        String prefix = s.name().toLowerCase(java.util.Locale.ROOT);
        if (name.length() > prefix.length() && name.startsWith(prefix)) {
          String digits = name.substring(prefix.length());
          if (digits.length() <= 10 && digits.chars().allMatch(c -> c >= '0' && c <= '9')
              && (digits.length() == 1 || digits.charAt(0) != '0')) {
            long v = Long.parseLong(digits);
            if (v <= 0xFFFF_FFFFL) {
              return Optional.of(new Indexed(s, v));
            }
          }
        }
      }
      return Optional.empty();
    }
  }

  /**
   * The suffix of an integer literal.
   *
   * @param unsigned {@code u}/{@code U} present
   * @param longs 0, 1 ({@code l}) or 2 ({@code ll})
   * @param rustType a Rust type suffix ({@code u8}, {@code i64}, {@code usize}), else null
   */
  record IntSuffix(boolean unsigned, int longs, String rustType) {
    /** No suffix. */
    public static final IntSuffix NONE = new IntSuffix(false, 0, null);
  }

  /**
   * An integer literal: decimal, hex ({@code 0x}), octal (leading {@code 0}), binary ({@code 0b}), with C suffixes
   * ({@code u l ul ll ull}) or Rust ones ({@code u8 ... i128 usize isize}); {@code _} may separate digits.
   *
   * @param value the value, 0 to 2^64-1
   * @param radix 10, 16, 8 or 2
   */
  record IntLiteral(BigInteger value, int radix, IntSuffix suffix, SourceSpan span) implements Expr {
    public IntLiteral {
      Objects.requireNonNull(value);
      Objects.requireNonNull(suffix);
      Objects.requireNonNull(span);
    }

    /** The value's 64 bits (values above {@code Long.MAX_VALUE} come out negative). */
    public long bits() {
      return value.longValue();
    }

    /**
     * The literal's C type by C11 6.4.4.1: the first of the candidate types that holds the value. Decimal literals
     * without {@code u} try only signed types; hex, octal and binary also the unsigned ones. {@code long} is
     * {@code longBytes} wide (4 on wasm32, 8 on wasm64); {@code int} is 4, {@code long long} 8. A value that fits
     * none is {@code unsigned long long}, as clang does. A Rust suffix maps to the Rust type itself.
     */
    public String cTypeName(int longBytes) {
      if (suffix.rustType() != null) {
        return suffix.rustType();
      }
      boolean decimal = radix == 10;
      record Candidate(String name, int bytes, boolean unsigned) {}
      List<Candidate> all = List.of(new Candidate("int", 4, false), new Candidate("unsigned int", 4, true),
          new Candidate("long", longBytes, false), new Candidate("unsigned long", longBytes, true),
          new Candidate("long long", 8, false), new Candidate("unsigned long long", 8, true));
      int minRank = suffix.longs() * 2; // index into the list: int, long, long long pairs
      for (int i = minRank; i < all.size(); i++) {
        Candidate c = all.get(i);
        if (suffix.unsigned() && !c.unsigned) {
          continue;
        }
        if (!suffix.unsigned() && decimal && c.unsigned) {
          continue;
        }
        int bits = c.bytes * 8 - (c.unsigned ? 0 : 1);
        if (value.bitLength() <= bits) {
          return c.name;
        }
      }
      return "unsigned long long";
    }
  }

  /** The suffix of a floating literal. */
  enum FloatSuffix {
    /** No suffix: {@code double}. */
    NONE,
    /** {@code f}/{@code F}: {@code float}. */
    FLOAT,
    /** {@code l}/{@code L}: {@code long double}. */
    LONG_DOUBLE,
    /** Rust {@code f32}. */
    F32,
    /** Rust {@code f64}. */
    F64
  }

  /** A floating literal: {@code 1.5}, {@code .5}, {@code 1e-3}, {@code 0x1.8p3}, with suffix {@code f}/{@code l}. */
  record FloatLiteral(double value, FloatSuffix suffix, SourceSpan span) implements Expr {
    public FloatLiteral {
      Objects.requireNonNull(suffix);
      Objects.requireNonNull(span);
    }
  }

  /**
   * A character literal {@code 'a'}, {@code '\n'}, {@code '\x41'}, {@code '\101'}, {@code '\u00e9'} (written with a backslash); its value is
   * the code point (C gives {@code 'a'} the type {@code int}).
   */
  record CharLiteral(int codePoint, SourceSpan span) implements Expr {
    public CharLiteral {
      Objects.requireNonNull(span);
    }
  }

  /**
   * A string literal with escapes decoded; adjacent literals are joined ({@code "a" "b"}). {@code \xNN} and octal
   * escapes give the code point NN; an evaluator encodes the text as UTF-8.
   */
  record StringLiteral(String value, SourceSpan span) implements Expr {
    public StringLiteral {
      Objects.requireNonNull(value);
      Objects.requireNonNull(span);
    }
  }

  /** {@code true} or {@code false} (C++, Rust, C23). */
  record BoolLiteral(boolean value, SourceSpan span) implements Expr {
    public BoolLiteral {
      Objects.requireNonNull(span);
    }
  }

  /** A prefix operator applied to an operand. */
  record Unary(UnaryOp op, Expr operand, SourceSpan span) implements Expr {
    public Unary {
      Objects.requireNonNull(op);
      Objects.requireNonNull(operand);
      Objects.requireNonNull(span);
    }
  }

  /** {@code sizeof expr}: the size of the expression's type; the operand is not evaluated. */
  record SizeofExpr(Expr operand, SourceSpan span) implements Expr {
    public SizeofExpr {
      Objects.requireNonNull(operand);
      Objects.requireNonNull(span);
    }
  }

  /** {@code sizeof(type)}. */
  record SizeofType(TypeName type, SourceSpan span) implements Expr {
    public SizeofType {
      Objects.requireNonNull(type);
      Objects.requireNonNull(span);
    }
  }

  /**
   * Member access: {@code s.f}, {@code p->f}, and Rust tuple fields {@code t.0} (member {@code "0"}).
   *
   * @param arrow true for {@code ->}
   * @param memberSpan where the member name was written
   */
  record Member(Expr base, String member, boolean arrow, SourceSpan memberSpan, SourceSpan span) implements Expr {
    public Member {
      Objects.requireNonNull(base);
      Objects.requireNonNull(member);
      Objects.requireNonNull(memberSpan);
      Objects.requireNonNull(span);
    }

    /** True when the member is a Rust tuple index such as {@code 0}. */
    public boolean isTupleIndex() {
      return !member.isEmpty() && member.chars().allMatch(c -> c >= '0' && c <= '9');
    }
  }

  /** Subscript {@code a[i]} (arrays, pointers; Rust slices and vectors by the evaluator's choice). */
  record Index(Expr base, Expr index, SourceSpan span) implements Expr {
    public Index {
      Objects.requireNonNull(base);
      Objects.requireNonNull(index);
      Objects.requireNonNull(span);
    }
  }

  /**
   * A cast {@code (type) operand}. Casting an integer to a non-pointer aggregate type ({@code (MyThing)0xfff2c}) is the
   * debugger convention for "the object of that type at this address": the evaluator decides.
   */
  record Cast(TypeName type, Expr operand, SourceSpan span) implements Expr {
    public Cast {
      Objects.requireNonNull(type);
      Objects.requireNonNull(operand);
      Objects.requireNonNull(span);
    }
  }

  /** A binary operator. */
  record Binary(BinaryOp op, Expr left, Expr right, SourceSpan span) implements Expr {
    public Binary {
      Objects.requireNonNull(op);
      Objects.requireNonNull(left);
      Objects.requireNonNull(right);
      Objects.requireNonNull(span);
    }
  }

  /** {@code condition ? then : otherwise}. */
  record Conditional(Expr condition, Expr then, Expr otherwise, SourceSpan span) implements Expr {
    public Conditional {
      Objects.requireNonNull(condition);
      Objects.requireNonNull(then);
      Objects.requireNonNull(otherwise);
      Objects.requireNonNull(span);
    }
  }
}
