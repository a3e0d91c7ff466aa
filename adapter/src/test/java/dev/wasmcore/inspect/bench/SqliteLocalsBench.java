package dev.wasmcore.inspect.bench;

import dev.wasmcore.inspect.DebugSession;
import dev.wasmcore.inspect.FrameView;
import dev.wasmcore.inspect.ScopeView;
import dev.wasmcore.inspect.SessionOptions;
import dev.wasmcore.inspect.Sessions;
import dev.wasmcore.inspect.VariableView;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Benchmark (a main, not a unit test): the SQLite corpus dump, whose {@code sqlite3VdbeExec} frame has 8,770 wasm
 * locals. Measures, in a warm JVM, opening the session, then for a new session each round: the frame's scopes, the
 * first 100 variables of its Locals and of its Wasm scope, and the members of one struct (the Vdbe {@code p}); prints
 * the median and max of each step.
 *
 * <p>Run: {@code java -cp <test and main classes + deps> dev.wasmcore.inspect.bench.SqliteLocalsBench [corpus]}.
 */
public final class SqliteLocalsBench {
  private SqliteLocalsBench() {}

  public static void main(String[] args) {
    Path corpus = Path.of(args.length > 0 ? args[0] : System.getProperty("wasmcore.corpus", "../shared/corpus"));
    SessionOptions o = new SessionOptions(corpus.resolve("cores/sqlite_dw5_O2.core"),
        List.of(corpus.resolve("modules/sqlite_dw5_O2.wasm")), List.of(), Map.of(), List.of(), null);
    int rounds = 15;
    long[] open = new long[rounds];
    long[] scopes = new long[rounds];
    long[] locals = new long[rounds];
    long[] wasm = new long[rounds];
    long[] struct = new long[rounds];
    int wasmCount = 0;
    int localCount = 0;
    String structName = null;
    int members = 0;
    for (int r = 0; r < rounds; r++) {
      long t0 = System.nanoTime();
      try (DebugSession s = Sessions.open(o, null)) {
        long t1 = System.nanoTime();
        FrameView f = null;
        for (FrameView x : s.threads().get(0).frames()) {
          if (x.function().equals("sqlite3VdbeExec")) {
            f = x;
            break;
          }
        }
        if (f == null) {
          throw new IllegalStateException("no sqlite3VdbeExec frame");
        }
        List<ScopeView> sc = f.scopes();
        long t2 = System.nanoTime();
        List<String> shown = new ArrayList<>();
        VariableView withMembers = null;
        for (ScopeView x : sc) {
          if (x.kind() == ScopeView.ScopeKind.LOCALS) {
            List<VariableView> vs = x.variables();
            localCount = vs.size();
            for (VariableView v : vs.subList(0, Math.min(100, vs.size()))) {
              shown.add(v.value(false));
              if (withMembers == null && v.name().equals("p")) {
                withMembers = v;
              }
            }
          }
        }
        if (withMembers == null) {
          for (ScopeView x : sc) {
            if (x.kind() == ScopeView.ScopeKind.ARGUMENTS) {
              for (VariableView v : x.variables()) {
                if (v.name().equals("p")) {
                  withMembers = v;
                }
              }
            }
          }
        }
        long t3 = System.nanoTime();
        for (ScopeView x : sc) {
          if (x.kind() == ScopeView.ScopeKind.WASM) {
            List<VariableView> vs = x.variables();
            wasmCount = vs.size();
            for (VariableView v : vs.subList(0, Math.min(100, vs.size()))) {
              shown.add(v.value(false));
            }
          }
        }
        long t4 = System.nanoTime();
        if (withMembers != null) {
          structName = withMembers.name() + " (" + withMembers.type() + ")";
          List<VariableView> ms = withMembers.namedChildren();
          members = ms.size();
          for (VariableView m : ms) {
            shown.add(m.value(false));
          }
        }
        long t5 = System.nanoTime();
        open[r] = t1 - t0;
        scopes[r] = t2 - t1;
        locals[r] = t3 - t2;
        wasm[r] = t4 - t3;
        struct[r] = t5 - t4;
        if (shown.isEmpty()) {
          throw new IllegalStateException("nothing shown");
        }
      }
    }
    System.out.printf("SQLite sqlite3VdbeExec frame: %d DWARF locals, %d wasm-scope entries, struct %s with %d members%n",
        localCount, wasmCount, structName, members);
    report("open session (warm)", open);
    report("frame scopes", scopes);
    report("first 100 Locals with values", locals);
    report("first 100 Wasm-scope values", wasm);
    report("members of " + structName, struct);
  }

  private static void report(String what, long[] ns) {
    long[] s = ns.clone();
    Arrays.sort(s);
    // The first rounds warm the JVM: the median of the rest is the warm figure.
    long[] warm = Arrays.copyOfRange(s, 0, s.length);
    System.out.printf("  %-50s median %7.2f ms  max %7.2f ms  first %7.2f ms%n", what, warm[warm.length / 2] / 1e6,
        warm[warm.length - 1] / 1e6, ns[0] / 1e6);
  }
}
