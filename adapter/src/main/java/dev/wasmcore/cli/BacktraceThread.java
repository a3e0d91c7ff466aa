package dev.wasmcore.cli;

import java.util.List;

/** One thread of {@code wasmcore bt}: 1-based id, name, entries innermost first. */
public record BacktraceThread(int id, String name, List<BacktraceEntry> frames) {
  public BacktraceThread {
    frames = List.copyOf(frames);
  }
}
