package dev.wasmcore.testsupport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The shared corpus (system property {@code wasmcore.corpus}); tests that need it are skipped through
 * {@code Assumptions} when it is absent.
 */
public final class Corpus {
  private Corpus() {}

  /** The corpus root; skips the calling test when it is not there. */
  public static Path root() {
    String p = System.getProperty("wasmcore.corpus");
    assumeTrue(p != null && Files.isDirectory(Path.of(p, "cores")), "corpus not available (wasmcore.corpus)");
    return Path.of(p);
  }

  /** Names of all cores, e.g. {@code c_dw5_O2}, {@code c_dw5_O2_wt}. */
  public static List<String> coreNames() {
    String p = System.getProperty("wasmcore.corpus");
    if (p == null || !Files.isDirectory(Path.of(p, "cores"))) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(Path.of(p, "cores"))) {
      return s.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".core"))
          .map(n -> n.substring(0, n.length() - 5)).sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Names of all modules, e.g. {@code c_dw5_O2}. */
  public static List<String> moduleNames() {
    String p = System.getProperty("wasmcore.corpus");
    if (p == null || !Files.isDirectory(Path.of(p, "modules"))) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(Path.of(p, "modules"))) {
      return s.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".wasm"))
          .map(n -> n.substring(0, n.length() - 5)).sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Path core(String name) {
    return root().resolve("cores").resolve(name + ".core");
  }

  /** The expected answers of a core. */
  public static JsonObject expected(String name) {
    try {
      return JsonParser.parseString(Files.readString(root().resolve("expected").resolve(name + ".json")))
          .getAsJsonObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The module of a core, as its expected file names it. */
  public static Path moduleOf(String coreName) {
    return root().resolve("modules").resolve(expected(coreName).get("module").getAsString());
  }

  public static Path module(String name) {
    return root().resolve("modules").resolve(name + ".wasm");
  }
}
