package dev.wasmcore.dap;

import dev.wasmcore.dap.session.FileAccessPolicy;
import dev.wasmcore.dap.session.SessionOpener;
import dev.wasmcore.dap.support.Harness;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.debug.ConfigurationDoneArguments;
import org.eclipse.lsp4j.debug.DisconnectArguments;
import org.eclipse.lsp4j.debug.Scope;
import org.eclipse.lsp4j.debug.ScopesArguments;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StackTraceArguments;
import org.eclipse.lsp4j.debug.VariablesArguments;
import org.eclipse.lsp4j.debug.services.IDebugProtocolServer;

/**
 * Benchmark (not a test) of the DAP server inside one warm JVM, through lsp4j's client on in-memory pipes: for a dump
 * and its module, the time from {@code launch} to the first {@code stackTrace} response, and of the
 * {@code variables} request for the largest scope of the stack (all of it, and a first page of 100). Median of the
 * runs after warm-up.
 *
 * <pre>java -cp test-classes:classes:deps dev.wasmcore.dap.DapBenchmark CORE MODULE [RUNS]</pre>
 */
public final class DapBenchmark {
  private DapBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path core = Path.of(args[0]);
    Path module = Path.of(args[1]);
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    List<Double> launchToStack = new ArrayList<>();
    List<Double> variablesAll = new ArrayList<>();
    List<Double> variablesPage = new ArrayList<>();
    int largest = 0;
    String largestWhat = "";
    for (int run = 0; run < runs + 3; run++) {
      try (Harness h = new Harness(SessionOpener.MODEL, FileAccessPolicy.unrestricted(), true)) {
        IDebugProtocolServer s = h.server;
        s.initialize(Harness.vscode()).get(60, TimeUnit.SECONDS);
        long t0 = System.nanoTime();
        s.launch(Map.of("coreFile", core.toString(), "program", module.toString())).get(120, TimeUnit.SECONDS);
        s.configurationDone(new ConfigurationDoneArguments()).get(60, TimeUnit.SECONDS);
        StackTraceArguments st = new StackTraceArguments();
        st.setThreadId(s.threads().get(60, TimeUnit.SECONDS).getThreads()[0].getId());
        StackFrame[] frames = s.stackTrace(st).get(60, TimeUnit.SECONDS).getStackFrames();
        double ms = (System.nanoTime() - t0) / 1e6;
        // the largest non-expensive scope of the stack
        int bestRef = 0;
        int bestCount = -1;
        String bestWhat = "";
        for (StackFrame f : frames) {
          ScopesArguments sa = new ScopesArguments();
          sa.setFrameId(f.getId());
          for (Scope sc : s.scopes(sa).get(60, TimeUnit.SECONDS).getScopes()) {
            int n = sc.getNamedVariables() == null ? 0 : sc.getNamedVariables();
            if (sc.isExpensive()) {
              continue;
            }
            if (n > bestCount) {
              bestCount = n;
              bestRef = sc.getVariablesReference();
            }
            // groups inside a scope (the Wasm scope's locals, operand stack, globals) count too
            VariablesArguments inner = new VariablesArguments();
            inner.setVariablesReference(sc.getVariablesReference());
            for (var v : s.variables(inner).get(60, TimeUnit.SECONDS).getVariables()) {
              int c = (v.getNamedVariables() == null ? 0 : v.getNamedVariables())
                  + (v.getIndexedVariables() == null ? 0 : v.getIndexedVariables());
              if (v.getVariablesReference() > 0 && c > bestCount) {
                bestCount = c;
                bestRef = v.getVariablesReference();
                bestWhat = f.getName() + " / " + sc.getName() + " / " + v.getName();
              }
            }
          }
        }
        VariablesArguments page = new VariablesArguments();
        page.setVariablesReference(bestRef);
        page.setStart(0);
        page.setCount(100);
        long t1 = System.nanoTime();
        s.variables(page).get(60, TimeUnit.SECONDS);
        double pageMs = (System.nanoTime() - t1) / 1e6;
        VariablesArguments all = new VariablesArguments();
        all.setVariablesReference(bestRef);
        long t2 = System.nanoTime();
        s.variables(all).get(60, TimeUnit.SECONDS);
        double allMs = (System.nanoTime() - t2) / 1e6;
        s.disconnect(new DisconnectArguments()).get(60, TimeUnit.SECONDS);
        largest = bestCount;
        largestWhat = bestWhat;
        if (run >= 3) {
          launchToStack.add(ms);
          variablesPage.add(pageMs);
          variablesAll.add(allMs);
        }
      }
    }
    System.out.printf("%s: launch -> first stackTrace median %.1f ms; largest scope %d variables (%s): first "
        + "100 median %.1f ms, all median %.1f ms (%d runs, warm JVM)%n", core.getFileName(), median(launchToStack),
        largest, largestWhat, median(variablesPage), median(variablesAll), runs);
    System.exit(0);
  }

  private static double median(List<Double> xs) {
    List<Double> sorted = new ArrayList<>(xs);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
