package dev.wasmcore.fuzz;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wasmcore.inspect.DebugSession;
import dev.wasmcore.inspect.FrameView;
import dev.wasmcore.inspect.Limits;
import dev.wasmcore.inspect.ProgressListener;
import dev.wasmcore.inspect.ScopeView;
import dev.wasmcore.inspect.SessionOptions;
import dev.wasmcore.inspect.Sessions;
import dev.wasmcore.inspect.VariableView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Opens sessions on the project's samples (skipped when they are absent) and walks their values. */
final class SampleSession {
  private SampleSession() {}

  static final ProgressListener QUIET = new ProgressListener() {};

  /** {@code src/out/NAME.core} and {@code NAME.wasm}. */
  static Path[] sample(String name) {
    Path out = Seeds.samplesOut();
    assumeTrue(out != null, "samples not available (wasmcore.samples)");
    Path core = out.resolve(name + ".core");
    Path wasm = out.resolve(name + ".wasm");
    assumeTrue(Files.isRegularFile(core) && Files.isRegularFile(wasm), "sample " + name + " missing");
    return new Path[] {core, wasm};
  }

  static DebugSession open(Path core, Path wasm, Limits limits) {
    return Sessions.open(new SessionOptions(core, List.of(wasm), List.of(), Map.of(), List.of(), limits), QUIET);
  }

  static DebugSession open(String name, Limits limits) {
    Path[] p = sample(name);
    return open(p[0], p[1], limits);
  }

  /** The top frame of the first thread whose function is {@code function}. */
  static FrameView frame(DebugSession s, String function) {
    for (FrameView f : s.threads().get(0).frames()) {
      if (f.function().equals(function)) {
        return f;
      }
    }
    throw new AssertionError("no frame " + function);
  }

  /**
   * Renders every variable of every scope of every frame to {@code depth} levels (values in decimal and hex, named
   * children, the first indexed children): what a client does when the user expands everything. Returns the number
   * of values rendered.
   */
  static int renderAll(DebugSession s, int depth, int maxValues) {
    int[] n = {0};
    for (var t : s.threads()) {
      for (FrameView f : t.frames()) {
        for (ScopeView sc : f.scopes()) {
          for (VariableView v : sc.variables()) {
            render(v, depth, n, maxValues);
          }
        }
      }
    }
    return n[0];
  }

  static void render(VariableView v, int depth, int[] n, int maxValues) {
    if (n[0]++ > maxValues) {
      return;
    }
    v.name();
    v.type();
    v.value(false);
    v.value(true);
    v.state();
    v.memoryReference();
    v.evaluateName();
    if (depth <= 0) {
      return;
    }
    if (v.namedCount() > 0) {
      List<VariableView> named = v.namedChildren();
      for (int i = 0; i < Math.min(named.size(), 50); i++) {
        render(named.get(i), depth - 1, n, maxValues);
      }
    }
    if (v.indexedCount() > 0) {
      for (VariableView c : v.indexedChildren(0, 8)) {
        render(c, depth - 1, n, maxValues);
      }
      for (VariableView c : v.indexedChildren(Math.max(0, v.indexedCount() - 2), 8)) {
        render(c, depth - 1, n, maxValues);
      }
    }
  }
}
