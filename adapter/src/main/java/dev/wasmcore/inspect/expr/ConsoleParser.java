package dev.wasmcore.inspect.expr;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads one console line into a {@link Command}, gdb style.
 *
 * <pre>
 * bt [full] [N]  backtrace [full] [N]  where      backtrace (N &lt; 0: outermost frames)
 * frame [N]  f [N]                               select / describe a frame
 * up [N]  down [N]  do [N]                       move outward / inward
 * info locals|args|frame|registers  i ...        unique prefixes: info lo, i r, info reg
 * print[/F] EXPR  p[/F] EXPR  inspect EXPR       F one of x d u o t c
 * ptype EXPR|TYPE  whatis EXPR|TYPE
 * x[/NFU] [ADDR-EXPR]                            N count, F x d u o t c s i, U b h w g (any order)
 * list [LINE|FUNC|FILE:LINE|-]  l ...
 * help [CMD]  h
 * </pre>
 * A command word is recognised only when it is followed by the end of the line, white space or (for those that take
 * one) a {@code /}: so {@code f->x}, {@code x[2]}, {@code p.y} and any other line that does not start with a command
 * are parsed as an expression and come back as {@link Command.Evaluate}. As in gdb, a command wins over a variable of
 * the same name ({@code x}, {@code up}); use {@code p x} for those. Unique-prefix abbreviation applies to {@code info}
 * topics only; command words are the fixed names and aliases above, so variables are never taken for abbreviations.
 *
 * <p>Errors are {@link ExprSyntaxException}s with columns of the whole line. Thread-safe and immutable.
 */
public final class ConsoleParser {
  private static final Map<String, String> COMMANDS = Map.ofEntries(
      Map.entry("bt", "backtrace"), Map.entry("backtrace", "backtrace"), Map.entry("where", "backtrace"),
      Map.entry("frame", "frame"), Map.entry("f", "frame"),
      Map.entry("up", "up"), Map.entry("down", "down"), Map.entry("do", "down"),
      Map.entry("info", "info"), Map.entry("i", "info"), Map.entry("inf", "info"),
      Map.entry("print", "print"), Map.entry("p", "print"), Map.entry("inspect", "print"),
      Map.entry("ptype", "ptype"), Map.entry("whatis", "whatis"),
      Map.entry("x", "x"),
      Map.entry("list", "list"), Map.entry("l", "list"),
      Map.entry("help", "help"), Map.entry("h", "help"));

  /** Help text, one line per command, for {@code help} and for clients that list commands. */
  public static final String HELP = String.join("\n",
      "bt [full] [N]            backtrace (N > 0: innermost N frames, N < 0: outermost); also backtrace, where",
      "frame [N], f [N]         select frame N, or describe the selected frame",
      "up [N], down [N]         select the frame N levels towards the caller / the trap",
      "info locals|args|frame|registers   variables, parameters, frame details, wasm locals/stack/globals",
      "p[/F] EXPR, print[/F]    evaluate EXPR; F: x hex, d signed, u unsigned, o octal, t binary, c char",
      "ptype EXPR|TYPE, whatis  print a type (ptype expands structs)",
      "x/NFU ADDR               examine memory: N count, F x d u o t c s i, U b h w g (defaults: 1, last, last)",
      "list [LINE|FUNC|FILE:LINE|-]   source lines",
      "help [CMD]               this text",
      "EXPR                     any other line is evaluated as an expression");

  private final ExpressionParser expressions;

  public ConsoleParser(ExpressionParser expressions) {
    this.expressions = Objects.requireNonNull(expressions);
  }

  public ExpressionParser expressions() {
    return expressions;
  }

