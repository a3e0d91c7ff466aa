package dev.wasmcore.inspect.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpressionParserTest {
  private final ExpressionParser parser = new ExpressionParser(
      TypeNameOracle.of(Set.of("MyThing", "size_t", "std::string", "Account", "T")), 64);

  private String p(String s) {
    return ExprPrinter.parenthesized(parser.parse(s));
  }

  private ExprSyntaxException err(String s) {
    return assertThrows(ExprSyntaxException.class, () -> parser.parse(s));
  }

  @Test
  void names() {
    Expr.Name n = assertInstanceOf(Expr.Name.class, parser.parse("acc"));
    assertEquals(List.of("acc"), n.segments());
    assertFalse(n.isQualified());
    assertEquals(new SourceSpan(0, 3), n.span());
    n = assertInstanceOf(Expr.Name.class, parser.parse(" crate::module::STATIC "));
    assertEquals(List.of("crate", "module", "STATIC"), n.segments());
    assertEquals(new SourceSpan(1, 22), n.span());
    assertEquals("STATIC", n.simpleName());
    n = assertInstanceOf(Expr.Name.class, parser.parse("level3 :: counter"));
    assertEquals(List.of("level3", "counter"), n.segments());
    n = assertInstanceOf(Expr.Name.class, parser.parse("::g"));
    assertTrue(n.global());
    assertEquals("::g", n.qualifiedName());
  }

  @Test
  void wasmNames() {
    Expr.WasmName w = assertInstanceOf(Expr.WasmName.class, parser.parse("$local3"));
    assertEquals("local3", w.name());
    assertEquals(Optional.of(new Expr.WasmName.Indexed(Expr.WasmName.Space.LOCAL, 3)), w.indexed());
    w = assertInstanceOf(Expr.WasmName.class, parser.parse("$stack0"));
    assertEquals(Optional.of(new Expr.WasmName.Indexed(Expr.WasmName.Space.STACK, 0)), w.indexed());
    w = assertInstanceOf(Expr.WasmName.class, parser.parse("$global2"));
    assertEquals(Optional.of(new Expr.WasmName.Indexed(Expr.WasmName.Space.GLOBAL, 2)), w.indexed());
    w = assertInstanceOf(Expr.WasmName.class, parser.parse("$__stack_pointer"));
    assertEquals("__stack_pointer", w.name());
    assertEquals(Optional.empty(), w.indexed());
    assertEquals(Optional.empty(), ((Expr.WasmName) parser.parse("$local01")).indexed());
    assertEquals(Optional.empty(), ((Expr.WasmName) parser.parse("$local")).indexed());
    assertEquals(Optional.empty(), ((Expr.WasmName) parser.parse("$local99999999999")).indexed());
    assertEquals("(*($global0 + 16))", p("*($global0 + 16)"));
    assertTrue(err("$ + 1").getMessage().contains("column 1"));
  }

  private Expr.IntLiteral lit(String s) {
    return assertInstanceOf(Expr.IntLiteral.class, parser.parse(s));
  }

  @Test
  void integerLiterals() {
    assertEquals(BigInteger.valueOf(1000), lit("1000").value());
    assertEquals(10, lit("1000").radix());
    assertEquals(BigInteger.valueOf(0x11468), lit("0x11468").value());
    assertEquals(16, lit("0X11468").radix());
    assertEquals(BigInteger.valueOf(8), lit("010").value());
    assertEquals(8, lit("010").radix());
    assertEquals(BigInteger.ZERO, lit("0").value());
    assertEquals(BigInteger.valueOf(5), lit("0b101").value());
    assertEquals(BigInteger.valueOf(1_000_000), lit("1_000_000").value());
    assertEquals(new BigInteger("18446744073709551615"), lit("0xffffffffffffffff").value());
    assertEquals(-1L, lit("0xffffffffffffffff").bits());
    assertEquals(new Expr.IntSuffix(true, 0, null), lit("5u").suffix());
    assertEquals(new Expr.IntSuffix(false, 1, null), lit("5L").suffix());
    assertEquals(new Expr.IntSuffix(true, 1, null), lit("5ul").suffix());
    assertEquals(new Expr.IntSuffix(true, 1, null), lit("5LU").suffix());
    assertEquals(new Expr.IntSuffix(true, 2, null), lit("5ull").suffix());
    assertEquals(new Expr.IntSuffix(false, 2, null), lit("5ll").suffix());
    assertEquals(new Expr.IntSuffix(true, 0, "u8"), lit("255u8").suffix());
    assertEquals(new Expr.IntSuffix(false, 0, "i64"), lit("7i64").suffix());
    assertTrue(err("99999999999999999999999").getMessage().contains("does not fit 64 bits"));
    assertEquals("invalid digit '9' in octal literal '09' at column 1", err("09").getMessage());
    assertTrue(err("5uu").getMessage().contains("invalid suffix 'uu'"));
    assertTrue(err("0x").getMessage().contains("has no digits"));
    assertTrue(err("1_").getMessage().contains("misplaced '_'"));
    assertTrue(err("0b").getMessage().contains("has no digits"));
  }

  @ParameterizedTest
  @CsvSource({
      "1, 4, int", "2147483647, 4, int", "2147483648, 4, long long", "2147483648, 8, long",
      "0x80000000, 4, unsigned int", "0xffffffffffffffff, 4, unsigned long long", "1u, 4, unsigned int",
      "1l, 4, long", "1ul, 8, unsigned long", "1ll, 4, long long", "0x100000000, 4, long long",
      "9223372036854775808, 8, unsigned long long", "7u8, 4, u8"})
  void cTypesOfIntegerLiterals(String text, int longBytes, String type) {
    assertEquals(type, lit(text).cTypeName(longBytes));
  }

  @Test
  void floatLiterals() {
    Expr.FloatLiteral f = assertInstanceOf(Expr.FloatLiteral.class, parser.parse("3.5"));
    assertEquals(3.5, f.value());
    assertEquals(Expr.FloatSuffix.NONE, f.suffix());
    assertEquals(0.5, ((Expr.FloatLiteral) parser.parse(".5")).value());
    assertEquals(1.0, ((Expr.FloatLiteral) parser.parse("1.")).value());
    assertEquals(1e-3, ((Expr.FloatLiteral) parser.parse("1e-3")).value());
    assertEquals(12.0, ((Expr.FloatLiteral) parser.parse("0x1.8p3")).value());
    Expr.FloatLiteral g = (Expr.FloatLiteral) parser.parse("0.1f");
    assertEquals(Expr.FloatSuffix.FLOAT, g.suffix());
    assertEquals((double) 0.1f, g.value());
    assertEquals(Expr.FloatSuffix.LONG_DOUBLE, ((Expr.FloatLiteral) parser.parse("2.0L")).suffix());
    assertEquals(Expr.FloatSuffix.F64, ((Expr.FloatLiteral) parser.parse("2f64")).suffix());
    assertTrue(err("1e").getMessage().contains("exponent has no digits"));
    assertTrue(err("0x1.8").getMessage().contains("needs a 'p' exponent"));
    assertTrue(err("1.5q").getMessage().contains("invalid suffix 'q'"));
  }

  @Test
  void charAndStringLiterals() {
    assertEquals('a', ((Expr.CharLiteral) parser.parse("'a'")).codePoint());
    assertEquals('\n', ((Expr.CharLiteral) parser.parse("'\\n'")).codePoint());
    assertEquals(0, ((Expr.CharLiteral) parser.parse("'\\0'")).codePoint());
    assertEquals(0x41, ((Expr.CharLiteral) parser.parse("'\\x41'")).codePoint());
    assertEquals(0101, ((Expr.CharLiteral) parser.parse("'\\101'")).codePoint());
    assertEquals('\'', ((Expr.CharLiteral) parser.parse("'\\''")).codePoint());
    assertEquals('\\', ((Expr.CharLiteral) parser.parse("'\\\\'")).codePoint());
    assertEquals(0xE9, ((Expr.CharLiteral) parser.parse("'\\u00e9'")).codePoint());
    assertEquals(0x1F600, ((Expr.CharLiteral) parser.parse("'\\u{1F600}'")).codePoint());
    assertEquals(0xE9, ((Expr.CharLiteral) parser.parse("'é'")).codePoint());
    assertEquals("alice", ((Expr.StringLiteral) parser.parse("\"alice\"")).value());
    assertEquals("a\tb\"c", ((Expr.StringLiteral) parser.parse("\"a\\tb\\\"c\"")).value());
    Expr.StringLiteral joined = (Expr.StringLiteral) parser.parse("\"ab\" \"cd\"");
    assertEquals("abcd", joined.value());
    assertEquals(new SourceSpan(0, 9), joined.span());
    assertTrue(err("'ab'").getMessage().contains("one character"));
    assertTrue(err("''").getMessage().contains("empty character literal"));
    assertEquals("unterminated string literal at column 3", err("1+\"abc").getMessage());
    assertTrue(err("'\\q'").getMessage().contains("invalid escape sequence '\\q'"));
    assertTrue(err("'\\u12'").getMessage().contains("needs 4 hex digits"));
    assertTrue(err("'\\uD800'").getMessage().contains("not a Unicode scalar value"));
    assertEquals(true, ((Expr.BoolLiteral) parser.parse("true")).value());
    assertEquals(false, ((Expr.BoolLiteral) parser.parse("false")).value());
  }

  @Test
  void unaryAndPostfix() {
    assertEquals("(*p)", p("*p"));
    assertEquals("(&x)", p("&x"));
    assertEquals("(-(-x))", p("--x"));
    assertEquals("(!(~(+x)))", p("!~+x"));
    assertEquals("(*acc->name)", p("*acc->name"));
    assertEquals("(&a[3].f)", p("&a[3].f"));
    assertEquals("p->next->next->value", p("p->next->next->value"));
    assertEquals("s.f", p("s.f"));
    assertEquals("t.0.1", p("t.0.1"));
    assertEquals("rec.shape.Rect.__0", p("rec.shape.Rect.__0"));
    assertEquals("rec.parent.Some.__0.name", p("rec.parent.Some.__0.name"));
    Expr.Member m = (Expr.Member) parser.parse("t . 0");
    assertTrue(m.isTupleIndex());
    assertEquals(new SourceSpan(4, 5), m.memberSpan());
    assertEquals("a[(i + 1)][j]", p("a[i+1][j]"));
    assertEquals("(-a[0])", p("-a[0]"));
    assertEquals("f(x).y", "f(x).y"); // calls are not part of the language:
    assertTrue(err("f(x)").getMessage().startsWith("unexpected '(' at column 2"));
  }

  @Test
  void sizeof() {
    assertEquals("(sizeof x)", p("sizeof x"));
    assertEquals("(sizeof x)", p("sizeof(x)"));
    assertEquals("((sizeof x) + 1)", p("sizeof (x) + 1"));
    assertEquals("sizeof(int)", p("sizeof(int)"));
    assertEquals("sizeof(struct Account *)", p("sizeof(struct Account*)"));
    assertEquals("(sizeof(MyThing) * 2)", p("sizeof(MyThing) * 2"));
    assertEquals("(sizeof (*p))", p("sizeof *p"));
    assertEquals("(sizeof a[1])", p("sizeof a[1]"));
  }

  private TypeName castType(String s) {
    return assertInstanceOf(Expr.Cast.class, parser.parse(s)).type();
  }

  @Test
  void casts() {
    TypeName t = castType("(struct Account *)0x11468");
    assertEquals(TypeName.Kind.STRUCT, t.base().kind());
    assertEquals(List.of("Account"), t.base().name());
    assertEquals(List.of(new TypeName.Pointer(false, false)), t.derivations());
    assertTrue(t.isPointer());
    assertEquals("struct Account *", t.toString());
    assertEquals(new SourceSpan(1, 17), t.span());
    t = castType("(MyThing)0xfff2c");
    assertEquals(TypeName.Kind.NAMED, t.base().kind());
    assertEquals("MyThing", t.toString());
    assertEquals("unsigned char", castType("(unsigned char)x").toString());
    assertEquals("const char *", castType("(const char *)p").toString());
    assertEquals("const char *", castType("(char const*)p").toString());
    assertEquals("int[4]", castType("(int[4])x").toString());
    assertEquals("int *[4]", castType("(int *[4])x").toString());
    assertEquals(List.of(new TypeName.Pointer(false, false), new TypeName.Array(java.util.OptionalLong.of(4))),
        castType("(int *[4])x").derivations());
    assertEquals("int (*)[4]", castType("(int (*)[4])x").toString());
    assertEquals(List.of(new TypeName.Array(java.util.OptionalLong.of(4)), new TypeName.Pointer(false, false)),
        castType("(int (*)[4])x").derivations());
    assertEquals("int[2][3]", castType("(int[2][3])x").toString());
    assertEquals("char * const *", castType("(char *const *)x").toString());
    assertEquals("union U", castType("(union U)x").toString());
    assertEquals("enum Color", castType("(enum Color)1").toString());
    assertEquals("class ns::C *", castType("(class ns::C *)1").toString());
    assertEquals("std::string *", castType("(std::string*)p").toString());
    assertEquals("void *", castType("(void*)0").toString());
    assertEquals("int[]", castType("(int[])p").toString());
    // Canonical keyword spellings, as clang names base types in DWARF.
    assertEquals("unsigned int", castType("(unsigned)x").toString());
    assertEquals("unsigned long", castType("(long unsigned int)x").toString());
    assertEquals("long long", castType("(long long int)x").toString());
    assertEquals("unsigned long long", castType("(unsigned long long)x").toString());
    assertEquals("signed char", castType("(signed char)x").toString());
    assertEquals("short", castType("(short int)x").toString());
    assertEquals("unsigned short", castType("(unsigned short)x").toString());
    assertEquals("long double", castType("(long double)x").toString());
    assertEquals("int", castType("(signed)x").toString());
    assertEquals("_Bool", castType("(_Bool)x").toString());
    assertTrue(err("(short char)x").getMessage().contains("invalid type 'short char'"));
    assertTrue(err("(unsigned double)x").getMessage().contains("invalid type"));
    assertTrue(err("(long long long)x").getMessage().contains("invalid type"));
    assertTrue(err("(struct A struct B)x").getMessage().contains("only one base type"));
    assertTrue(err("(int (*)(int))x").getMessage().contains("function types are not supported"));
    // A cast binds tighter than binary operators and looser than postfix ones.
    assertEquals("(((T)x) + 1)", p("(T)x + 1"));
    assertEquals("((T)a[1])", p("(T)a[1]"));
    assertEquals("((int)(-1))", p("(int)-1"));
    assertEquals("((struct Account *)0)->name", "((struct Account *)0)->name");
    assertEquals("((struct Account *)0)->name", p("((struct Account *)0)->name"));
    assertEquals("unexpected end of input at column 6: expected an expression after the cast to 'int'",
        err("(int)").getMessage());
  }

  @Test
  void castOrParenthesisIsDecidedByTheOracle() {
    // "x" is not a type: (x)-1 is a subtraction; "T" is: (T)-1 is a cast of -1.
    assertEquals("(x - 1)", p("(x)-1"));
    assertEquals("((T)(-1))", p("(T)-1"));
    assertEquals("((T)(*p))", p("(T)*p"));
    assertEquals("(x * p)", p("(x)*p"));
    List<List<String>> asked = new java.util.ArrayList<>();
    ExpressionParser recording = new ExpressionParser(name -> {
      asked.add(name);
      return false;
    }, 64);
    recording.parse("(a::b)+1");
    assertEquals(List.of(List.of("a", "b")), asked);
  }

  @Test
  void precedenceTable() {
    assertEquals("(a + (b * c))", p("a + b * c"));
    assertEquals("((a * b) + c)", p("a * b + c"));
    assertEquals("((a - b) - c)", p("a - b - c"));
    assertEquals("((a / b) % c)", p("a / b % c"));
    assertEquals("((a + b) << c)", p("a + b << c"));
    assertEquals("((a << b) < c)", p("a << b < c"));
    assertEquals("((a < b) == (c >= d))", p("a < b == c >= d"));
    assertEquals("((a == b) & c)", p("a == b & c"));
    assertEquals("((a & b) ^ c)", p("a & b ^ c"));
    assertEquals("(a | (b ^ (c & d)))", p("a | b ^ c & d"));
    assertEquals("((a | b) && c)", p("a | b && c"));
    assertEquals("((a && b) || (c && d))", p("a && b || c && d"));
    assertEquals("((a || b) ? c : d)", p("a || b ? c : d"));
    assertEquals("(a ? b : (c ? d : e))", p("a ? b : c ? d : e"));
    assertEquals("(a ? (b ? c : d) : e)", p("a ? b ? c : d : e"));
    assertEquals("((-a) * b)", p("-a * b"));
    assertEquals("((*p) + 1)", p("*p + 1"));
    assertEquals("(*(p + 1))", p("*(p + 1)"));
    assertEquals("((a >> 2) != 0)", p("a >> 2 != 0"));
    assertEquals("((a <= b) > c)", p("a <= b > c"));
    assertEquals("(&a->b[2])", p("&a->b[2]"));
    assertEquals("((a + b) * c)", p("(a + b) * c"));
    for (BinaryOp op : BinaryOp.values()) {
      String s = "a " + op.symbol() + " b";
      Expr.Binary b = assertInstanceOf(Expr.Binary.class, parser.parse(s));
      assertEquals(op, b.op());
      assertEquals(new SourceSpan(0, s.length()), b.span());
    }
  }

  @Test
  void errorsNameTheTokenAndTheReason() {
    assertEquals("unexpected ')' at column 7: expected an expression", err("(a * -)").getMessage());
    assertEquals("unexpected ')' at column 8: expected an operator or the end of the expression",
        err("(a + b))").getMessage());
    ExprSyntaxException e = err("a +");
    assertEquals("unexpected end of input at column 4: expected an expression", e.getMessage());
    assertEquals(4, e.column());
    assertEquals("expected an expression", e.reason());
    assertEquals("unexpected ']' at column 3: expected an expression", err("a[]").getMessage());
    assertEquals("unexpected end of input at column 5: expected ']' after the index", err("a[1 ").getMessage());
    assertEquals("unexpected 'b' at column 3: expected an operator or the end of the expression",
        err("a b").getMessage());
    assertEquals("unexpected end of input at column 7: expected ':' of the conditional expression",
        err("a ? b ").getMessage());
    assertEquals("unexpected '+' at column 3: expected a member name after '.'", err("s.+").getMessage());
    assertEquals("unexpected 'int' at column 4: expected a member name after '->'", err("p->int").getMessage());
    assertEquals("invalid character '@' at column 3", err("a @ b").getMessage());
    assertEquals("unexpected 'int' at column 1: a type name can only appear in a cast or sizeof(...)",
        err("int").getMessage());
    assertEquals("unexpected end of input at column 1: expected an expression", err("").getMessage());
    assertEquals("unexpected ',' at column 2: expected an operator or the end of the expression",
        err("a,b").getMessage());
    assertEquals("invalid character '=' at column 3", err("a = b").getMessage());
    assertEquals("unexpected end of input at column 4: expected a name after '::'", err("a::").getMessage());
  }

  @Test
  void spansOfNodes() {
    Expr.Binary b = (Expr.Binary) parser.parse("  x->y + *q");
    assertEquals(new SourceSpan(2, 11), b.span());
    assertEquals(new SourceSpan(2, 6), b.left().span());
    assertEquals(new SourceSpan(9, 11), b.right().span());
    Expr.Index ix = (Expr.Index) parser.parse("arr[ 2 ]");
    assertEquals(new SourceSpan(0, 8), ix.span());
    assertEquals(new SourceSpan(5, 6), ix.index().span());
    Expr.Cast c = (Expr.Cast) parser.parse("(int)x");
    assertEquals(new SourceSpan(0, 6), c.span());
    // Parsing a range of a longer line keeps the line's columns.
    Expr.Name n = (Expr.Name) parser.parse("p/x  value", 5, 10);
    assertEquals(new SourceSpan(5, 10), n.span());
    ExprSyntaxException e = assertThrows(ExprSyntaxException.class, () -> parser.parse("p   a +", 4, 7));
    assertEquals(8, e.column());
  }

  @Test
  void depthLimitIsAnErrorNotAStackOverflow() {
    ExpressionParser small = new ExpressionParser(TypeNameOracle.NONE, 10);
    small.parse("((((((((x))))))))");
    String deep = "(".repeat(30_000) + "x" + ")".repeat(30_000);
    ExprSyntaxException e = assertThrows(ExprSyntaxException.class, () -> parser.parse(deep));
    assertTrue(e.getMessage().contains("nested more than 64 levels"), e.getMessage());
    assertThrows(ExprSyntaxException.class, () -> parser.parse("-".repeat(60_000) + "x"));
    assertThrows(ExprSyntaxException.class, () -> parser.parse("*".repeat(60_000) + "p"));
    // A long flat chain is a deep tree: it is bounded too, so evaluators may recurse.
    assertThrows(ExprSyntaxException.class, () -> parser.parse("a" + "+a".repeat(30_000)));
    assertThrows(ExprSyntaxException.class, () -> parser.parse("a" + ".b".repeat(30_000)));
    assertThrows(ExprSyntaxException.class, () -> parser.parse("a" + "[0]".repeat(20_000)));
    assertThrows(ExprSyntaxException.class, () -> parser.parse("(int" + "*".repeat(30_000) + ")x"));
    assertThrows(ExprSyntaxException.class, () -> parser.parse("(int" + "[1]".repeat(20_000) + ")x"));
    assertThrows(ExprSyntaxException.class, () -> parser.parse("(int" + "(*".repeat(20_000) + ")x"));
    assertThrows(ExprSyntaxException.class, () -> parser.parse("a?".repeat(20_000) + "b" + ":c".repeat(20_000)));
    assertThrows(ExprSyntaxException.class, () -> parser.parse("x".repeat(ExpressionParser.MAX_LENGTH + 1)));
    parser.parse("a" + "+a".repeat(60));
    assertThrows(IllegalArgumentException.class, () -> new ExpressionParser(TypeNameOracle.NONE, 0));
    assertThrows(IllegalArgumentException.class,
        () -> new ExpressionParser(TypeNameOracle.NONE, ExpressionParser.MAX_DEPTH_LIMIT + 1));
    // The deepest accepted nesting parses on a normal thread stack.
    ExpressionParser deepest = new ExpressionParser(TypeNameOracle.NONE, ExpressionParser.MAX_DEPTH_LIMIT);
    deepest.parse("(".repeat(250) + "-x" + ")".repeat(250));
    deepest.parse("-".repeat(255) + "x");
  }

  @Test
  void typeNamesForPtype() {
    assertTrue(parser.startsWithTypeName("struct Account", 0, 14));
    assertTrue(parser.startsWithTypeName("MyThing *", 0, 9));
    assertFalse(parser.startsWithTypeName("acc", 0, 3));
    assertEquals("struct Account *", parser.parseTypeName("struct Account *", 0, 16).toString());
    assertThrows(ExprSyntaxException.class, () -> parser.parseTypeName("acc", 0, 3));
    assertThrows(ExprSyntaxException.class, () -> parser.parseTypeName("int x", 0, 5));
  }
}
