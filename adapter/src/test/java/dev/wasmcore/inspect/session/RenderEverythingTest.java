package dev.wasmcore.inspect.session;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonParser;
import dev.wasmcore.inspect.DebugSession;
import dev.wasmcore.inspect.FrameView;
import dev.wasmcore.inspect.ScopeView;
import dev.wasmcore.inspect.SessionOptions;
import dev.wasmcore.inspect.Sessions;
import dev.wasmcore.inspect.VariableView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every variable of every scope of every frame of every corpus dump renders (value, hex, type, children three
 * levels deep, element pages), and nothing but a value or an honest state comes out: no exception escapes.
 */
class RenderEverythingTest {
  static Stream<String> cases() throws IOException {
    return CorpusFactsTest.cases().filter(n -> !n.startsWith("rsbig"));
  }

  private int visit(VariableView v, int depth) {
    int n = 1;
    String text = v.value(false);
    v.value(true);
    v.type();
    v.memoryReference();
    assertTrue(text != null && !text.isEmpty() || v.state() != null, v.name());
    if (v.state() != VariableView.ValueState.OK) {
      assertTrue(text.startsWith("<"), v.name() + " = " + text + " [" + v.state() + "]");
    }
    if (depth >= 3) {
      return n;
    }
    for (VariableView c : v.namedChildren()) {
      n += visit(c, depth + 1);
    }
    int count = v.indexedCount();
    for (VariableView c : v.indexedChildren(0, Math.min(count, 8))) {
      n += visit(c, depth + 1);
    }
    if (count > 8) {
      for (VariableView c : v.indexedChildren(count - 2, 5)) {
        n += visit(c, depth + 1);
      }
    }
    return n;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void everythingRenders(String name) throws IOException {
    Path c = CorpusFactsTest.corpus();
    assumeTrue(c != null && Files.isDirectory(c.resolve("expected")), "corpus absent");
    String module = JsonParser.parseString(Files.readString(c.resolve("expected/" + name + ".json")))
        .getAsJsonObject().get("module").getAsString();
    try (DebugSession s = Sessions.open(new SessionOptions(c.resolve("cores/" + name + ".core"),
        List.of(c.resolve("modules/" + module)), List.of(), Map.of(), List.of(), null), null)) {
      int n = 0;
      for (FrameView f : s.threads().get(0).frames()) {
        for (ScopeView sc : f.scopes()) {
          List<VariableView> vs = sc.variables();
          for (VariableView v : vs.subList(0, Math.min(vs.size(), 200))) {
            n += visit(v, 0);
          }
        }
        s.console(f, "info frame");
        s.disassemble(f.instructionPointerReference(), 0, -3, 8, true);
      }
      assertTrue(n > 0);
    }
  }
}
