package dev.wasmcore.cli;

import java.util.List;

/**
 * The {@code wasmcore bt --json} contract, in one place:
 * {@code {"core": PATH, "threads": [{"id", "name", "frames": [{"index", "physicalIndex", "instance", "module",
 * "funcIndex", "codeOffset", "dwarfAddress", "function", "file", "line", "column", "inlined"}]}]}}, keys in that
 * order, nulls written, HTML escaping off, {@code ", "} and {@code ": "} separators, one frame per line.
 * Strings are escaped here as Gson's {@code JsonWriter} escapes them without HTML escaping (quote, backslash, control
 * characters, U+2028/U+2029), and the document goes straight to text, with neither a {@code Gson} instance (building one
 * loads and reflects over dozens of classes) nor a JSON tree: both were a visible share of a cold {@code bt} run
 * (wasmcore bench, part 1).
 */
public final class BacktraceJson {

  private BacktraceJson() {}

  /** The whole document as text. */
  public static String toJson(String corePath, List<BacktraceThread> threads) {
    StringBuilder b = new StringBuilder();
    b.append("{\"core\": ");
    quote(corePath, b);
    b.append(", \"threads\": [");
    for (int t = 0; t < threads.size(); t++) {
      BacktraceThread th = threads.get(t);
      b.append(t > 0 ? ", " : "").append("{\"id\": ").append(th.id()).append(", \"name\": ");
      nullableString(th.name(), b);
      b.append(", \"frames\": [");
      for (int i = 0; i < th.frames().size(); i++) {
        b.append(i > 0 ? "," : "").append("\n  ");
        frame(th.frames().get(i), b);
      }
      b.append("]}");
    }
    b.append("]}\n");
    return b.toString();
  }

  /** One entry as a JSON object, keys in the contract's order. */
  static void frame(BacktraceEntry e, StringBuilder b) {
    b.append("{\"index\": ").append(e.index());
    b.append(", \"physicalIndex\": ").append(e.physicalIndex());
    b.append(", \"instance\": ").append(e.instance());
    b.append(", \"module\": ");
    nullableString(e.module(), b);
    b.append(", \"funcIndex\": ").append(e.funcIndex());
    b.append(", \"codeOffset\": ").append(e.codeOffset());
    b.append(", \"dwarfAddress\": ").append(e.dwarfAddress());
    b.append(", \"function\": ");
    nullableString(e.function(), b);
    b.append(", \"file\": ");
    nullableString(e.file(), b);
    b.append(", \"line\": ").append(e.line());
    b.append(", \"column\": ").append(e.column());
    b.append(", \"inlined\": ").append(e.inlined()).append('}');
  }

  private static void nullableString(String s, StringBuilder b) {
    if (s == null) {
      b.append("null");
    } else {
      quote(s, b);
    }
  }

  /** A JSON string literal, escaped as Gson's JsonWriter does with HTML escaping off. */
  static void quote(String s, StringBuilder b) {
    b.append('"');
    int clean = 0; // the longest prefix that needs no escape goes in with one append
    while (clean < s.length()) {
      char c = s.charAt(clean);
      if (c < 0x20 || c == '"' || c == '\\' || c == '\u2028' || c == '\u2029') {
        break;
      }
      clean++;
    }
    b.append(s, 0, clean);
    for (int i = clean; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\t' -> b.append("\\t");
        case '\b' -> b.append("\\b");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\f' -> b.append("\\f");
        case '\u2028' -> b.append("\\u2028");
        case '\u2029' -> b.append("\\u2029");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }
}
