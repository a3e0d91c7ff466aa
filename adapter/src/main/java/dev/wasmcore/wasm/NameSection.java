package dev.wasmcore.wasm;

import dev.wasmcore.binary.ByteReader;
import dev.wasmcore.binary.ByteRegion;
import dev.wasmcore.binary.MalformedInputException;
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
 *
 * <p>The function names (often the bulk of the section: one name per function, tens of thousands in a large
 * module) are decoded when first asked for. {@link #functionName} decodes only the name asked for, through an index
 * of the entries made by skipping over them; {@link #nameMap} decodes them all. Errors in that subsection are
 * reported then, with its offset. The other subsections are decoded when the section is read.
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
  /** The function names subsection's contents, or null when the section has none. */
  private final ByteRegion functionsRegion;
  /** All function names once decoded (guarded by this). */
  private Map<Long, String> functions;
  /** The entries' function indices, in order, and the offsets of their names (guarded by this). */
  private long[] functionIndices;
  private long[] functionNameOffsets;
  private MalformedInputException functionsError;

  private NameSection(String moduleName, Map<Integer, Map<Long, String>> maps,
      Map<Integer, Map<Long, Map<Long, String>>> indirect, List<Integer> skipped, ByteRegion functionsRegion) {
    this.moduleName = moduleName;
    this.maps = maps;
    this.indirect = indirect;
    this.skipped = List.copyOf(skipped);
    this.functionsRegion = functionsRegion;
  }

  /** Decodes the section's content (after the name {@code name}). */
  public static NameSection read(ByteRegion content) {
    ByteReader r = content.reader();
    String module = null;
    Map<Integer, Map<Long, String>> maps = new HashMap<>();
    Map<Integer, Map<Long, Map<Long, String>>> indirect = new HashMap<>();
    List<Integer> skipped = new ArrayList<>();
    ByteRegion functions = null;
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
        case FUNCTIONS:
          functions = sub.region(sub.remaining());
          break;
        case TYPES: case TABLES: case MEMORIES: case GLOBALS: case ELEMENTS: case DATA: case TAGS:
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
      requireEnd(sub, id);
    }
    return new NameSection(module, maps, indirect, skipped, functions);
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

  /**
   * The name of function {@code funcIndex}. Decodes that name only (see the class comment); a malformed function
   * names subsection is a {@link MalformedInputException} with its offset.
   */
  public synchronized Optional<String> functionName(long funcIndex) {
    if (functionsRegion == null) {
      return Optional.empty();
    }
    if (functions == null && functionIndices == null) {
      indexFunctions();
    }
    if (functions != null) {
      return Optional.ofNullable(functions.get(funcIndex));
    }
    int i = java.util.Arrays.binarySearch(functionIndices, funcIndex);
    if (i < 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(functionsRegion.readerAt(functionNameOffsets[i] - functionsRegion.start()).name());
    } catch (MalformedInputException e) {
      throw e.within(CONTEXT);
    }
  }

  private static final String CONTEXT = "custom section \"name\"";

  /**
   * Indexes the function names subsection by skipping over its entries; when the indices are not strictly
   * increasing (the spec requires it, a malformed file may not), decodes the whole map instead, so duplicates
   * resolve as in {@link #nameMap}.
   */
  private void indexFunctions() {
    if (functionsError != null) {
      throw functionsError;
    }
    try {
      ByteReader r = functionsRegion.reader();
      int n = r.vecLength(2, "name map");
      long[] idx = new long[n];
      long[] at = new long[n];
      boolean increasing = true;
      for (int i = 0; i < n; i++) {
        idx[i] = r.varU32();
        increasing &= i == 0 || idx[i] > idx[i - 1];
        at[i] = r.position();
        r.skip(r.varU32());
      }
      requireEnd(r, FUNCTIONS);
      if (increasing) {
        functionIndices = idx;
        functionNameOffsets = at;
      } else {
        functions = nameMap(functionsRegion.reader());
      }
    } catch (MalformedInputException e) {
      throw functionsFailed(e);
    }
  }

  /** Remembers a failure of the function names subsection (in the section's context) for every later use. */
  private MalformedInputException functionsFailed(MalformedInputException e) {
    functionsError = e.within(CONTEXT);
    return functionsError;
  }

  private static void requireEnd(ByteReader r, int subsectionId) {
    if (r.hasRemaining()) {
      throw r.error("name subsection " + subsectionId + ": " + r.remaining() + " unread bytes at its end");
    }
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
    if (subsectionId == FUNCTIONS) {
      return Collections.unmodifiableMap(allFunctionNames());
    }
    return Collections.unmodifiableMap(maps.getOrDefault(subsectionId, Map.of()));
  }

  private synchronized Map<Long, String> allFunctionNames() {
    if (functions == null) {
      if (functionsRegion == null) {
        return Map.of();
      }
      if (functionsError != null) {
        throw functionsError;
      }
      try {
        ByteReader r = functionsRegion.reader();
        Map<Long, String> m = nameMap(r);
        requireEnd(r, FUNCTIONS);
        functions = m;
      } catch (MalformedInputException e) {
        throw functionsFailed(e);
      }
    }
    return functions;
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
