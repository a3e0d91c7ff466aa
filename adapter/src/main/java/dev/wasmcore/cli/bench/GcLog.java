package dev.wasmcore.cli.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Peak Java heap of a child JVM, read from its unified GC log ({@code -Xlog:gc*:file=F}, see
 * {@link #jvmOption(Path)}). Between two collections the heap only grows, so the peak is the largest "before"
 * size of any collection ({@code GC(3) Pause Young ... 23M->4M(64M)}) or the heap in use at exit
 * ({@code garbage-first heap   total 65536K, used 6640K}), whichever is larger. The largest "after" size is the
 * most live data a collection found.
 *
 * @param peakBytes peak heap occupancy (live data and garbage not yet collected)
 * @param maxLiveBytes largest heap occupancy right after a collection (0 when no collection ran)
 * @param collections number of collections
 */
public record GcLog(long peakBytes, long maxLiveBytes, int collections) {
  private static final Pattern PAUSE = Pattern.compile("GC\\(\\d+\\) Pause.*? (\\d+)([KMG])->(\\d+)([KMG])\\(");
  /** Heap lines printed at exit, per generation: G1 17 and 25, serial and parallel collectors. */
  private static final Pattern EXIT = Pattern.compile("exit.*?\\]\\s+(garbage-first heap|def new generation"
      + "|tenured generation|DefNew|Tenured|PSYoungGen|ParOldGen)\\s+total.*? used (\\d+)K");

  /**
   * The JVM option that makes a child JVM write the log this class reads: every {@code gc} tag set at info level, which
   * includes the collections and the heap at exit ({@code gc+heap+exit} on Java 17, {@code gc+exit} on 25).
   */
  public static String jvmOption(Path file) {
    return "-Xlog:gc*:file=" + file;
  }

  /** Reads a log written with {@link #jvmOption(Path)}; {@code extraUsedBytes} is a heap reading taken otherwise. */
  public static GcLog read(Path file, long extraUsedBytes) {
    long peak = extraUsedBytes;
    long live = 0;
    long atExit = 0;
    int n = 0;
    try {
      for (String line : Files.readAllLines(file)) {
        Matcher m = PAUSE.matcher(line);
        if (m.find()) {
          n++;
          peak = Math.max(peak, bytes(m.group(1), m.group(2)));
          live = Math.max(live, bytes(m.group(3), m.group(4)));
          continue;
        }
        Matcher e = EXIT.matcher(line);
        if (e.find()) {
          atExit += Long.parseLong(e.group(2)) << 10;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new GcLog(Math.max(peak, atExit), live, n);
  }

  private static long bytes(String n, String unit) {
    long v = Long.parseLong(n);
    return switch (unit) {
      case "K" -> v << 10;
      case "M" -> v << 20;
      default -> v << 30;
    };
  }
}
