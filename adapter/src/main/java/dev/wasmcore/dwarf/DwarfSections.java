package dev.wasmcore.dwarf;

import dev.wasmcore.binary.ByteRegion;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code .debug_*} sections of one object, by name, as regions of the file (never copied). Names are accepted
 * with or without the leading dot ({@code .debug_info} or {@code debug_info}). Absent sections read as absent, not
 * as errors: only {@code .debug_info} (or {@code .debug_types}) and {@code .debug_abbrev} are needed for anything.
 */
public final class DwarfSections {
  /** Section names this reader understands (DWARF 5 section 7.1 and appendix B, plus DWARF 4 sections). */
  public static final String INFO = ".debug_info";
  public static final String ABBREV = ".debug_abbrev";
  public static final String STR = ".debug_str";
  public static final String LINE_STR = ".debug_line_str";
  public static final String STR_OFFSETS = ".debug_str_offsets";
  public static final String ADDR = ".debug_addr";
  public static final String LINE = ".debug_line";
  public static final String RANGES = ".debug_ranges";
  public static final String RNGLISTS = ".debug_rnglists";
  public static final String LOC = ".debug_loc";
  public static final String LOCLISTS = ".debug_loclists";
  public static final String ARANGES = ".debug_aranges";
  public static final String TYPES = ".debug_types";

  private final Map<String, ByteRegion> sections;

  private DwarfSections(Map<String, ByteRegion> sections) {
    this.sections = sections;
  }

  /** Wraps a name-to-region map, normalising names to their dotted form. */
  public static DwarfSections of(Map<String, ByteRegion> byName) {
    Map<String, ByteRegion> m = new LinkedHashMap<>();
    for (Map.Entry<String, ByteRegion> e : byName.entrySet()) {
      String n = e.getKey();
      if (n == null || e.getValue() == null) {
        continue;
      }
      m.put(n.startsWith(".") ? n : "." + n, e.getValue());
    }
    return new DwarfSections(Collections.unmodifiableMap(m));
  }

  /** The section, or null when the object has none. */
  public ByteRegion get(String name) {
    return sections.get(name.startsWith(".") ? name : "." + name);
  }

  public boolean has(String name) {
    ByteRegion r = get(name);
    return r != null;
  }

  /** All sections, by dotted name. */
  public Map<String, ByteRegion> all() {
    return sections;
  }

  /** Total bytes of all sections. */
  public long totalSize() {
    long n = 0;
    for (ByteRegion r : sections.values()) {
      n += r.length();
    }
    return n;
  }
}
