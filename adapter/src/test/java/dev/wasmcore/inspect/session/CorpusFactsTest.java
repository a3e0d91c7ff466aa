package dev.wasmcore.inspect.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.wasmcore.inspect.DebugSession;
import dev.wasmcore.inspect.FrameView;
import dev.wasmcore.inspect.SessionException;
import dev.wasmcore.inspect.SessionOptions;
import dev.wasmcore.inspect.Sessions;
import dev.wasmcore.inspect.VariableView;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code sourceValues} fact of every corpus expected file holds through the session (evaluate in the source
 * frames of its physical frame, innermost first; one level satisfying it is enough). For wasmtime-style dumps
 * ({@code _wt}) every {@code needsLocals} fact is shown right or as unavailable, never as another value.
 */
class CorpusFactsTest {
  static Path corpus() {
    String p = System.getProperty("wasmcore.corpus");
    return p == null ? null : Path.of(p);
  }

  static Stream<String> cases() throws IOException {
    Path c = corpus();
    if (c == null || !Files.isDirectory(c.resolve("expected"))) {
      return Stream.of("(corpus absent)");
    }
    try (Stream<Path> s = Files.list(c.resolve("expected"))) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
          .map(n -> n.substring(0, n.length() - 5)).sorted().toList().stream();
    }
  }

  static DebugSession open(Path corpus, String name, JsonObject expected) {
    Path core = corpus.resolve("cores").resolve(name + ".core");
    Path module = corpus.resolve("modules").resolve(expected.get("module").getAsString());
    return Sessions.open(new SessionOptions(core, List.of(module), List.of(),
        Map.of("/corpus/src", corpus.resolve("src").toString()), List.of(), null), null);
  }

  /** The outcome of one fact. */
  enum Outcome { RIGHT, UNAVAILABLE, WRONG }

  static Outcome check(DebugSession s, JsonObject fact, StringBuilder log) {
    int physical = fact.get("frame").getAsInt();
    String expr = fact.get("expression").getAsString();
    String kind = fact.get("kind").getAsString();
    JsonElement ve = fact.get("value");
    Object value;
    if (ve == null || ve.isJsonNull()) {
      value = null;
    } else if (ve.getAsJsonPrimitive().isNumber()) {
      String t = ve.getAsString();
      value = "float".equals(kind) ? (Object) ve.getAsDouble() : (Object) t;
    } else {
      value = ve.getAsString();
    }
    if ("len".equals(kind)) {
      value = ve.getAsLong();
    }
    boolean unavailable = false;
    List<String> seen = new ArrayList<>();
    for (FrameView f : s.threads().get(0).frames()) {
      if (f.physicalIndex() != physical) {
        continue;
      }
      try {
        VariableView v = s.evaluate(f, expr);
        if (FactMatcher.matches(kind, value, v)) {
          return Outcome.RIGHT;
        }
        if (v.state() == VariableView.ValueState.UNAVAILABLE || v.state() == VariableView.ValueState.OPTIMIZED_OUT) {
          unavailable = true;
        }
        seen.add(f.function() + ": " + v.value(false) + " [" + v.state() + "]");
      } catch (SessionException e) {
        if (e.getMessage().contains("unavailable") || e.getMessage().contains("optimized out")) {
          unavailable = true;
        }
        seen.add(f.function() + ": error " + e.getMessage());
      }
    }
    log.append("  frame ").append(physical).append(' ').append(expr).append(" (").append(kind).append(' ')
        .append(value).append("): ").append(seen).append('\n');
    return unavailable ? Outcome.UNAVAILABLE : Outcome.WRONG;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void everyFactHolds(String name) throws IOException {
    Path c = corpus();
    assumeTrue(c != null && Files.isDirectory(c.resolve("expected")), "corpus absent");
    JsonObject expected = JsonParser.parseString(Files.readString(c.resolve("expected").resolve(name + ".json"),
        StandardCharsets.UTF_8)).getAsJsonObject();
    try (DebugSession s = open(c, name, expected)) {
      StringBuilder log = new StringBuilder();
      JsonArray facts = expected.has("sourceValues") ? expected.getAsJsonArray("sourceValues") : new JsonArray();
      int right = 0;
      for (JsonElement f : facts) {
        if (check(s, f.getAsJsonObject(), log) == Outcome.RIGHT) {
          right++;
        }
      }
      int wrongNeeds = 0;
      int rightNeeds = 0;
      JsonArray needs = expected.has("needsLocals") ? expected.getAsJsonArray("needsLocals") : new JsonArray();
      StringBuilder needsLog = new StringBuilder();
      for (JsonElement f : needs) {
        Outcome o = check(s, f.getAsJsonObject(), needsLog);
        if (o == Outcome.WRONG) {
          wrongNeeds++;
        } else if (o == Outcome.RIGHT) {
          rightNeeds++;
        }
      }
      System.err.println("corpus " + name + ": sourceValues " + right + "/" + facts.size() + ", needsLocals right "
          + rightNeeds + ", unavailable " + (needs.size() - rightNeeds - wrongNeeds) + ", wrong " + wrongNeeds);
      assertEquals(facts.size(), right, name + ": facts not shown right:\n" + log);
      assertTrue(wrongNeeds == 0, name + ": needsLocals facts shown wrong:\n" + needsLog);
    }
  }
}
