package dev.wasmcore.inspect.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.wasmcore.inspect.DebugSession;
import dev.wasmcore.inspect.SessionOptions;
import dev.wasmcore.inspect.Sessions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The project's own samples (C, C++ and Rust at -O0 and -O2, built by src/build.sh): every {@code sourceValues}
 * fact of {@code src/out/expected/*.json} holds through the session. The facts cover each type kind (bitfields,
 * unions, enums and flags, multi-dimensional arrays, cycles, function pointers, statics) and expression form.
 */
class SampleFactsTest {
  static Path samples() {
    String p = System.getProperty("wasmcore.samples");
    return p == null ? null : Path.of(p);
  }

  static Stream<String> cases() throws IOException {
    Path s = samples();
    Path exp = s == null ? null : s.resolve("out/expected");
    if (exp == null || !Files.isDirectory(exp)) {
      return Stream.of("(samples absent)");
    }
    try (Stream<Path> st = Files.list(exp)) {
      return st.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
          .map(n -> n.substring(0, n.length() - 5)).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void everyFactHolds(String name) throws IOException {
    Path s = samples();
    assumeTrue(s != null && Files.isDirectory(s.resolve("out/expected")), "samples absent");
    JsonObject expected = JsonParser.parseString(Files.readString(s.resolve("out/expected/" + name + ".json"),
        StandardCharsets.UTF_8)).getAsJsonObject();
    Path core = s.resolve("out/" + name + ".core");
    Path module = s.resolve("out/" + expected.get("module").getAsString());
    try (DebugSession session = Sessions.open(new SessionOptions(core, List.of(module), List.of(),
        Map.of("/wasmcore/src", s.toString()), List.of(), null), null)) {
      StringBuilder log = new StringBuilder();
      JsonArray facts = expected.getAsJsonArray("sourceValues");
      int right = 0;
      for (JsonElement f : facts) {
        if (CorpusFactsTest.check(session, f.getAsJsonObject(), log) == CorpusFactsTest.Outcome.RIGHT) {
          right++;
        }
      }
      System.err.println("sample " + name + ": sourceValues " + right + "/" + facts.size());
      assertEquals(facts.size(), right, name + ": facts not shown right:\n" + log);
    }
  }
}