  /** Parses one line; throws {@link ExprSyntaxException} for anything it cannot read. */
  public Command parse(String line) {
    Objects.requireNonNull(line);
    if (line.length() > ExpressionParser.MAX_LENGTH) {
      return new Command.Evaluate(expressions.parse(line), line); // reports the length error
    }
    int start = skip(line, 0);
    if (start == line.length()) {
      return new Command.Empty();
    }
    int wordEnd = start;
    while (wordEnd < line.length() && (Character.isLetter(line.charAt(wordEnd)) || line.charAt(wordEnd) == '_'
        || Character.isDigit(line.charAt(wordEnd)))) {
      wordEnd++;
    }
    String word = line.substring(start, wordEnd);
    String command = COMMANDS.get(word);
    boolean boundary = wordEnd == line.length() || Character.isWhitespace(line.charAt(wordEnd))
        || (line.charAt(wordEnd) == '/' && (command != null && (command.equals("print") || command.equals("x"))));
    if (command == null || !boundary) {
      return new Command.Evaluate(expressions.parse(line, start, line.length()), line.substring(start).strip());
    }
    int argStart = skip(line, wordEnd);
    return switch (command) {
      case "backtrace" -> backtrace(line, argStart);
      case "frame" -> new Command.Frame(optionalInt(line, argStart, "frame takes a frame number", false));
      case "up" -> new Command.Up(optionalInt(line, argStart, "up takes a frame count", false).orElse(1));
      case "down" -> new Command.Down(optionalInt(line, argStart, "down takes a frame count", false).orElse(1));
      case "info" -> info(line, argStart);
      case "print" -> print(line, wordEnd);
      case "ptype" -> ptype(line, argStart, false);
      case "whatis" -> ptype(line, argStart, true);
      case "x" -> examine(line, wordEnd);
      case "list" -> list(line, argStart);
      case "help" -> help(line, argStart);
      default -> throw new IllegalStateException(command);
    };
  }

