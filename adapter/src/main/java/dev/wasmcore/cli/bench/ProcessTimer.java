package dev.wasmcore.cli.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command to completion and measures it. The command runs under GNU time ({@code /usr/bin/time}) when that
 * exists, which reports the process's CPU time and peak RSS (from {@code wait4}'s rusage) to a file; wall time is
 * taken here around spawn and exit, so it includes process creation, as a user waiting for a CLI sees it. Both
 * sides of a comparison run through the same path.
 */
public final class ProcessTimer {
  private static final Path GNU_TIME = Path.of("/usr/bin/time");
  private final Path scratch;
  private final boolean gnuTime;

  /** @param scratch a directory for the GNU time report */
  public ProcessTimer(Path scratch) {
    this.scratch = scratch;
    this.gnuTime = Files.isExecutable(GNU_TIME);
  }

  /** Whether CPU time and RSS are measured (GNU time present). */
  public boolean measuresCpu() {
    return gnuTime;
  }

  /** Runs {@code command}, waits at most {@code timeoutSeconds}, and returns the measurement. */
  public ProcessMeasurement run(List<String> command, int timeoutSeconds) {
    return run(command, Map.of(), timeoutSeconds);
  }

  /** As {@link #run(List, int)}, with extra environment variables. */
  public ProcessMeasurement run(List<String> command, Map<String, String> env, int timeoutSeconds) {
    try {
      Path report = Files.createTempFile(scratch, "time", ".txt");
      List<String> cmd = new ArrayList<>();
      if (gnuTime) {
        cmd.addAll(List.of(GNU_TIME.toString(), "-q", "-f", "%U %S %M", "-o", report.toString()));
      }
      cmd.addAll(command);
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
      pb.environment().putAll(env);
      long t0 = System.nanoTime();
      Process p = pb.start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("timed out after " + timeoutSeconds + " s: " + String.join(" ", command));
      }
      double wall = (System.nanoTime() - t0) / 1e6;
      double cpu = -1;
      long rss = -1;
      if (gnuTime) {
        String[] f = Files.readString(report).trim().split("\\s+");
        if (f.length >= 3) {
          cpu = (Double.parseDouble(f[f.length - 3]) + Double.parseDouble(f[f.length - 2])) * 1000;
          rss = Long.parseLong(f[f.length - 1]);
        }
      }
      Files.deleteIfExists(report);
      return new ProcessMeasurement(wall, cpu, rss, p.exitValue(), new String(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
