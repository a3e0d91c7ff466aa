package dev.wasmcore.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Linux {@code /proc/PID/status} readings of a running child process. */
public final class ProcStatus {
  private ProcStatus() {}

  /** Peak resident set size ({@code VmHWM}) in bytes, or -1 when unknown (not Linux, process gone). */
  public static long peakRssBytes(long pid) {
    return field(pid, "VmHWM:");
  }

  /** Current resident set size ({@code VmRSS}) in bytes, or -1. */
  public static long rssBytes(long pid) {
    return field(pid, "VmRSS:");
  }

  private static long field(long pid, String name) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith(name)) {
          String[] f = line.substring(name.length()).trim().split("\\s+");
          return Long.parseLong(f[0]) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }
}
