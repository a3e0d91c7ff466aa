package dev.wasmcore.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.wasmcore.inspect.expr.ConsoleParser;
import dev.wasmcore.inspect.expr.ExprPrinter;
import dev.wasmcore.inspect.expr.ExpressionParser;
import dev.wasmcore.inspect.expr.TypeNameOracle;
import java.util.Set;

/**
 * Jazzer target: the expression and console parsers on arbitrary text (the watch, hover and REPL input of a client).
 * Outcomes: a tree, or an ExprSyntaxException with a message; never a StackOverflowError on deep nesting.
 */
class ExpressionParserFuzzTest {
  private static final ExpressionParser PARSER =
      new ExpressionParser(TypeNameOracle.of(Set.of("Node", "NodeAlias", "T")), 64);
  private static final ConsoleParser CONSOLE = new ConsoleParser(PARSER);

  @FuzzTest(maxDuration = "5m")
  void parse(FuzzedDataProvider in) {
    String text = in.consumeRemainingAsString();
    Outcomes.expectValueOrError("expression '" + text + "'", null,
        () -> ExprPrinter.parenthesized(PARSER.parse(text)));
    Outcomes.expectValueOrError("console '" + text + "'", null, () -> CONSOLE.parse(text));
  }
}
