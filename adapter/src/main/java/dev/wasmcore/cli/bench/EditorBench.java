package dev.wasmcore.cli.bench;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Part 2, opening a crash the way an editor does: spawn the adapter, then {@link EditorFlow} up to the variables of
 * the top frame; wasmcore on a wasm dump side by side with {@code lldb-vscode} (LLVM's DAP server) attaching to a
 * native core of the same program. Times are from spawn to the arrival of the first {@code stackTrace} response and
 * of the {@code variables} response. Adapters run interleaved per round; round 0 warms the page cache and is not
 * counted. RSS is the adapter's peak ({@code VmHWM}) read before {@code disconnect}.
 */
public final class EditorBench {
  /** One adapter to spawn: its command line and its {@code launch}/{@code attach} request. */
  public record Adapter(String label, List<String> command, Map<String, String> environment, String launchCommand,
      JsonObject launchArguments, Path gcLog) {}

  private final Report report;

  public EditorBench(Report report) {
    this.report = report;
  }

  /** Runs every adapter {@code runs} times (plus a warm-up round) and reports; returns spawn-to-stackTrace medians. */
  public Map<String, Double> run(String caseName, List<Adapter> adapters, String baselineLabel, int runs) {
    Map<String, Samples> toStack = new LinkedHashMap<>();
    Map<String, Samples> toVars = new LinkedHashMap<>();
    Map<String, Samples> rss = new LinkedHashMap<>();
    Map<String, Long> heap = new LinkedHashMap<>();
    Map<String, String> shape = new LinkedHashMap<>();
    for (int round = 0; round <= runs; round++) {
      for (Adapter a : adapters) {
        long t0 = System.nanoTime();
        Process p;
        try {
          ProcessBuilder pb = new ProcessBuilder(a.command()).redirectError(ProcessBuilder.Redirect.DISCARD);
          pb.environment().putAll(a.environment());
          p = pb.start();
        } catch (IOException e) {
          throw new UncheckedIOException("cannot start " + a.command(), e);
        }
        long hwm;
        EditorFlow.Opened o;
        try (DapClient c = new DapClient(p.getInputStream(), p.getOutputStream(), a.label())) {
          o = EditorFlow.open(c, a.label(), a.launchCommand(), a.launchArguments());
          hwm = ProcStatus.peakRssBytes(p.pid());
          EditorFlow.disconnect(c, false);
        } finally {
          stop(p);
        }
        shape.put(a.label(), o.frames.size() + " frames (first 20 asked), top frame '"
            + o.frames.get(0).getAsJsonObject().get("name").getAsString() + "', " + o.variablesShown
            + " variables in its first scope");
        if (round == 0) {
          continue;
        }
        toStack.computeIfAbsent(a.label(), k -> new Samples()).add((o.stackTraceArrived - t0) / 1e6);
        toVars.computeIfAbsent(a.label(), k -> new Samples()).add((o.variablesArrived - t0) / 1e6);
        rss.computeIfAbsent(a.label(), k -> new Samples()).add(hwm);
        if (a.gcLog() != null && Files.exists(a.gcLog())) {
          heap.merge(a.label(), GcLog.read(a.gcLog(), 0).peakBytes(), Math::max);
        }
      }
    }
    String part = "2 editor open";
    double base = toStack.get(baselineLabel).median();
    Map<String, Double> medians = new LinkedHashMap<>();
    for (Adapter a : adapters) {
      Samples s = toStack.get(a.label());
      medians.put(a.label(), s.median());
      boolean isBase = a.label().equals(baselineLabel);
      String heapText = heap.containsKey(a.label()) ? ", peak heap " + Report.mib(heap.get(a.label())) : "";
      report.add(part, caseName + ": " + a.label() + ": spawn -> first stackTrace", Report.spread(s)
          + (isBase ? "" : "; ratio " + Report.ratio(s.median() / base)), isBase ? "" : "ratio <= 1.0",
          isBase ? null : s.median() / base <= 1.0);
      report.add(part, caseName + ": " + a.label() + ": spawn -> variables of the top frame",
          Report.spread(toVars.get(a.label())) + (isBase ? "" : "; ratio "
              + Report.ratio(toVars.get(a.label()).median() / toVars.get(baselineLabel).median()))
              + ", peak RSS " + Report.mib(rss.get(a.label()).max()) + heapText,
          heap.containsKey(a.label()) ? "heap < 256 MiB" : "",
          heap.containsKey(a.label()) ? heap.get(a.label()) < (256L << 20) : null);
      report.note(a.label() + " showed " + shape.get(a.label()));
    }
    return medians;
  }

  private static void stop(Process p) {
    try {
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroy();
        if (!p.waitFor(5, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          p.waitFor(5, TimeUnit.SECONDS);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
    }
  }
}
