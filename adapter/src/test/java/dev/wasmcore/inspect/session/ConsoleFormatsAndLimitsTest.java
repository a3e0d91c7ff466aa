package dev.wasmcore.inspect.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wasmcore.inspect.DebugSession;
import dev.wasmcore.inspect.FrameView;
import dev.wasmcore.inspect.Limits;
import dev.wasmcore.inspect.SessionException;
import dev.wasmcore.inspect.SessionOptions;
import dev.wasmcore.inspect.Sessions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console's gdb print formats ({@code p/d p/u p/o p/t p/c}), casts to unknown type names, out-of-range
 * {@code $localN}, and {@code x} stopped by {@code --max-bytes}, on the project's C sample (src/out/c_dw5_O0; values
 * fixed by src/c/inventory.c: delta is 210, hammer.where.aisle is 'C', primes is {2, 3, 5, 7, ...}).
 */
class ConsoleFormatsAndLimitsTest {
  static Path dir;
  static DebugSession s;
  static FrameView top;
  static FrameView main;

  @BeforeAll
  static void open() {
    String p = System.getProperty("wasmcore.samples");
    dir = p == null ? null : Path.of(p);
    assumeTrue(dir != null && Files.isRegularFile(dir.resolve("out/c_dw5_O0.core")), "samples absent");
    s = open(null);
    top = s.threads().get(0).frames().get(0);
    main = mainOf(s);
  }

  static DebugSession open(Limits limits) {
    return Sessions.open(new SessionOptions(dir.resolve("out/c_dw5_O0.core"), List.of(dir.resolve(
        "out/c_dw5_O0.wasm")), List.of(), Map.of("/wasmcore/src", dir.toString()), List.of(), limits), null);
  }

  static FrameView mainOf(DebugSession d) {
    for (FrameView f : d.threads().get(0).frames()) {
      if (f.function().equals("__main_argc_argv")) {
        return f;
      }
    }
    throw new AssertionError("no main frame");
  }

  @AfterAll
  static void close() {
    if (s != null) {
      s.close();
    }
  }

  static String c(FrameView f, String line) {
    return s.console(f, line).text();
  }

  @Test
  void printFormats() {
    assertEquals("210", c(top, "p delta"));
    assertEquals("0xd2", c(top, "p/x delta"));
    assertEquals("210", c(top, "p/d delta"));
    assertEquals("210", c(top, "p/u delta"));
    assertEquals("0322", c(top, "p/o delta"));
    assertEquals("11010010", c(top, "p/t delta"));
    assertEquals("67", c(main, "p/d hammer.where.aisle"));
    assertEquals("67 'C'", c(main, "p/c hammer.where.aisle"));
    assertEquals("65 'A'", c(top, "p/c 65"));
    assertEquals("-1", c(top, "p/d -1"));
    assertEquals("4294967295", c(top, "p/u -1"));
    assertEquals("11111111111111111111111111111111", c(top, "p/t -1"));
    assertEquals("212", c(top, "p/d delta + 2"));
    // Aggregates keep their natural form.
    assertEquals(c(main, "p hammer"), c(main, "p/d hammer"));
  }

  @Test
  void castToUnknownTypeNamesTheType() {
    SessionException e = assertThrows(SessionException.class, () -> s.evaluate(top, "(Nope *)1"));
    assertTrue(e.getMessage().contains("no type named 'Nope'"), e.getMessage());
    e = assertThrows(SessionException.class, () -> s.evaluate(top, "(Nope **) delta"));
    assertTrue(e.getMessage().contains("no type named 'Nope'"), e.getMessage());
    e = assertThrows(SessionException.class, () -> s.console(top, "p (Nope)1"));
    assertTrue(e.getMessage().contains("no type named 'Nope'"), e.getMessage());
    // A parenthesised variable stays an expression; a known type still casts.
    assertEquals("210", s.evaluate(top, "(delta)").value(false));
    assertEquals("211", s.evaluate(top, "(delta) + 1").value(false));
    assertEquals("209", s.evaluate(top, "(delta) - 1").value(false));
    assertEquals("-46 '\\xd2'", s.evaluate(top, "(signed char)delta").value(false));
  }

  @Test
  void localPastTheEndSaysHowManyLocals() {
    SessionException e = assertThrows(SessionException.class, () -> s.evaluate(top, "$local9999"));
    Matcher m = Pattern.compile("\\$local9999: the function has (\\d+) locals \\(\\$local0\\.\\.\\$local(\\d+)\\)")
        .matcher(e.getMessage());
    assertTrue(m.find(), e.getMessage());
    int n = Integer.parseInt(m.group(1));
    assertEquals(n - 1, Integer.parseInt(m.group(2)));
    // The last one named is a real local; one past it is refused the same way.
    s.evaluate(top, "$local" + (n - 1)).value(false);
    e = assertThrows(SessionException.class, () -> s.evaluate(top, "$local" + n));
    assertTrue(e.getMessage().contains("the function has " + n + " locals"), e.getMessage());
  }

  @Test
  void examineStopsAtTheReadLimit() {
    DebugSession small = open(new Limits(4096, 100, 64, 256, 16));
    try {
      String x = small.console(mainOf(small), "x/8dw primes").text();
      assertTrue(x.matches("(?s)0x[0-9a-f]+:\t2\t3\t5\t7\n0x[0-9a-f]+:\t<stopped at the read limit of 16 bytes "
          + "\\(--max-bytes\\)>"), x);
      assertTrue(!x.contains("unreadable"), x);
    } finally {
      small.close();
    }
    // With the default limit the same read goes on past the four words.
    String x = c(main, "x/8dw primes");
    assertTrue(!x.contains("read limit") && x.startsWith("0x") && x.contains("2\t3\t5\t7"), x);
  }
}
