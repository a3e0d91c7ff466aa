package dev.wasmcore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The resource limits on the command line ({@code --max-string}, {@code --max-array}, {@code --max-bytes},
 * {@code --max-depth}, {@code --max-die-nesting}) reach the session, and a relative {@code --source-map} target is
 * relative to the working directory; on the project's C sample ({@code src/out/c_dw5_O0}).
 */
class CliLimitsTest {
  private static String[] eval(String... tail) {
    String samples = System.getProperty("wasmcore.samples");
    assumeTrue(samples != null && Files.isRegularFile(Path.of(samples, "out/c_dw5_O0.core")), "samples absent");
    String[] head = {"eval", Path.of(samples, "out/c_dw5_O0.core").toString(), "--module",
        Path.of(samples, "out/c_dw5_O0.wasm").toString(), "--frame", "3"};
    String[] all = new String[head.length + tail.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(tail, 0, all, head.length, tail.length);
    return all;
  }

  @Test
  void maxStringShortensAStringValue() {
    CliRun full = CliRun.of(eval("motto"));
    assertEquals(0, full.status(), full.err());
    assertTrue(full.out().contains("\"count twice, ship once\""), full.out());
    CliRun cut = CliRun.of(eval("--max-string", "5", "motto"));
    assertEquals(0, cut.status(), cut.err());
    assertTrue(cut.out().contains("\"count"), cut.out());
    assertFalse(cut.out().contains("twice"), cut.out());
  }

  @Test
  void maxArrayBoundsTheElementsRenderedInline() {
    CliRun full = CliRun.of(eval("primes"));
    assertEquals("{2, 3, 5, 7, 11, 13, 17, 19}", full.out().strip());
    CliRun cut = CliRun.of(eval("--max-array=3", "primes"));
    assertEquals(0, cut.status(), cut.err());
    assertTrue(cut.out().startsWith("{2, 3, 5"), cut.out());
    assertFalse(cut.out().contains("7"), cut.out());
  }

  @Test
  void maxBytesAndMaxDepthRefuseWithAReason() {
    CliRun full = CliRun.of(eval("hammer"));
    assertEquals(0, full.status(), full.err());
    assertTrue(full.out().startsWith("{name=\"hammer\""), full.out());
    CliRun small = CliRun.of(eval("--max-bytes", "8", "hammer"));
    assertEquals(0, small.status(), small.err());
    assertTrue(small.out().startsWith("{name=<error: value of 12 bytes exceeds the read limit>"), small.out());
    CliRun deep = CliRun.of(eval("--max-depth", "3", "((((1))))+1"));
    assertEquals(1, deep.status(), deep.out());
    assertTrue(deep.err().startsWith("wasmcore: expression nested more than 3 levels deep"), deep.err());
    assertEquals(1, deep.err().strip().lines().count(), deep.err());
    assertEquals("2", CliRun.of(eval("((((1))))+1")).out().strip());
  }

  @Test
  void badLimitValuesAreUsageErrors() {
    for (String bad : new String[] {"0", "-4", "many", "99999999999"}) {
      CliRun r = CliRun.of(eval("--max-string", bad, "motto"));
      assertEquals(2, r.status(), bad + ": " + r.out());
      assertTrue(r.err().contains("--max-string needs a positive integer"), r.err());
    }
  }

  @Test
  void helpNamesTheLimitsAndTheirDefaults() {
    CliRun r = CliRun.of("help", "eval");
    String text = r.out() + r.err();
    for (String o : SessionArgs.LIMIT_OPTIONS) {
      assertTrue(text.contains(o), o + " missing from: " + text);
    }
    assertTrue(text.contains("(default 4096)"), text);
  }

  @Test
  void btLocalsAcceptsLimitsAndARelativeSourceMapFindsTheSource() {
    String samples = System.getProperty("wasmcore.samples");
    assumeTrue(samples != null && Files.isRegularFile(Path.of(samples, "out/c_dw5_O0.core")), "samples absent");
    Path src = Path.of(samples).toAbsolutePath().normalize();
    Path cwd = Path.of("").toAbsolutePath();
    String relative = cwd.relativize(src).toString();
    CliRun r = CliRun.of("bt", Path.of(samples, "out/c_dw5_O0.core").toString(), "--module",
        Path.of(samples, "out/c_dw5_O0.wasm").toString(), "--locals", "--max-array", "2",
        "--source-map", "/wasmcore/src=" + relative);
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("int[8] primes = {2, 3, ...}"), r.out());
    assertFalse(r.out().contains("primes = {2, 3, 5"), r.out());
    assertTrue(r.out().contains("at " + src.resolve("c/inventory.c") + ":86"), r.out());
    CliRun list = CliRun.of(eval("--source-map", "/wasmcore/src=" + relative, "list"));
    assertEquals(0, list.status(), list.err());
    assertTrue(list.out().contains("=> 130\t    int total = run_day(&ledger, &robot, g_day);"), list.out());
  }
}
