package dev.wasmcore.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.List;
import java.util.Map;

/**
 * The {@code wasmcore bt --json} contract, in one place:
 * {@code {"core": PATH, "threads": [{"id", "name", "frames": [{"index", "physicalIndex", "instance", "module",
 * "funcIndex", "codeOffset", "dwarfAddress", "function", "file", "line", "column", "inlined"}]}]}}, keys in that
 * order, nulls written, HTML escaping off, {@code ", "} and {@code ": "} separators, one frame per line.
 * Strings are escaped here as Gson's {@code JsonWriter} escapes them without HTML escaping (quote, backslash, control
 * characters, U+2028/U+2029), not through a {@code Gson} instance: building one loads and reflects over dozens of
 * classes, a visible share of a cold {@code bt} run (wasmcore bench, part 1).
 */
public final class BacktraceJson {

  private BacktraceJson() {}

  /** The JSON tree of one entry. */
  public static JsonObject frame(BacktraceEntry e) {
    JsonObject o = new JsonObject();
    o.addProperty("index", e.index());
    o.addProperty("physicalIndex", e.physicalIndex());
    o.add("instance", e.instance() == null ? JsonNull.INSTANCE : new JsonPrimitive(e.instance()));
    o.add("module", e.module() == null ? JsonNull.INSTANCE : new JsonPrimitive(e.module()));
    o.addProperty("funcIndex", e.funcIndex());
    o.addProperty("codeOffset", e.codeOffset());
    o.addProperty("dwarfAddress", e.dwarfAddress());
    o.add("function", e.function() == null ? JsonNull.INSTANCE : new JsonPrimitive(e.function()));
    o.add("file", e.file() == null ? JsonNull.INSTANCE : new JsonPrimitive(e.file()));
    o.add("line", e.line() == null ? JsonNull.INSTANCE : new JsonPrimitive(e.line()));
    o.add("column", e.column() == null ? JsonNull.INSTANCE : new JsonPrimitive(e.column()));
    o.addProperty("inlined", e.inlined());
    return o;
  }

  /** The whole document as text. */
  public static String toJson(String corePath, List<BacktraceThread> threads) {
    StringBuilder b = new StringBuilder();
    b.append("{\"core\": ");
    quote(corePath, b);
    b.append(", \"threads\": [");
    for (int t = 0; t < threads.size(); t++) {
      BacktraceThread th = threads.get(t);
      b.append(t > 0 ? ", " : "").append("{\"id\": ").append(th.id()).append(", \"name\": ");
      if (th.name() == null) {
        b.append("null");
      } else {
        quote(th.name(), b);
      }
      b.append(", \"frames\": [");
      for (int i = 0; i < th.frames().size(); i++) {
        b.append(i > 0 ? "," : "").append("\n  ");
        write(frame(th.frames().get(i)), b);
      }
      b.append("]}");
    }
    b.append("]}\n");
    return b.toString();
  }

  /** Writes a JSON tree with {@code ", "} and {@code ": "} separators. */
  static void write(JsonElement e, StringBuilder b) {
    if (e.isJsonObject()) {
      b.append('{');
      boolean first = true;
      for (Map.Entry<String, JsonElement> m : e.getAsJsonObject().entrySet()) {
        b.append(first ? "" : ", ");
        quote(m.getKey(), b);
        b.append(": ");
        write(m.getValue(), b);
        first = false;
      }
      b.append('}');
    } else if (e.isJsonArray()) {
      JsonArray a = e.getAsJsonArray();
      b.append('[');
      for (int i = 0; i < a.size(); i++) {
        b.append(i > 0 ? ", " : "");
        write(a.get(i), b);
      }
      b.append(']');
    } else if (e.isJsonNull()) {
      b.append("null");
    } else {
      JsonPrimitive p = e.getAsJsonPrimitive();
      if (p.isString()) {
        quote(p.getAsString(), b);
      } else {
        b.append(p.isBoolean() ? Boolean.toString(p.getAsBoolean()) : p.getAsNumber().toString());
      }
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
