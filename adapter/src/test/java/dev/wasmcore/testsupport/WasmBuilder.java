package dev.wasmcore.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds small wasm modules for unit tests. Typed parts (types, imports, functions, memories, globals, exports,
 * start, elements, data, names) are emitted in the spec's section order; custom and raw sections follow in the order
 * they were added, so tests can also produce malformed files on purpose.
 */
public final class WasmBuilder {
  /** Value type bytes. */
  public static final int I32 = 0x7F;
  public static final int I64 = 0x7E;
  public static final int F32 = 0x7D;
  public static final int F64 = 0x7C;
  public static final int FUNCREF = 0x70;

  private final List<byte[]> types = new ArrayList<>();
  private final List<byte[]> imports = new ArrayList<>();
  private int importedFunctions;
  private final List<Integer> functionTypes = new ArrayList<>();
  private final List<byte[]> bodies = new ArrayList<>();
  private final List<byte[]> tables = new ArrayList<>();
  private final List<byte[]> memories = new ArrayList<>();
  private final List<byte[]> globals = new ArrayList<>();
  private final List<byte[]> exports = new ArrayList<>();
  private Long start;
  private final List<byte[]> elements = new ArrayList<>();
  private final List<byte[]> data = new ArrayList<>();
  private boolean dataCount;
  private final List<byte[]> trailing = new ArrayList<>();

  /** Adds a function type; returns its index. */
  public int type(int[] params, int[] results) {
    Bytes b = new Bytes().u8(0x60).uleb(params.length);
    for (int p : params) {
      b.u8(p);
    }
    b.uleb(results.length);
    for (int r : results) {
      b.u8(r);
    }
    types.add(b.toByteArray());
    return types.size() - 1;
  }

  /** Imports a function; returns its function index. Imports must be added before defined functions. */
  public int importFunction(String module, String name, int typeIndex) {
    if (!functionTypes.isEmpty()) {
      throw new IllegalStateException("add imports before functions");
    }
    imports.add(new Bytes().name(module).name(name).u8(0).uleb(typeIndex).toByteArray());
    return importedFunctions++;
  }

  /** Imports a global of a value type. */
  public WasmBuilder importGlobal(String module, String name, int valType, boolean mutable) {
    imports.add(new Bytes().name(module).name(name).u8(3, valType, mutable ? 1 : 0).toByteArray());
    return this;
  }

  /**
   * Adds a function; {@code locals} are (count, type) pairs, {@code code} the instructions including the final
   * {@code end} (0x0B). Returns its function index.
   */
  public int function(int typeIndex, int[][] locals, byte[] code) {
    Bytes body = new Bytes().uleb(locals.length);
    for (int[] l : locals) {
      body.uleb(l[0]).u8(l[1]);
    }
    body.raw(code);
    functionTypes.add(typeIndex);
    bodies.add(body.toByteArray());
    return importedFunctions + functionTypes.size() - 1;
  }

  /** A function of type {@code typeIndex} with no locals whose body is {@code nop} repeated then {@code end}. */
  public int function(int typeIndex, int nops) {
    byte[] code = new byte[nops + 1];
    java.util.Arrays.fill(code, (byte) 0x01);
    code[nops] = 0x0B;
    return function(typeIndex, new int[0][], code);
  }

  public WasmBuilder table(int elemType, long min) {
    tables.add(new Bytes().u8(elemType, 0).uleb(min).toByteArray());
    return this;
  }

  /** A memory; {@code max < 0} for none. */
  public WasmBuilder memory(long min, long max, boolean memory64) {
    Bytes b = new Bytes().u8((max >= 0 ? 1 : 0) | (memory64 ? 4 : 0)).uleb(min);
    if (max >= 0) {
      b.uleb(max);
    }
    memories.add(b.toByteArray());
    return this;
  }

  /** A global with an initializer expression (including {@code end}). */
  public WasmBuilder global(int valType, boolean mutable, byte[] init) {
    globals.add(new Bytes().u8(valType, mutable ? 1 : 0).raw(init).toByteArray());
    return this;
  }

  public WasmBuilder export(String name, int kind, long index) {
    exports.add(new Bytes().name(name).u8(kind).uleb(index).toByteArray());
    return this;
  }

  public WasmBuilder start(long funcIndex) {
    start = funcIndex;
    return this;
  }

  /** An active element segment for table 0 (flags 0) at a constant offset. */
  public WasmBuilder element(int offset, long... funcIndices) {
    Bytes b = new Bytes().uleb(0).raw(Bytes.i32Const(offset)).uleb(funcIndices.length);
    for (long f : funcIndices) {
      b.uleb(f);
    }
    elements.add(b.toByteArray());
    return this;
  }

