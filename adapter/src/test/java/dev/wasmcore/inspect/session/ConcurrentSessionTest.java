package dev.wasmcore.inspect.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wasmcore.inspect.DebugSession;
import dev.wasmcore.inspect.FrameView;
import dev.wasmcore.inspect.ScopeView;
import dev.wasmcore.inspect.SessionOptions;
import dev.wasmcore.inspect.Sessions;
import dev.wasmcore.inspect.VariableView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** DAP requests arrive concurrently: many threads reading one fresh session see exactly what one thread sees. */
class ConcurrentSessionTest {
  private static String render(DebugSession s) {
    StringBuilder sb = new StringBuilder();
    for (FrameView f : s.threads().get(0).frames()) {
      sb.append(f.id()).append(' ').append(f.function()).append('\n');
      for (ScopeView sc : f.scopes()) {
        if (sc.kind() == ScopeView.ScopeKind.GLOBALS) {
          continue;
        }
        for (VariableView v : sc.variables()) {
          sb.append("  ").append(v.name()).append('=').append(v.value(false)).append(' ').append(v.namedCount())
              .append('/').append(v.indexedCount()).append('\n');
          for (VariableView c : v.namedChildren()) {
            sb.append("    ").append(c.name()).append('=').append(c.value(true)).append('\n');
          }
        }
      }
    }
    return sb.toString();
  }

  @Test
  void concurrentReadersSeeTheSameSession() throws Exception {
    String p = System.getProperty("wasmcore.corpus");
    Path c = p == null ? null : Path.of(p);
    assumeTrue(c != null && Files.isRegularFile(c.resolve("cores/rs_O0.core")), "corpus absent");
    SessionOptions o = new SessionOptions(c.resolve("cores/rs_O0.core"), List.of(c.resolve("modules/rs_O0.wasm")),
        List.of(), Map.of(), List.of(), null);
    String expected;
    try (DebugSession s = Sessions.open(o, null)) {
      expected = render(s);
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try (DebugSession s = Sessions.open(o, null)) {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        results.add(pool.submit(() -> render(s)));
      }
      for (Future<String> r : results) {
        assertEquals(expected, r.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