  private static int skip(String s, int pos) {
    while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
      pos++;
    }
    return pos;
  }

  private static int wordEnd(String s, int pos) {
    while (pos < s.length() && !Character.isWhitespace(s.charAt(pos))) {
      pos++;
    }
    return pos;
  }

  private static ExprSyntaxException error(String line, int start, int end, String reason) {
    SourceSpan span = new SourceSpan(start, Math.max(start, end));
    String token = start >= line.length() ? "end of input" : "'" + line.substring(start, end) + "'";
    return new ExprSyntaxException(span, "unexpected " + token + " at column " + span.column() + ": " + reason,
        reason);
  }

  /** A decimal integer word, optionally signed; null when the word is not one. */
  private static Integer parseInt(String word, boolean allowNegative) {
    if (!word.matches(allowNegative ? "-?[0-9]{1,9}" : "[0-9]{1,9}")) {
      return null;
    }
    return Integer.parseInt(word);
  }

  private static OptionalInt optionalInt(String line, int pos, String reason, boolean allowNegative) {
    if (pos >= line.length()) {
      return OptionalInt.empty();
    }
    int end = wordEnd(line, pos);
    Integer n = parseInt(line.substring(pos, end), allowNegative);
    if (n == null) {
      throw error(line, pos, end, reason);
    }
    int after = skip(line, end);
    if (after < line.length()) {
      throw error(line, after, wordEnd(line, after), reason);
    }
    return OptionalInt.of(n);
  }

  private static Command backtrace(String line, int pos) {
    boolean full = false;
    OptionalInt limit = OptionalInt.empty();
    while (pos < line.length()) {
      int end = wordEnd(line, pos);
      String w = line.substring(pos, end);
      Integer n = parseInt(w, true);
      if ((w.equals("full") || w.equals("-full")) && !full) {
        full = true;
      } else if (n != null && limit.isEmpty()) {
        limit = OptionalInt.of(n);
      } else {
        throw error(line, pos, end, "bt takes an optional frame count and 'full'");
      }
      pos = skip(line, end);
    }
    return new Command.Backtrace(limit, full);
  }

  private static Command info(String line, int pos) {
    String topics = "info needs one of: locals, args, frame, registers";
    if (pos >= line.length()) {
      throw error(line, pos, pos, topics);
    }
    int end = wordEnd(line, pos);
    String w = line.substring(pos, end).toLowerCase(Locale.ROOT);
    Command.InfoTopic match = null;
    for (Command.InfoTopic t : Command.InfoTopic.values()) {
      if (t.name().toLowerCase(Locale.ROOT).startsWith(w)) {
        match = t; // the four topics have distinct first letters, so a prefix names at most one
      }
    }
    if (match == null) {
      throw error(line, pos, end, topics);
    }
    int after = skip(line, end);
    if (after < line.length()) {
      throw error(line, after, wordEnd(line, after), "info " + match.name().toLowerCase(Locale.ROOT)
          + " takes no argument");
    }
    return new Command.Info(match);
  }

  private Command print(String line, int pos) {
    Optional<Character> format = Optional.empty();
    if (pos < line.length() && line.charAt(pos) == '/') {
      int end = wordEnd(line, pos + 1);
      String f = line.substring(pos + 1, end);
      if (f.length() != 1 || "xduotc".indexOf(f.charAt(0)) < 0) {
        throw error(line, pos + 1, end, "the print format is one letter of x d u o t c");
      }
      format = Optional.of(f.charAt(0));
      pos = end;
    }
    int exprStart = skip(line, pos);
    if (exprStart >= line.length()) {
      throw error(line, exprStart, exprStart, "print needs an expression");
    }
    Expr e = expressions.parse(line, exprStart, line.length());
    return new Command.Print(format, e, line.substring(exprStart).strip());
  }

  private Command ptype(String line, int pos, boolean whatis) {
    String name = whatis ? "whatis" : "ptype";
    if (pos >= line.length()) {
      throw error(line, pos, pos, name + " needs an expression or a type name");
    }
    String text = line.substring(pos).strip();
    if (expressions.startsWithTypeName(line, pos, line.length())) {
      TypeName t = expressions.parseTypeName(line, pos, line.length());
      return new Command.PrintType(Optional.empty(), Optional.of(t), text, whatis);
    }
    Expr e = expressions.parse(line, pos, line.length());
    return new Command.PrintType(Optional.of(e), Optional.empty(), text, whatis);
  }

  private Command examine(String line, int pos) {
    OptionalInt count = OptionalInt.empty();
    Optional<Character> format = Optional.empty();
    Optional<Character> unit = Optional.empty();
    if (pos < line.length() && line.charAt(pos) == '/') {
      int end = wordEnd(line, pos + 1);
      int i = pos + 1;
      int digits = i;
      while (digits < end && Character.isDigit(line.charAt(digits))) {
        digits++;
      }
      if (digits > i) {
        Integer n = parseInt(line.substring(i, digits), false);
        if (n == null || n == 0) {
          throw error(line, i, digits, "the count of x/NFU is 1 to 999999999");
        }
        count = OptionalInt.of(n);
      }
      for (i = digits; i < end; i++) {
        char c = line.charAt(i);
        if ("xduotcsi".indexOf(c) >= 0 && format.isEmpty()) {
          format = Optional.of(c);
        } else if ("bhwg".indexOf(c) >= 0 && unit.isEmpty()) {
          unit = Optional.of(c);
        } else {
          throw error(line, i, i + 1, "x/NFU takes a count, then a format (x d u o t c s i) and a unit "
              + "(b h w g), each at most once");
        }
      }
      if (end == pos + 1) {
        throw error(line, pos, pos + 1, "'/' must be followed by a count, format or unit");
      }
      pos = end;
    }
    int exprStart = skip(line, pos);
    Optional<Expr> address = exprStart >= line.length() ? Optional.empty()
        : Optional.of(expressions.parse(line, exprStart, line.length()));
    return new Command.Examine(count, format, unit, address);
  }

  private static Command list(String line, int pos) {
    if (pos >= line.length()) {
      return new Command.ListSource(new Command.Continue());
    }
    int end = wordEnd(line, pos);
    String w = line.substring(pos, end);
    int after = skip(line, end);
    if (after < line.length()) {
      throw error(line, after, wordEnd(line, after), "list takes one of LINE, FUNCTION, FILE:LINE or -");
    }
    if (w.equals("-")) {
      return new Command.ListSource(new Command.Back());
    }
    Integer n = parseInt(w, false);
    if (n != null) {
      if (n == 0) {
        throw error(line, pos, end, "line numbers start at 1");
      }
      return new Command.ListSource(new Command.Line(n));
    }
    int colon = w.lastIndexOf(':');
    if (colon > 0 && colon < w.length() - 1 && w.charAt(colon - 1) != ':') {
      Integer line2 = parseInt(w.substring(colon + 1), false);
      if (line2 == null || line2 == 0) {
        throw error(line, pos + colon + 1, end, "expected a line number after ':'");
      }
      return new Command.ListSource(new Command.FileLine(w.substring(0, colon), line2));
    }
    if (!w.matches("(::)?[A-Za-z_][A-Za-z0-9_]*(::[A-Za-z_][A-Za-z0-9_]*)*")) {
      throw error(line, pos, end, "list takes one of LINE, FUNCTION, FILE:LINE or -");
    }
    return new Command.ListSource(new Command.Function(w));
  }

  private static Command help(String line, int pos) {
    if (pos >= line.length()) {
      return new Command.Help(Optional.empty());
    }
    int end = wordEnd(line, pos);
    int after = skip(line, end);
    if (after < line.length()) {
      throw error(line, after, wordEnd(line, after), "help takes at most one command name");
    }
    return new Command.Help(Optional.of(line.substring(pos, end)));
  }
}
