package dev.wasmcore.cli.bench;

import dev.wasmcore.cli.CommandRegistry;
import dev.wasmcore.cli.Main;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;

/**
 * Part 3 for the CLI's work (issue 4's "opening plus symbolicating the whole stack inside a warm JVM"): the whole
 * {@code bt --json} command (open the dump and the module, read the DWARF unit headers, symbolize every frame with
 * its inlined levels, write the JSON) run repeatedly inside this JVM. Each run opens everything afresh; only the JVM
 * is warm.
 */
public final class InProcessBench {
  private final Report report;

  public InProcessBench(Report report) {
    this.report = report;
  }

  /**
   * Runs {@code warmup} unmeasured and {@code runs} measured {@code bt --json} commands on the case; the 50 ms target
   * (issue 4) applies when {@code targeted}.
   */
  public void bt(BenchCase c, int warmup, int runs, boolean targeted) {
    PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
    List<String> args = List.of("bt", "--json", c.core().toString(), "--module", c.module().toString());
    Main main = new Main(CommandRegistry.builtin());
    Samples s = new Samples();
    for (int i = 0; i < warmup + runs; i++) {
      long t = System.nanoTime();
      int status = main.run(args, sink, sink);
      double ms = (System.nanoTime() - t) / 1e6;
      if (status != 0) {
        throw new IllegalStateException("bt exited with " + status + " on " + c.name());
      }
      if (i >= warmup) {
        s.add(ms);
      }
    }
    report.add("3 warm in-process", c.name() + ": bt --json (open dump + module, symbolize every frame, JSON) in a "
        + "warm JVM", Report.spread(s), targeted ? "<= 50 ms" : "", targeted ? s.median() <= 50 : null);
  }
}
