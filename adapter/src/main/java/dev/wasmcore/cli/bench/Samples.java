package dev.wasmcore.cli.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Repeated measurements of one quantity; the benchmark reports their median (and min/max to show the spread). */
public final class Samples {
  private final List<Double> values = new ArrayList<>();

  public void add(double v) {
    values.add(v);
  }

  public int size() {
    return values.size();
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  /** The median (mean of the two middle values for an even count); NaN when empty. */
  public double median() {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> s = sorted();
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  public double min() {
    return values.isEmpty() ? Double.NaN : sorted().get(0);
  }

  public double max() {
    return values.isEmpty() ? Double.NaN : sorted().get(values.size() - 1);
  }

  private List<Double> sorted() {
    List<Double> s = new ArrayList<>(values);
    Collections.sort(s);
    return s;
  }
}
