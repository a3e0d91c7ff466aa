package dev.wasmcore.wasm;

import dev.wasmcore.binary.ByteReader;
import dev.wasmcore.binary.ByteRegion;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code name} custom section (core spec appendix 7.4, with the extended-name-section subsections): subsection
 * id (u8), size (u32), contents. Ids 0 module name; 1 functions, 4 types, 5 tables, 6 memories, 7 globals, 8 element
 * segments, 9 data segments, 11 tags are name maps ({@code vec(idx name)}); 2 locals, 3 labels and 10 fields are
 * indirect name maps ({@code vec(idx namemap)}). Unknown subsections are skipped by their size and listed.
 */
public final class NameSection {
  public static final int MODULE = 0;
  public static final int FUNCTIONS = 1;
  public static final int LOCALS = 2;
  public static final int LABELS = 3;
  public static final int TYPES = 4;
  public static final int TABLES = 5;
  public static final int MEMORIES = 6;
  public static final int GLOBALS = 7;
  public static final int ELEMENTS = 8;
  public static final int DATA = 9;
  public static final int FIELDS = 10;
  public static final int TAGS = 11;

  private final String moduleName;
  private final Map<Integer, Map<Long, String>> maps;
  private final Map<Integer, Map<Long, Map<Long, String>>> indirect;
  private final List<Integer> skipped;

  private NameSection(String moduleName, Map<Integer, Map<Long, String>> maps,
      Map<Integer, Map<Long, Map<Long, String>>> indirect, List<Integer> skipped) {
    this.moduleName = moduleName;
    this.maps = maps;
    this.indirect = indirect;
    this.skipped = List.copyOf(skipped);
  }

  /** Decodes the section's content (after the name {@code name}). */
  public static NameSection read(ByteRegion content) {
    ByteReader r = content.reader();
    String module = null;
    Map<Integer, Map<Long, String>> maps = new HashMap<>();
    Map<Integer, Map<Long, Map<Long, String>>> indirect = new HashMap<>();
    List<Integer> skipped = new ArrayList<>();
    int lastId = -1;
    while (r.hasRemaining()) {
      long at = r.position();
      int id = r.u8();
      long size = r.varU32();
      if (size > r.remaining()) {
        throw r.error(at, "name subsection " + id + ": size " + size + " exceeds the " + r.remaining()
            + " bytes left");
      }
      ByteReader sub = r.subReader(size);
      if (id <= lastId && id <= TAGS) {
        throw r.error(at, "name subsection " + id + " out of order or repeated");
      }
      lastId = Math.max(lastId, id);
      switch (id) {
        case MODULE:
          module = sub.name();
          break;
        case FUNCTIONS: case TYPES: case TABLES: case MEMORIES: case GLOBALS: case ELEMENTS: case DATA: case TAGS:
          maps.put(id, nameMap(sub));
          break;
        case LOCALS: case LABELS: case FIELDS: {
          int n = sub.vecLength(2, "indirect name map");
          Map<Long, Map<Long, String>> m = new HashMap<>();
          for (int i = 0; i < n; i++) {
            long idx = sub.varU32();
            m.put(idx, nameMap(sub));
          }
          indirect.put(id, m);
          break;
        }
        default:
          skipped.add(id);
          sub.skip(sub.remaining());
      }
      if (sub.hasRemaining()) {
        throw sub.error("name subsection " + id + ": " + sub.remaining() + " unread bytes at its end");
      }
    }
    return new NameSection(module, maps, indirect, skipped);
  }

  private static Map<Long, String> nameMap(ByteReader r) {
    int n = r.vecLength(2, "name map");
    Map<Long, String> m = new HashMap<>(Math.min(n, 1 << 16) * 2);
    for (int i = 0; i < n; i++) {
      long idx = r.varU32();
      m.put(idx, r.name());
    }
    return m;
  }

  /** The module name (subsection 0). */
  public Optional<String> moduleName() {
    return Optional.ofNullable(moduleName);
  }

  public Optional<String> functionName(long funcIndex) {
    return Optional.ofNullable(nameMap(FUNCTIONS).get(funcIndex));
  }

  public Optional<String> localName(long funcIndex, long localIndex) {
    return Optional.ofNullable(localNames(funcIndex).get(localIndex));
  }

  public Optional<String> globalName(long globalIndex) {
    return Optional.ofNullable(nameMap(GLOBALS).get(globalIndex));
  }

  /** Names of the locals of one function, by local index (parameters first). */
  public Map<Long, String> localNames(long funcIndex) {
    return indirectNameMap(LOCALS).getOrDefault(funcIndex, Map.of());
  }

  /** A direct name map by subsection id (1, 4 to 9, 11); empty when absent. */
  public Map<Long, String> nameMap(int subsectionId) {
    return Collections.unmodifiableMap(maps.getOrDefault(subsectionId, Map.of()));
  }

  /** An indirect name map by subsection id (2, 3, 10); empty when absent. */
  public Map<Long, Map<Long, String>> indirectNameMap(int subsectionId) {
    return Collections.unmodifiableMap(indirect.getOrDefault(subsectionId, Map.of()));
  }

  /** Ids of subsections this reader does not know and skipped. */
  public List<Integer> skippedSubsections() {
    return skipped;
  }
}
