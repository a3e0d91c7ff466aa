package dev.wasmcore.cli.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Part 1, cold: {@code wasmcore bt --json} in a new JVM per run (for each Java runtime variant: plain, AppCDS, AOT
 * cache, ...) against {@code llvm-symbolizer-16 --inlines --output-style=JSON} on the same DWARF addresses (one per
 * physical frame, taken from wasmcore's own output) of the same module. The variants run interleaved in each round,
 * so load on the machine hits them alike; the first round only warms the page cache and is not counted.
 */
public final class ColdBench {
  private final ProcessTimer timer;
  private final Path jar;
  private final Path scratch;
  private final String llvmSymbolizer;
  private final Report report;

  public ColdBench(ProcessTimer timer, Path jar, Path scratch, String llvmSymbolizer, Report report) {
    this.timer = timer;
    this.jar = jar;
    this.scratch = scratch;
    this.llvmSymbolizer = llvmSymbolizer;
    this.report = report;
  }

  /**
   * The start-up floor: {@code wasmcore --help} (JVM start, the jar opened, Main run, nothing read) with every
   * runtime variant, interleaved like the real runs, so the share of start-up in a cold {@code bt} is visible.
   */
  public void floor(List<JavaRuntime> runtimes, int runs) {
    Map<String, Samples> wall = new LinkedHashMap<>();
    Map<String, Samples> cpu = new LinkedHashMap<>();
    for (int round = 0; round <= runs; round++) {
      for (JavaRuntime rt : runtimes) {
        ProcessMeasurement m = timer.run(rt.command(jar, List.of(), List.of("--help")), rt.environment(List.of()),
            60);
        if (round > 0) {
          wall.computeIfAbsent(rt.label(), k -> new Samples()).add(m.wallMs());
          cpu.computeIfAbsent(rt.label(), k -> new Samples()).add(m.cpuMs());
        }
      }
    }
    for (JavaRuntime rt : runtimes) {
      report.add("1 cold bt", "start-up floor: wasmcore --help (" + rt.label() + ")", Report.spread(wall.get(rt.label()))
          + ", CPU " + Report.ms(cpu.get(rt.label()).median()), "", null);
    }
  }

  /** Measures one case with every runtime variant; returns the wall-time medians by label. */
  public Map<String, Double> run(BenchCase c, List<JavaRuntime> runtimes, int runs) {
    List<String> bt = List.of("bt", "--json", c.core().toString(), "--module", c.module().toString());
    Map<String, Samples> wall = new LinkedHashMap<>();
    Map<String, Samples> cpu = new LinkedHashMap<>();
    Map<String, Samples> rss = new LinkedHashMap<>();
    Map<String, Long> heap = new LinkedHashMap<>();
    List<String> llvmCommand = null;
    int sourceFrames = -1;
    for (int round = 0; round <= runs; round++) {
      for (JavaRuntime rt : runtimes) {
        Path gc = scratch.resolve("gc-cold-" + rt.label().replaceAll("[^A-Za-z0-9.+-]", "_") + ".log");
        ProcessMeasurement m = timer.run(rt.command(jar, List.of(GcLog.jvmOption(gc)), bt),
            rt.environment(List.of(GcLog.jvmOption(gc))), 300);
        if (m.exitCode() != 0) {
          throw new IllegalStateException(rt.label() + ": wasmcore bt exited with " + m.exitCode() + " on " + c.name());
        }
        JsonObject json = JsonParser.parseString(m.stdout()).getAsJsonObject();
        int frames = countFrames(json);
        if (sourceFrames < 0) {
          sourceFrames = frames;
          llvmCommand = llvmCommand(c.module(), json);
        } else if (frames != sourceFrames) {
          throw new IllegalStateException(rt.label() + " printed " + frames + " frames, another run " + sourceFrames);
        }
        if (round == 0) {
          continue;
        }
        wall.computeIfAbsent(rt.label(), k -> new Samples()).add(m.wallMs());
        cpu.computeIfAbsent(rt.label(), k -> new Samples()).add(m.cpuMs());
        rss.computeIfAbsent(rt.label(), k -> new Samples()).add(m.maxRssKb() * 1024.0);
        heap.merge(rt.label(), GcLog.read(gc, 0).peakBytes(), Math::max);
      }
      ProcessMeasurement l = timer.run(llvmCommand, 300);
      if (l.exitCode() != 0) {
        throw new IllegalStateException(llvmSymbolizer + " exited with " + l.exitCode());
      }
      if (round > 0) {
        wall.computeIfAbsent("llvm", k -> new Samples()).add(l.wallMs());
        cpu.computeIfAbsent("llvm", k -> new Samples()).add(l.cpuMs());
        rss.computeIfAbsent("llvm", k -> new Samples()).add(l.maxRssKb() * 1024.0);
      }
    }
    String part = "1 cold bt";
    int addresses = llvmCommand.size() - 4;
    Samples lw = wall.get("llvm");
    Samples lc = cpu.get("llvm");
    report.add(part, c.name() + ": llvm-symbolizer-16 --inlines, " + addresses + " addresses", Report.spread(lw)
        + ", CPU " + Report.ms(lc.median()) + ", RSS " + Report.mib(rss.get("llvm").median()), "", null);
    Map<String, Double> medians = new LinkedHashMap<>();
    for (JavaRuntime rt : runtimes) {
      Samples w = wall.get(rt.label());
      Samples cp = cpu.get(rt.label());
      double ratio = w.median() / lw.median();
      medians.put(rt.label(), w.median());
      report.add(part, c.name() + ": wasmcore bt --json (" + rt.label() + "), " + sourceFrames + " source frames",
          Report.spread(w) + ", CPU " + Report.ms(cp.median()) + ", RSS " + Report.mib(rss.get(rt.label()).median())
              + ", peak heap " + Report.mib(heap.get(rt.label())) + "; ratio wall " + Report.ratio(ratio)
              + ", CPU " + Report.ratio(cp.median() / lc.median()),
          "ratio <= 1.0, heap < 256 MiB", ratio <= 1.0 && heap.get(rt.label()) < (256L << 20));
    }
    return medians;
  }

  private static int countFrames(JsonObject bt) {
    int n = 0;
    for (JsonElement t : bt.getAsJsonArray("threads")) {
      n += t.getAsJsonObject().getAsJsonArray("frames").size();
    }
    return n;
  }

  /** The symbolizer on the DWARF address of every physical frame, in wasmcore's order. */
  private List<String> llvmCommand(Path module, JsonObject bt) {
    List<String> cmd = new ArrayList<>(List.of(llvmSymbolizer, "--obj=" + module, "--inlines",
        "--output-style=JSON"));
    for (JsonElement t : bt.getAsJsonArray("threads")) {
      long lastPhysical = -1;
      JsonArray frames = t.getAsJsonObject().getAsJsonArray("frames");
      for (JsonElement f : frames) {
        JsonObject o = f.getAsJsonObject();
        long p = o.get("physicalIndex").getAsLong();
        if (p != lastPhysical) {
          cmd.add("0x" + Long.toHexString(o.get("dwarfAddress").getAsLong()));
          lastPhysical = p;
        }
      }
    }
    return cmd;
  }
}