  /** A raw element segment (flags and the rest), for the other encodings. */
  public WasmBuilder rawElement(byte[] segment) {
    elements.add(segment);
    return this;
  }

  /** An active data segment for memory 0 with an offset expression (including {@code end}). */
  public WasmBuilder data(byte[] offsetExpr, byte[] bytes) {
    data.add(new Bytes().uleb(0).raw(offsetExpr).vec(bytes).toByteArray());
    return this;
  }

  /** An active data segment for another memory (flags 2). */
  public WasmBuilder data(int memory, byte[] offsetExpr, byte[] bytes) {
    data.add(new Bytes().uleb(2).uleb(memory).raw(offsetExpr).vec(bytes).toByteArray());
    return this;
  }

  /** A passive data segment (flags 1). */
  public WasmBuilder passiveData(byte[] bytes) {
    data.add(new Bytes().uleb(1).vec(bytes).toByteArray());
    return this;
  }

  public WasmBuilder dataCount() {
    dataCount = true;
    return this;
  }

  /** A custom section. */
  public WasmBuilder custom(String name, byte[] content) {
    Bytes payload = new Bytes().name(name).raw(content);
    trailing.add(new Bytes().u8(0).vec(payload.toByteArray()).toByteArray());
    return this;
  }

  /** A raw section: id, then the payload with its size. */
  public WasmBuilder rawSection(int id, byte[] payload) {
    trailing.add(new Bytes().u8(id).vec(payload).toByteArray());
    return this;
  }

  /** Raw bytes appended after everything (truncated sections, garbage). */
  public WasmBuilder rawBytes(byte[] bytes) {
    trailing.add(bytes);
    return this;
  }

  /**
   * A {@code name} section: module name (subsection 0), function names (1), local names (2) and global names (7).
   * Null or empty parts are left out.
   */
  public WasmBuilder names(String module, Map<Integer, String> functions, Map<Integer, Map<Integer, String>> locals,
      Map<Integer, String> globals) {
    Bytes b = new Bytes();
    if (module != null) {
      b.u8(0).vec(new Bytes().name(module).toByteArray());
    }
    if (functions != null && !functions.isEmpty()) {
      b.u8(1).vec(nameMap(functions));
    }
    if (locals != null && !locals.isEmpty()) {
      Bytes m = new Bytes().uleb(locals.size());
      new TreeMap<>(locals).forEach((f, names) -> m.uleb(f).raw(nameMap(names)));
      b.u8(2).vec(m.toByteArray());
    }
    if (globals != null && !globals.isEmpty()) {
      b.u8(7).vec(nameMap(globals));
    }
    return custom("name", b.toByteArray());
  }

  private static byte[] nameMap(Map<Integer, String> names) {
    Bytes m = new Bytes().uleb(names.size());
    new TreeMap<>(names).forEach((i, n) -> m.uleb(i).name(n));
    return m.toByteArray();
  }

  private static void section(Bytes out, int id, List<byte[]> items) {
    if (items.isEmpty()) {
      return;
    }
    Bytes p = new Bytes().uleb(items.size());
    for (byte[] i : items) {
      p.raw(i);
    }
    out.u8(id).vec(p.toByteArray());
  }

  public byte[] build() {
    Bytes out = new Bytes().u8(0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00);
    section(out, 1, types);
    section(out, 2, imports);
    if (!functionTypes.isEmpty()) {
      Bytes p = new Bytes().uleb(functionTypes.size());
      functionTypes.forEach(p::uleb);
      out.u8(3).vec(p.toByteArray());
    }
    section(out, 4, tables);
    section(out, 5, memories);
    section(out, 6, globals);
    section(out, 7, exports);
    if (start != null) {
      out.u8(8).vec(Bytes.leb(start));
    }
    section(out, 9, elements);
    if (dataCount) {
      out.u8(12).vec(Bytes.leb(data.size()));
    }
    if (!bodies.isEmpty()) {
      List<byte[]> sized = new ArrayList<>();
      for (byte[] b : bodies) {
        sized.add(new Bytes().vec(b).toByteArray());
      }
      section(out, 10, sized);
    }
    section(out, 11, data);
    for (byte[] t : trailing) {
      out.raw(t);
    }
    return out.toByteArray();
  }

  /** Writes the module to a file. */
  public Path write(Path file) {
    try {
      return Files.write(file, build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
