package dev.wasmcore.inspect.expr;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A gdb-like console command, as {@link ConsoleParser} reads it from one line. The model keeps what was typed; the
 * console that runs it supplies defaults that depend on state (the selected frame, {@link ExamineState} for
 * {@code x}, the last listed line for {@code list}).
 */
public sealed interface Command permits Command.Empty, Command.Backtrace, Command.Frame, Command.Up, Command.Down,
    Command.Info, Command.Print, Command.PrintType, Command.Examine, Command.ListSource, Command.Help,
    Command.Evaluate {

  /** An empty line. gdb repeats the previous command on an empty line; a console may do the same. */
  record Empty() implements Command {}

  /**
   * {@code bt [N]}, {@code backtrace [full] [N]}, {@code where}: the backtrace, limited to the innermost N frames
   * (N &gt; 0) or the outermost -N frames (N &lt; 0) when given.
   *
   * @param full {@code bt full}: with each frame's locals
   */
  record Backtrace(OptionalInt limit, boolean full) implements Command {}

  /** {@code frame [N]} / {@code f [N]}: select frame N (numbered as {@code bt} prints them), or describe the current. */
  record Frame(OptionalInt index) implements Command {}

  /** {@code up [N]}: select the frame N levels outward (towards the caller; default 1). */
  record Up(int count) implements Command {}

  /** {@code down [N]}: select the frame N levels inward (towards the trap; default 1). */
  record Down(int count) implements Command {}

  /** What {@code info} shows. */
  enum InfoTopic {
    /** {@code info locals}: the selected frame's local variables. */
    LOCALS,
    /** {@code info args}: the selected frame's parameters. */
    ARGS,
    /** {@code info frame}: the selected frame's function, addresses (code offset, DWARF address, file offset), base. */
    FRAME,
    /** {@code info registers}: wasm-level state, i.e. the frame's wasm locals, operand stack and the globals. */
    REGISTERS
  }

  /** {@code info locals|args|frame|registers} (unique prefixes accepted: {@code info lo}, {@code i r}). */
  record Info(InfoTopic topic) implements Command {}

  /**
   * {@code p[/F] EXPR}, {@code print[/F] EXPR}: evaluate and print.
   *
   * @param format the gdb output format letter ({@code x d u o t c}) or empty for natural formatting
   * @param expression the parsed expression
   * @param text the expression as typed
   */
  record Print(Optional<Character> format, Expr expression, String text) implements Command {
    public Print {
      Objects.requireNonNull(format);
      Objects.requireNonNull(expression);
      Objects.requireNonNull(text);
    }
  }

  /**
   * {@code ptype EXPR|TYPE} (and {@code whatis}): print a type. Exactly one of {@code expression} and {@code type}
   * is present: the argument is a type when it starts with a keyword type or a name the {@link TypeNameOracle}
   * knows as a type.
   *
   * @param whatis true for {@code whatis} (the type's name only; {@code ptype} expands structs)
   */
  record PrintType(Optional<Expr> expression, Optional<TypeName> type, String text, boolean whatis)
      implements Command {
    public PrintType {
      if (expression.isPresent() == type.isPresent()) {
        throw new IllegalArgumentException("exactly one of expression and type");
      }
      Objects.requireNonNull(text);
    }
  }

  /**
   * {@code x[/NFU] [ADDR-EXPR]}: examine memory. Each part is empty when not typed; {@link ExamineState#resolve}
   * applies gdb's defaults and "last used" rules.
   *
   * @param count N, the number of units (or strings, or instructions) to show
   * @param format F, one of {@code x d u o t c s i}
   * @param unit U, one of {@code b h w g} (1, 2, 4, 8 bytes)
   * @param address the address expression; empty to continue after the last examined address
   */
  record Examine(OptionalInt count, Optional<Character> format, Optional<Character> unit, Optional<Expr> address)
      implements Command {}

  /** What {@code list} shows. */
  sealed interface ListTarget permits Continue, Back, Line, Function, FileLine {}

  /** {@code list}: the lines after the last listed ones, or around the selected frame's line the first time. */
  record Continue() implements ListTarget {}

  /** {@code list -}: the lines before the last listed ones. */
  record Back() implements ListTarget {}

  /** {@code list N}: lines around line N of the current file. */
  record Line(int line) implements ListTarget {}

  /** {@code list FUNC}: lines around the start of a function. */
  record Function(String name) implements ListTarget {}

  /** {@code list FILE:N}. */
  record FileLine(String file, int line) implements ListTarget {}

  /** {@code list [LINE|FUNC|FILE:LINE|-]}: source lines (10 by default, as gdb). */
  record ListSource(ListTarget target) implements Command {}

  /** {@code help [COMMAND]}. */
  record Help(Optional<String> topic) implements Command {}

  /**
   * A line that is not a command but parses as an expression: the console evaluates and prints it as {@code p}
   * would (the DAP debug console's usual behaviour).
   */
  record Evaluate(Expr expression, String text) implements Command {}
}
