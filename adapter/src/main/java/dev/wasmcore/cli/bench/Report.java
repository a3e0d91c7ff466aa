package dev.wasmcore.cli.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's results: one row per figure (part, what was measured, the figure, the target and whether it was
 * met) and free-form notes; printed as a Markdown table so the same text goes into the notes and the README.
 */
public final class Report {
  /** One figure. {@code met} is null where there is no target. */
  public record Row(String part, String what, String figure, String target, Boolean met) {}

  private final List<Row> rows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final PrintStream progress;

  /** @param progress where a line is printed as each row is added (stderr), or null */
  public Report(PrintStream progress) {
    this.progress = progress;
  }

  public synchronized void add(String part, String what, String figure, String target, Boolean met) {
    Row r = new Row(part, what, figure, target, met);
    rows.add(r);
    if (progress != null) {
      progress.println("bench: " + part + " | " + what + " | " + figure + (target.isEmpty() ? "" : " | target "
          + target + " " + verdict(met)));
    }
  }

  public synchronized void note(String text) {
    notes.add(text);
    if (progress != null) {
      progress.println("bench: note: " + text);
    }
  }

  public synchronized List<Row> rows() {
    return List.copyOf(rows);
  }

  /** The table and notes in Markdown. */
  public synchronized String markdown() {
    StringBuilder b = new StringBuilder();
    b.append("| part | measurement | figure | target | met |\n|---|---|---|---|---|\n");
    for (Row r : rows) {
      b.append("| ").append(r.part()).append(" | ").append(r.what()).append(" | ").append(r.figure()).append(" | ")
          .append(r.target()).append(" | ").append(verdict(r.met())).append(" |\n");
    }
    if (!notes.isEmpty()) {
      b.append('\n');
      for (String n : notes) {
        b.append("- ").append(n).append('\n');
      }
    }
    return b.toString();
  }

  static String verdict(Boolean met) {
    return met == null ? "" : met ? "yes" : "NO";
  }

  /** Milliseconds with one decimal. */
  public static String ms(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f ms", v);
  }

  /** Mebibytes with one decimal. */
  public static String mib(double bytes) {
    return bytes < 0 || Double.isNaN(bytes) ? "n/a" : String.format(Locale.ROOT, "%.1f MiB", bytes / (1 << 20));
  }

  /** A signed difference in mebibytes. */
  public static String signedMib(double bytes) {
    return String.format(Locale.ROOT, "%+.2f MiB", bytes / (1 << 20));
  }

  /** A ratio with two decimals. */
  public static String ratio(double v) {
    return Double.isNaN(v) || Double.isInfinite(v) ? "n/a" : String.format(Locale.ROOT, "%.2f", v);
  }

  /** "median (min-max, n runs)". */
  public static String spread(Samples s) {
    return ms(s.median()) + String.format(Locale.ROOT, " (%.1f-%.1f, n=%d)", s.min(), s.max(), s.size());
  }
}
