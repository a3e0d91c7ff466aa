package dev.wasmcore.dap.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wasmcore.inspect.FrameKind;
import dev.wasmcore.inspect.FrameView;
import dev.wasmcore.inspect.SourceLocation;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exception widget's stack stays short: library runs fold into one line, at most ten lines. */
class ExceptionTraceTest {
  private static FrameView frame(String function, FrameKind kind, int line) {
    SourceLocation loc = line > 0 ? new SourceLocation("/src/" + function + ".rs", null, line, 1) : null;
    return (FrameView) Proxy.newProxyInstance(FrameView.class.getClassLoader(), new Class<?>[] {FrameView.class},
        (proxy, method, args) -> switch (method.getName()) {
          case "function" -> function;
          case "kind" -> kind;
          case "location" -> loc;
          case "module" -> "m.wasm";
          case "funcIndex" -> 7;
          case "codeOffset" -> 16L;
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }

  @Test
  void foldsLibraryRunsAndKeepsUserFrames() {
    List<FrameView> frames = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      frames.add(frame("std::panicking::f" + i, FrameKind.LIBRARY, 10 + i));
    }
    frames.add(frame("telemetry::calibrate", FrameKind.USER, 47));
    frames.add(frame("telemetry::summarize", FrameKind.USER, 55));
    frames.add(frame("__main_void", FrameKind.NO_SOURCE, 0));
    assertEquals("#0-#7 8 library or source-less frames (std::panicking::f0, ...)\n"
        + "#8 telemetry::calibrate at /src/telemetry::calibrate.rs:47:1\n"
        + "#9 telemetry::summarize at /src/telemetry::summarize.rs:55:1\n"
        + "#10 __main_void (m.wasm func[7]+0x10)\n", ExceptionInfoHandler.shortTrace(frames));
  }

  @Test
  void capsTheNumberOfLines() {
    List<FrameView> frames = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      frames.add(frame("f" + i, FrameKind.USER, i + 1));
    }
    String trace = ExceptionInfoHandler.shortTrace(frames);
    assertEquals(11, trace.lines().count());
    assertEquals("... 15 more frames", trace.lines().reduce((a, b) -> b).orElseThrow());
  }
}
