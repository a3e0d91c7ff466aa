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

  private Sample() {}

  static void assertPresent() {
    assertTrue(Files.isRegularFile(CORE) && Files.isRegularFile(MODULE), "project sample missing: " + CORE);
  }

  /** The frame the editor opens shows the trapping source line. */
  static void assertTopFrame(PostMortemSession.Result result, boolean sourceMapped) {
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
