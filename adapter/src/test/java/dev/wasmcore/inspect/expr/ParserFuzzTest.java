package dev.wasmcore.inspect.expr;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Seeded random inputs: random strings over the language's alphabet, and mutations (insert, delete, swap, duplicate)
 * of valid expressions and commands. The only outcomes allowed are a tree or an {@link ExprSyntaxException}.
 */
class ParserFuzzTest {
  private static final String ALPHABET = "abxyz_019$.->*&!~+-/%<>=|^?:()[]'\"\\ \t,;@#sizeofstructintunsigned";
  private static final List<String> SEEDS = List.of("acc->name[2]", "(struct Account *)0x11468", "sizeof(int[4])",
      "a ? b : c ? d : e", "'\\x41' + \"s\\n\"", "$local3 + $__stack_pointer", "crate::m::S.0.1",
      "(MyThing)0xfff2c", "x/4xw &buf[1]", "p/x *(unsigned char *)p", "bt full -3", "list crash.c:21",
      "info reg", "ptype struct A", "0x1.8p3f + 1e-3 + 077 + 0b11ull", "(int (*)[4])p", "'\\u{1F600}'");

  private final ExpressionParser parser = new ExpressionParser(TypeNameOracle.of(Set.of("MyThing", "T")), 32);
  private final ConsoleParser console = new ConsoleParser(parser);

  private int check(String input) {
    int trees = 0;
    try {
      parser.parse(input);
      trees++;
    } catch (ExprSyntaxException e) {
      assertTrue(e.column() >= 1 && e.span().end() <= input.length() + 1, "bad error span for " + input);
    } catch (RuntimeException | StackOverflowError e) {
      fail("parse(" + input + ") threw " + e, e);
    }
    try {
      console.parse(input);
    } catch (ExprSyntaxException e) {
      // the parser's own error: fine
    } catch (RuntimeException | StackOverflowError e) {
      fail("console(" + input + ") threw " + e, e);
    }
    return trees;
  }

  @Test
  void randomStrings() {
    Random r = new Random(0x5eed);
    int trees = 0;
    for (int i = 0; i < 40_000; i++) {
      int n = r.nextInt(24);
      StringBuilder sb = new StringBuilder();
      for (int k = 0; k < n; k++) {
        sb.append(r.nextInt(50) == 0 ? (char) r.nextInt(0x3000) : ALPHABET.charAt(r.nextInt(ALPHABET.length())));
      }
      trees += check(sb.toString());
    }
    assertTrue(trees > 100, "some random strings parse: " + trees);
  }

  @Test
  void mutatedValidInputs() {
    Random r = new Random(42);
    for (int i = 0; i < 40_000; i++) {
      StringBuilder sb = new StringBuilder(SEEDS.get(r.nextInt(SEEDS.size())));
      int edits = 1 + r.nextInt(4);
      for (int k = 0; k < edits && sb.length() > 0; k++) {
        int at = r.nextInt(sb.length());
        switch (r.nextInt(4)) {
          case 0 -> sb.deleteCharAt(at);
          case 1 -> sb.insert(at, ALPHABET.charAt(r.nextInt(ALPHABET.length())));
          case 2 -> sb.setCharAt(at, ALPHABET.charAt(r.nextInt(ALPHABET.length())));
          default -> sb.insert(at, sb.substring(at, Math.min(sb.length(), at + r.nextInt(6))));
        }
      }
      check(sb.toString());
    }
  }
}
