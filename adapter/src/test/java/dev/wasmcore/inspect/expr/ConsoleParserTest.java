package dev.wasmcore.inspect.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConsoleParserTest {
  private final ConsoleParser console = new ConsoleParser(
      new ExpressionParser(TypeNameOracle.of(Set.of("MyThing")), 64));

  private Command c(String line) {
    return console.parse(line);
  }

  private ExprSyntaxException err(String line) {
    return assertThrows(ExprSyntaxException.class, () -> console.parse(line));
  }

  @Test
  void backtrace() {
    assertEquals(new Command.Backtrace(OptionalInt.empty(), false), c("bt"));
    assertEquals(new Command.Backtrace(OptionalInt.of(3), false), c("bt 3"));
    assertEquals(new Command.Backtrace(OptionalInt.of(-2), false), c("backtrace -2"));
    assertEquals(new Command.Backtrace(OptionalInt.of(5), true), c("  bt full 5 "));
    assertEquals(new Command.Backtrace(OptionalInt.empty(), false), c("where"));
    assertEquals("unexpected 'x' at column 4: bt takes an optional frame count and 'full'", err("bt x").getMessage());
    assertEquals("unexpected '4' at column 6: bt takes an optional frame count and 'full'", err("bt 3 4").getMessage());
  }

  @Test
  void frames() {
    assertEquals(new Command.Frame(OptionalInt.of(2)), c("frame 2"));
    assertEquals(new Command.Frame(OptionalInt.of(0)), c("f 0"));
    assertEquals(new Command.Frame(OptionalInt.empty()), c("frame"));
    assertEquals(new Command.Up(1), c("up"));
    assertEquals(new Command.Up(3), c("up 3"));
    assertEquals(new Command.Down(1), c("down"));
    assertEquals(new Command.Down(2), c("do 2"));
    assertEquals("unexpected '-1' at column 7: frame takes a frame number", err("frame -1").getMessage());
    assertEquals("unexpected 'two' at column 4: up takes a frame count", err("up two").getMessage());
    assertEquals("unexpected '99999999999' at column 3: frame takes a frame number", err("f 99999999999")
        .getMessage());
  }

  @Test
  void info() {
    assertEquals(new Command.Info(Command.InfoTopic.LOCALS), c("info locals"));
    assertEquals(new Command.Info(Command.InfoTopic.ARGS), c("info args"));
    assertEquals(new Command.Info(Command.InfoTopic.FRAME), c("info frame"));
    assertEquals(new Command.Info(Command.InfoTopic.REGISTERS), c("info registers"));
    assertEquals(new Command.Info(Command.InfoTopic.REGISTERS), c("i r"));
    assertEquals(new Command.Info(Command.InfoTopic.REGISTERS), c("info reg"));
    assertEquals(new Command.Info(Command.InfoTopic.LOCALS), c("info lo"));
    assertEquals(new Command.Info(Command.InfoTopic.FRAME), c("i f"));
    assertEquals("unexpected end of input at column 5: info needs one of: locals, args, frame, registers",
        err("info").getMessage());
    assertEquals("unexpected 'bogus' at column 6: info needs one of: locals, args, frame, registers",
        err("info bogus").getMessage());
    assertEquals("unexpected 'x' at column 13: info locals takes no argument", err("info locals x").getMessage());
  }

  @Test
  void print() {
    Command.Print p = assertInstanceOf(Command.Print.class, c("p acc->name"));
    assertEquals(Optional.empty(), p.format());
    assertEquals("acc->name", p.text());
    assertEquals("acc->name", ExprPrinter.parenthesized(p.expression()));
    assertEquals(new SourceSpan(2, 11), p.expression().span());
    p = assertInstanceOf(Command.Print.class, c("p/x flags & 0xff"));
    assertEquals(Optional.of('x'), p.format());
    assertEquals("(flags & 255)", ExprPrinter.parenthesized(p.expression()));
    p = assertInstanceOf(Command.Print.class, c("print/d (MyThing)0xfff2c"));
    assertEquals(Optional.of('d'), p.format());
    assertInstanceOf(Expr.Cast.class, p.expression());
    assertInstanceOf(Command.Print.class, c("inspect x"));
    assertEquals("unexpected end of input at column 2: print needs an expression", err("p").getMessage());
    assertEquals("unexpected 'q' at column 3: the print format is one letter of x d u o t c",
        err("p/q x").getMessage());
    // Errors inside the expression carry columns of the whole line.
    assertEquals("unexpected end of input at column 8: expected an expression", err("p/x a +").getMessage());
  }

  @Test
  void ptype() {
    Command.PrintType t = assertInstanceOf(Command.PrintType.class, c("ptype struct Account"));
    assertEquals("struct Account", t.type().orElseThrow().toString());
    t = assertInstanceOf(Command.PrintType.class, c("ptype MyThing *"));
    assertEquals("MyThing *", t.type().orElseThrow().toString());
    t = assertInstanceOf(Command.PrintType.class, c("ptype acc->name"));
    assertTrue(t.expression().isPresent());
    assertEquals("acc->name", t.text());
    t = assertInstanceOf(Command.PrintType.class, c("whatis unsigned long"));
    assertTrue(t.whatis());
    assertEquals("unsigned long", t.type().orElseThrow().toString());
    t = assertInstanceOf(Command.PrintType.class, c("ptype (struct Account *)p"));
    assertInstanceOf(Expr.Cast.class, t.expression().orElseThrow());
    assertEquals("unexpected end of input at column 6: ptype needs an expression or a type name",
        err("ptype").getMessage());
  }

  @Test
  void examine() {
    Command.Examine x = assertInstanceOf(Command.Examine.class, c("x/4xw 0x1000"));
    assertEquals(OptionalInt.of(4), x.count());
    assertEquals(Optional.of('x'), x.format());
    assertEquals(Optional.of('w'), x.unit());
    assertEquals("4096", ExprPrinter.parenthesized(x.address().orElseThrow()));
    x = assertInstanceOf(Command.Examine.class, c("x/s acc->name"));
    assertEquals(OptionalInt.empty(), x.count());
    assertEquals(Optional.of('s'), x.format());
    assertEquals(Optional.empty(), x.unit());
    x = assertInstanceOf(Command.Examine.class, c("x/2gd &v"));
    assertEquals(Optional.of('g'), x.unit());
    assertEquals(Optional.of('d'), x.format());
    x = assertInstanceOf(Command.Examine.class, c("x/10i $pc"));
    assertEquals(Optional.of('i'), x.format());
    x = assertInstanceOf(Command.Examine.class, c("x/3 p"));
    assertEquals(OptionalInt.of(3), x.count());
    x = assertInstanceOf(Command.Examine.class, c("x"));
    assertEquals(Optional.empty(), x.address());
    x = assertInstanceOf(Command.Examine.class, c("x &buf[2]"));
    assertEquals(Optional.empty(), x.format());
    assertEquals("unexpected 'q' at column 4: x/NFU takes a count, then a format (x d u o t c s i) and a unit "
        + "(b h w g), each at most once", err("x/4q p").getMessage());
    assertTrue(err("x/xx p").getMessage().startsWith("unexpected 'x' at column 4"));
    assertTrue(err("x/0x p").getMessage().contains("count of x/NFU"));
    assertTrue(err("x/ p").getMessage().contains("'/' must be followed"));
  }

  @Test
  void list() {
    assertEquals(new Command.ListSource(new Command.Continue()), c("list"));
    assertEquals(new Command.ListSource(new Command.Line(42)), c("l 42"));
    assertEquals(new Command.ListSource(new Command.Function("level3")), c("list level3"));
    assertEquals(new Command.ListSource(new Command.Function("ns::f")), c("list ns::f"));
    assertEquals(new Command.ListSource(new Command.FileLine("crash.c", 21)), c("list crash.c:21"));
    assertEquals(new Command.ListSource(new Command.Back()), c("list -"));
    assertTrue(err("list crash.c:x").getMessage().contains("expected a line number after ':'"));
    assertTrue(err("list 0").getMessage().contains("line numbers start at 1"));
    assertTrue(err("list a b").getMessage().contains("list takes one of"));
    assertTrue(err("list a+b").getMessage().contains("list takes one of"));
  }

  @Test
  void helpEmptyAndBareExpressions() {
    assertEquals(new Command.Help(Optional.empty()), c("help"));
    assertEquals(new Command.Help(Optional.of("x")), c("h x"));
    assertEquals(new Command.Empty(), c("   "));
    Command.Evaluate e = assertInstanceOf(Command.Evaluate.class, c("acc->balance + 1"));
    assertEquals("acc->balance + 1", e.text());
    // A command word glued to an operator is an expression, not the command.
    assertInstanceOf(Command.Evaluate.class, c("f->x"));
    assertInstanceOf(Command.Evaluate.class, c("x[2]"));
    assertInstanceOf(Command.Evaluate.class, c("p.y"));
    assertInstanceOf(Command.Evaluate.class, c("list2"));
    assertInstanceOf(Command.Evaluate.class, c("(int)x"));
    assertEquals("unexpected 'b' at column 3: expected an operator or the end of the expression",
        err("a b").getMessage());
    assertTrue(ConsoleParser.HELP.contains("x/NFU"));
  }

  @Test
  void examineStateFollowsGdbDefaults() {
    ExamineState s = ExamineState.INITIAL;
    ExamineState.Resolved r = s.resolve((Command.Examine) c("x 0x10"));
    assertEquals(new ExamineState.Resolved(1, 'x', 4, new ExamineState('x', 'w', -1)), r);
    r = r.next().resolve((Command.Examine) c("x/2db 0x10"));
    assertEquals(2, r.count());
    assertEquals('d', r.format());
    assertEquals(1, r.unitBytes());
    // Format and unit are remembered, the count is not.
    r = r.next().after(0x12).resolve((Command.Examine) c("x"));
    assertEquals(new ExamineState.Resolved(1, 'd', 1, new ExamineState('d', 'b', 0x12)), r);
    assertEquals(0x12, r.next().nextAddress());
    // s uses bytes unless a unit is typed, and leaves the remembered unit alone.
    r = new ExamineState('x', 'g', -1).resolve((Command.Examine) c("x/s p"));
    assertEquals(1, r.unitBytes());
    assertEquals('g', r.next().unit());
    assertEquals('s', r.next().format());
    r = r.next().resolve((Command.Examine) c("x/sh p"));
    assertEquals(2, r.unitBytes());
    assertEquals('h', r.next().unit());
    // i ignores the unit; a following x/x uses the remembered unit again.
    r = new ExamineState('x', 'h', -1).resolve((Command.Examine) c("x/3i p"));
    assertEquals(1, r.unitBytes());
    r = r.next().resolve((Command.Examine) c("x/x p"));
    assertEquals(2, r.unitBytes());
    r = ExamineState.INITIAL.resolve((Command.Examine) c("x/c p"));
    assertEquals(1, r.unitBytes());
    assertEquals('w', r.next().unit());
    assertEquals(8, ExamineState.unitBytes('g'));
  }
}
