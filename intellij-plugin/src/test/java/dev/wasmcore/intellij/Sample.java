package dev.wasmcore.intellij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project's demo sample {@code src/out/c_dw5_O0} (C, clang 19, DWARF 5): {@code record_movement} in
 * {@code src/c/inventory.c} traps at line 86 (compiled as {@code /wasmcore/src/c/inventory.c}, see
 * {@code src/out/expected/c_dw5_O0.json}).
 */
final class Sample {
  static final Path ROOT = Path.of(System.getProperty("wasmcore.root")).toAbsolutePath().normalize();
  static final Path SAMPLES = Path.of(System.getProperty("wasmcore.samples")).toAbsolutePath().normalize();
  static final Path CORE = SAMPLES.resolve("out/c_dw5_O0.core");
  static final Path MODULE = SAMPLES.resolve("out/c_dw5_O0.wasm");
  static final String COMPILED_PREFIX = "/wasmcore/src";
  static final String TOP_FUNCTION = "record_movement";
  static final int TOP_LINE = 86;
  /** A watch expression of the top frame; its value is read from the expected file. */
  static final String WATCH = "item->quantity";
  /** A parameter of the top frame; its value is read from the expected file. */
  static final String ARGUMENT = "delta";

  private Sample() {}

  static void assertPresent() {
    assertTrue(Files.isRegularFile(CORE) && Files.isRegularFile(MODULE), "project sample missing: " + CORE);
  }

  /** A fact of {@code src/out/expected/c_dw5_O0.json}: the trap, or a source value of frame 0. */
  static String expected(String expression) {
    try {
      JsonObject expected = com.google.gson.JsonParser.parseString(
          Files.readString(SAMPLES.resolve("out/expected/c_dw5_O0.json"))).getAsJsonObject();
      if (expression == null) {
        return expected.get("trap").getAsString();
      }
      for (var fact : expected.getAsJsonArray("sourceValues")) {
        JsonObject f = fact.getAsJsonObject();
        if (f.get("frame").getAsInt() == 0 && f.get("expression").getAsString().equals(expression)) {
          return f.get("value").getAsString();
        }
      }
      throw new AssertionError("no fact for " + expression);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * What the user sees: the trap in the stopped event, the trapping source line on the top frame, a parameter in the
   * Variables view and a watch.
   */
  static void assertTopFrame(PostMortemSession.Result result, boolean sourceMapped) {
    assertEquals(expected(null), result.stopped().get("description").getAsString(), result.stopped().toString());
    assertEquals(expected(ARGUMENT), result.firstScope().get(ARGUMENT), result.firstScope().toString());
    assertEquals(expected(WATCH), result.watchValue());
    JsonObject top = result.frames().get(0).getAsJsonObject();
    assertTrue(top.get("name").getAsString().contains(TOP_FUNCTION), top.toString());
    assertEquals(TOP_LINE, top.get("line").getAsInt(), top.toString());
    String path = top.getAsJsonObject("source").get("path").getAsString();
    if (sourceMapped) {
      assertEquals(SAMPLES.resolve("c/inventory.c").toString(), path, "the source map applies");
      assertTrue(Files.isRegularFile(Path.of(path)));
    } else {
      assertTrue(path.endsWith("c/inventory.c"), path);
    }
  }
}
