package dev.wasmcore.wasm;

import dev.wasmcore.binary.ByteReader;
import dev.wasmcore.binary.ByteRegion;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code producers} custom section (tool-conventions ProducersSection.md): {@code vec(field)}, a field being a
 * name ({@code language}, {@code processed-by}, {@code sdk}) and {@code vec(name version)}.
 */
public final class Producers {
  /** One tool or language with its version text. */
  public record Entry(String name, String version) {
    @Override
    public String toString() {
      return version.isEmpty() ? name : name + " " + version;
    }
  }

  private final Map<String, List<Entry>> fields;

  private Producers(Map<String, List<Entry>> fields) {
    this.fields = fields;
  }

  public static Producers read(ByteRegion content) {
    ByteReader r = content.reader();
    int n = r.vecLength(2, "producers field");
    Map<String, List<Entry>> fields = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      String field = r.name();
      int m = r.vecLength(2, "producers value");
      List<Entry> values = new ArrayList<>(m);
      for (int j = 0; j < m; j++) {
        values.add(new Entry(r.name(), r.name()));
      }
      fields.put(field, List.copyOf(values));
    }
    if (r.hasRemaining()) {
      throw r.error(r.remaining() + " unread bytes at the end of the producers section");
    }
    return new Producers(Collections.unmodifiableMap(fields));
  }

  /** Fields in file order: field name to entries. */
  public Map<String, List<Entry>> fields() {
    return fields;
  }

  /** The entries of one field, empty when absent. */
  public List<Entry> field(String name) {
    return fields.getOrDefault(name, List.of());
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    fields.forEach((k, v) -> {
      if (b.length() > 0) {
        b.append("; ");
      }
      b.append(k).append(": ");
      for (int i = 0; i < v.size(); i++) {
        b.append(i > 0 ? ", " : "").append(v.get(i));
      }
    });
    return b.toString();
  }
}
