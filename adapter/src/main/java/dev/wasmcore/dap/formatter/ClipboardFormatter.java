package dev.wasmcore.dap.formatter;

import dev.wasmcore.inspect.VariableView;
import java.util.List;

/**
 * The full text of a value for {@code evaluate} with context {@code clipboard} ("Copy Value"): the value and, for a
 * value with children, its members and elements written out recursively, bounded in depth and in items so a cyclic
 * or huge value still gives a finite text.
 */
public final class ClipboardFormatter {
  private static final int MAX_DEPTH = 4;
  private static final int MAX_ITEMS = 2000;

  private final VariableFormatter values;

  public ClipboardFormatter(VariableFormatter values) {
    this.values = values;
  }

  public String text(VariableView v, boolean hex) {
    StringBuilder sb = new StringBuilder();
    int[] budget = {MAX_ITEMS};
    write(sb, v, hex, 0, budget);
    return sb.toString();
  }

  private void write(StringBuilder sb, VariableView v, boolean hex, int depth, int[] budget) {
    if (!v.hasChildren() || depth >= MAX_DEPTH) {
      sb.append(values.valueText(v, hex));
      return;
    }
    sb.append('{');
    boolean first = true;
    for (VariableView child : v.namedChildren()) {
      if (!item(sb, first, budget)) {
        return;
      }
      first = false;
      sb.append(child.name()).append(" = ");
      write(sb, child, hex, depth + 1, budget);
    }
    int count = Math.min(v.indexedCount(), budget[0]);
    List<VariableView> elements = count > 0 ? v.indexedChildren(0, count) : List.of();
    for (VariableView child : elements) {
      if (!item(sb, first, budget)) {
        return;
      }
      first = false;
      write(sb, child, hex, depth + 1, budget);
    }
    if (v.indexedCount() > elements.size()) {
      sb.append(", ...");
    }
    sb.append('}');
  }

  private static boolean item(StringBuilder sb, boolean first, int[] budget) {
    if (--budget[0] < 0) {
      sb.append(first ? "...}" : ", ...}");
      return false;
    }
    if (!first) {
      sb.append(", ");
    }
    return true;
  }
}
