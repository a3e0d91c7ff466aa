package dev.wasmcore.wasm;

import dev.wasmcore.binary.ByteReader;
import dev.wasmcore.binary.ByteRegion;
import dev.wasmcore.binary.ByteSource;
import dev.wasmcore.binary.MalformedInputException;
import dev.wasmcore.binary.MappedFileSource;
import java.io.Closeable;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * A lazy, file-backed reader of a WebAssembly module (core spec chapter 5, binary format). {@link #open(Path)} maps
 * the file and indexes the section headers (id, size, custom section names); each section's contents are decoded
 * the first time they are asked for and cached, failures included. Nothing large is copied: section payloads,
 * function bodies, data segments and {@code .debug_*} sections are {@link ByteRegion}s of the mapped file.
 *
 * <p>Index spaces count imports first (functions, tables, memories, globals, tags). Three address spaces meet here:
 * {@link FileOffset}, {@link CodeOffset} (relative to a function body's start) and {@link DwarfAddress} (relative
 * to the Code section payload); {@link #dwarfAddress}, {@link #fileOffset} and {@link #functionAt} convert.
 *
 * <p>Every decoding error is a {@link MalformedInputException} naming the file, the absolute offset and the section.
 * Instances are safe for concurrent use.
 */
public final class WasmModule implements Closeable {
  private static final int MAGIC = 0x6D736100; // "\0asm" little-endian

  private final ByteSource source;
  private final List<SectionHeader> sections;
  private final SectionHeader[] standard = new SectionHeader[SectionId.LIMIT];
  private final List<CustomSection> customs;

  private final Lazy<List<TypeDef>> types;
  private final Lazy<List<Import>> imports;
  private final Lazy<long[]> functionTypes;
  private final Lazy<List<TableType>> tables;
  private final Lazy<List<Limits>> memories;
  private final Lazy<List<Global>> globals;
  private final Lazy<List<Export>> exports;
  private final Lazy<OptionalLong> start;
  private final Lazy<List<ElementSegment>> elements;
  private final Lazy<Code> code;
  private final Lazy<List<DataSegment>> data;
  private final Lazy<OptionalLong> dataCount;
  private final Lazy<Optional<NameSection>> names;
  private final Lazy<Optional<Producers>> producers;
  private final Lazy<String> codeIdentity;

  /** The decoded Code section: payload start and, per defined function, the size-field offset and body range. */
  private record Code(long payloadStart, long[] sizeFields, long[] starts, long[] ends) {}

  private WasmModule(ByteSource source) {
    this.source = source;
    this.sections = indexSections();
    List<CustomSection> cs = new ArrayList<>();
    for (SectionHeader h : sections) {
      if (h.id() == SectionId.CUSTOM) {
        ByteReader r = h.payload().reader();
        r.name();
        cs.add(new CustomSection(h.customName(), h.headerOffset(), r.region(r.remaining())));
      } else {
        standard[h.id()] = h;
      }
    }
    this.customs = List.copyOf(cs);
    this.types = new Lazy<>(this, SectionId.TYPE);
    this.imports = new Lazy<>(this, SectionId.IMPORT);
    this.functionTypes = new Lazy<>(this, SectionId.FUNCTION);
    this.tables = new Lazy<>(this, SectionId.TABLE);
    this.memories = new Lazy<>(this, SectionId.MEMORY);
    this.globals = new Lazy<>(this, SectionId.GLOBAL);
    this.exports = new Lazy<>(this, SectionId.EXPORT);
    this.start = new Lazy<>(this, SectionId.START);
    this.elements = new Lazy<>(this, SectionId.ELEMENT);
    this.code = new Lazy<>(this, SectionId.CODE);
    this.data = new Lazy<>(this, SectionId.DATA);
    this.dataCount = new Lazy<>(this, SectionId.DATA_COUNT);
    this.names = new Lazy<>(this, PART_NAMES);
    this.producers = new Lazy<>(this, PART_PRODUCERS);
    this.codeIdentity = new Lazy<>(this, PART_CODE_IDENTITY);
  }

  /** {@link Lazy} part numbers beyond the standard section ids (0 to 12). */
  private static final int PART_NAMES = 100;
  private static final int PART_PRODUCERS = 101;
  private static final int PART_CODE_IDENTITY = 102;

  /**
   * Computes a {@link Lazy} part: a standard section by its id, decoded to the end of its payload (an empty value
   * when the module has no such section), the name or producers custom section, or the code identity.
   */
  Object load(int part) {
    switch (part) {
      case PART_NAMES:
        return custom("name", PART_NAMES, null);
      case PART_PRODUCERS:
        return custom("producers", PART_PRODUCERS, null);
      case PART_CODE_IDENTITY:
        return computeCodeIdentity();
      default:
        break;
    }
    SectionHeader h = standard[part];
    if (h == null) {
      switch (part) {
        case SectionId.FUNCTION:
          return new long[0];
        case SectionId.START:
        case SectionId.DATA_COUNT:
          return OptionalLong.empty();
        case SectionId.CODE:
          return null;
        default:
          return List.of();
      }
    }
    try {
      ByteReader r = h.payload().reader();
      Object value = readSection(part, r);
      if (r.hasRemaining()) {
        throw r.error(r.remaining() + " unread bytes at the end of the section");
      }
      return value;
    } catch (MalformedInputException e) {
      throw e.within(h.describe());
    }
  }

  /** Decodes the payload of the standard section {@code id}. */
  private Object readSection(int id, ByteReader r) {
    switch (id) {
      case SectionId.TYPE:
        return readTypes(r);
      case SectionId.IMPORT:
        return readImports(r);
      case SectionId.FUNCTION:
        return readFunctions(r);
      case SectionId.TABLE:
        return readTables(r);
      case SectionId.MEMORY:
        return readMemories(r);
      case SectionId.GLOBAL:
        return readGlobals(r);
      case SectionId.EXPORT:
        return readExports(r);
      case SectionId.START:
      case SectionId.DATA_COUNT:
        return OptionalLong.of(r.varU32());
      case SectionId.ELEMENT:
        return readElements(r);
      case SectionId.CODE:
        return readCode(r);
      case SectionId.DATA:
        return readData(r);
      default:
        throw new IllegalArgumentException("no lazily decoded section " + id);
    }
  }

  /** Maps {@code file} and indexes its sections. I/O errors are {@link java.io.UncheckedIOException}s. */
  public static WasmModule open(Path file) {
    MappedFileSource src = MappedFileSource.open(file);
    try {
      return new WasmModule(src);
    } catch (RuntimeException e) {
      src.close();
      throw e;
    }
  }

  /** Reads a module from any byte source (tests, modules embedded in other files). */
  public static WasmModule of(ByteSource source) {
    return new WasmModule(source);
  }

  // ---------------------------------------------------------------------------------------------- section index

  /**
   * The preamble ({@code \0asm}, version 1) and the section headers: {@code id:u8 size:u32 payload}. A custom
   * section's payload starts with its name. Non-custom sections may appear once each.
   */
  private List<SectionHeader> indexSections() {
    ByteReader r = source.all().reader();
    if (source.size() < 8) {
      throw new MalformedInputException(source.name(), 0, "not a WebAssembly file: " + source.size()
          + " bytes, shorter than the 8-byte preamble");
    }
    long magic = r.u32();
    if (magic != MAGIC) {
      throw new MalformedInputException(source.name(), 0, "not a WebAssembly file: no \\0asm magic number");
    }
    long version = r.u32();
    if (version != 1) {
      String what = (version >>> 16) == 1 ? "a WebAssembly component (layer 1), not a core module"
          : "unsupported WebAssembly version 0x" + Long.toHexString(version);
      throw new MalformedInputException(source.name(), 4, what);
    }
    List<SectionHeader> out = new ArrayList<>();
    boolean[] seen = new boolean[SectionId.LIMIT];
    while (r.hasRemaining()) {
      long at = r.position();
      int id = r.u8();
      if (id >= SectionId.LIMIT) {
        throw new MalformedInputException(source.name(), at, "unknown section id " + id);
      }
      long size;
      try {
        size = r.varU32();
      } catch (MalformedInputException e) {
        throw e.within(SectionId.name(id) + " section header");
      }
      if (size > r.remaining()) {
        throw new MalformedInputException(source.name(), at, SectionId.name(id) + " section: size " + size
            + " exceeds the " + r.remaining() + " bytes left in the file (truncated?)");
      }
      ByteRegion payload = r.region(size);
      String name = null;
      if (id == SectionId.CUSTOM) {
        try {
          name = payload.reader().name();
        } catch (MalformedInputException e) {
          throw e.within("custom section name");
        }
      } else {
        if (seen[id]) {
          throw new MalformedInputException(source.name(), at, "second " + SectionId.name(id) + " section");
        }
        seen[id] = true;
      }
      out.add(new SectionHeader(id, at, payload, name));
    }
    return Collections.unmodifiableList(out);
  }

  /** The custom section {@code name} decoded by {@code reader}; empty when the module has none. */
  private <T> Optional<T> custom(String name, Function<ByteRegion, T> reader) {
    return custom(name, -1, reader);
  }

  /**
   * A custom section decoded by {@code reader}, or for the {@link Lazy} parts {@link #PART_NAMES} and
   * {@link #PART_PRODUCERS} by their readers (called directly: no lambda on the path of every module).
   */
  @SuppressWarnings("unchecked")
  private <T> Optional<T> custom(String name, int part, Function<ByteRegion, T> reader) {
    Optional<CustomSection> c = customSection(name);
    if (c.isEmpty()) {
      return Optional.empty();
    }
    try {
      ByteRegion content = c.get().content();
      Object value = part == PART_NAMES ? NameSection.read(content)
          : part == PART_PRODUCERS ? Producers.read(content) : reader.apply(content);
      return Optional.of((T) value);
    } catch (MalformedInputException e) {
      throw e.within("custom section \"" + name + "\"");
    }
  }

  // --------------------------------------------------------------------------------------------- section readers

  private List<TypeDef> readTypes(ByteReader r) {
    int n = r.vecLength(1, "type");
    List<TypeDef> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      long at = r.position();
      int form = r.peekU8();
      if (form == 0x4E) { // rec group: vec(subtype)
        r.u8();
        int m = r.vecLength(1, "recursive type");
        for (int j = 0; j < m; j++) {
          out.add(readSubType(r));
        }
      } else {
        out.add(readSubType(r));
      }
      if (out.size() > 1_000_000) {
        throw r.error(at, "more than 1000000 types");
      }
    }
    return Collections.unmodifiableList(out);
  }

  /** {@code 0x50/0x4F vec(typeidx) comptype} or a bare comptype. */
  private static TypeDef readSubType(ByteReader r) {
    int b = r.peekU8();
    if (b == 0x50 || b == 0x4F) {
      r.u8();
      int n = r.vecLength(1, "supertype");
      for (int i = 0; i < n; i++) {
        r.varU32();
      }
    }
    long at = r.position();
    int form = r.u8();
    switch (form) {
      case 0x60: {
        List<ValType> params = readValTypes(r);
        List<ValType> results = readValTypes(r);
        return new TypeDef(TypeDef.Kind.FUNC, new FuncType(params, results));
      }
      case 0x5F: { // struct: vec(fieldtype)
        int n = r.vecLength(2, "struct field");
        for (int i = 0; i < n; i++) {
          readFieldType(r);
        }
        return new TypeDef(TypeDef.Kind.STRUCT, null);
      }
      case 0x5E:
        readFieldType(r);
        return new TypeDef(TypeDef.Kind.ARRAY, null);
      default:
        throw r.error(at, "unknown type form 0x" + Integer.toHexString(form));
    }
  }

  /** A GC field type: storage type (packed i8 0x78, i16 0x77, or a value type) and mutability. */
  private static void readFieldType(ByteReader r) {
    int b = r.peekU8();
    if (b == 0x78 || b == 0x77) {
      r.u8();
    } else {
      ValType.read(r);
    }
    r.u8();
  }

  private static List<ValType> readValTypes(ByteReader r) {
    int n = r.vecLength(1, "value type");
    List<ValType> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(ValType.read(r));
    }
    return out;
  }

  private List<Import> readImports(ByteReader r) {
    int n = r.vecLength(3, "import");
    List<Import> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String module = r.name();
      String name = r.name();
      long at = r.position();
      ExternKind kind = ExternKind.of(r.u8());
      if (kind == null) {
        throw r.error(at, "import " + i + " (" + module + "." + name + "): unknown import kind");
      }
      switch (kind) {
        case FUNC:
          out.add(new Import(module, name, kind, r.varU32(), null, null, null));
          break;
        case TABLE:
          out.add(new Import(module, name, kind, -1, readTableType(r), null, null));
          break;
        case MEMORY:
          out.add(new Import(module, name, kind, -1, null, Limits.readMemory(r), null));
          break;
        case GLOBAL:
          out.add(new Import(module, name, kind, -1, null, null, GlobalType.read(r)));
          break;
        default: { // tag: attribute 0x00 (exception), type index
          r.u8();
          out.add(new Import(module, name, kind, r.varU32(), null, null, null));
        }
      }
    }
    return Collections.unmodifiableList(out);
  }

  private long[] readFunctions(ByteReader r) {
    int n = r.vecLength(1, "function");
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      out[i] = r.varU32();
    }
    return out;
  }

  /** tabletype, or (function-references) {@code 0x40 0x00 tabletype expr} for a table with an initializer. */
  private static TableType readTableType(ByteReader r) {
    ValType t = ValType.read(r);
    return new TableType(t, Limits.readTable(r));
  }

  private List<TableType> readTables(ByteReader r) {
    int n = r.vecLength(2, "table");
    List<TableType> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      if (r.peekU8() == 0x40) {
        r.u8();
        long at = r.position();
        if (r.u8() != 0) {
          throw r.error(at, "table " + i + ": expected 0x00 after 0x40");
        }
        TableType t = readTableType(r);
        ConstExpr.read(r);
        out.add(t);
      } else {
        out.add(readTableType(r));
      }
    }
    return Collections.unmodifiableList(out);
  }

  private static List<Limits> readMemories(ByteReader r) {
    int n = r.vecLength(2, "memory");
    List<Limits> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(Limits.readMemory(r));
    }
    return Collections.unmodifiableList(out);
  }

  private List<Global> readGlobals(ByteReader r) {
    int n = r.vecLength(3, "global");
    long first = importedCount(ExternKind.GLOBAL);
    List<Global> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      GlobalType t = GlobalType.read(r);
      out.add(new Global(first + i, t, ConstExpr.read(r)));
    }
    return Collections.unmodifiableList(out);
  }

  private static List<Export> readExports(ByteReader r) {
    int n = r.vecLength(3, "export");
    List<Export> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String name = r.name();
      long at = r.position();
      ExternKind kind = ExternKind.of(r.u8());
      if (kind == null) {
        throw r.error(at, "export \"" + name + "\": unknown export kind");
      }
      out.add(new Export(name, kind, r.varU32()));
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * Element segments, flags 0 to 7: bit 0 passive/declarative (with bit 1: declarative), bit 1 an explicit table
   * index (active) or element kind/type, bit 2 items are expressions rather than function indices.
   */
  private static List<ElementSegment> readElements(ByteReader r) {
    int n = r.vecLength(2, "element segment");
    List<ElementSegment> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      long at = r.position();
      long flags = r.varU32();
      if (flags > 7) {
        throw r.error(at, "element segment " + i + ": unknown flags " + flags);
      }
      boolean passiveOrDecl = (flags & 1) != 0;
      boolean explicit = (flags & 2) != 0;
      boolean exprs = (flags & 4) != 0;
      SegmentMode mode = !passiveOrDecl ? SegmentMode.ACTIVE : explicit ? SegmentMode.DECLARATIVE
          : SegmentMode.PASSIVE;
      long table = 0;
      ConstExpr offset = null;
      if (mode == SegmentMode.ACTIVE) {
        if (explicit) {
          table = r.varU32();
        }
        offset = ConstExpr.read(r);
      }
      ValType type = ValType.FUNCREF;
      if (passiveOrDecl || explicit) {
        if (exprs) {
          type = ValType.read(r);
        } else {
          long kat = r.position();
          int kind = r.u8();
          if (kind != 0) {
            throw r.error(kat, "element segment " + i + ": unknown element kind 0x" + Integer.toHexString(kind));
          }
        }
      }
      int m = r.vecLength(1, "element");
      List<Long> funcs = new ArrayList<>(m);
      for (int j = 0; j < m; j++) {
        if (exprs) {
          ConstExpr e = ConstExpr.read(r);
          List<ConstExpr.Instr> ins = e.instructions();
          funcs.add(ins.size() == 1 && ins.get(0).opcode() == ConstExpr.REF_FUNC ? ins.get(0).immediate() : -1L);
        } else {
          funcs.add(r.varU32());
        }
      }
      out.add(new ElementSegment(i, mode, table, offset, type, funcs));
    }
    return Collections.unmodifiableList(out);
  }

  /** Code section: {@code vec(code)}, code = {@code size:u32 func}; the count must match the function section. */
  private Code readCode(ByteReader r) {
    long payloadStart = r.position();
    long countAt = r.position();
    int n = r.vecLength(1, "function body");
    int declared = functionTypes.get().length;
    if (n != declared) {
      throw r.error(countAt, "code section has " + n + " bodies but the function section declares " + declared
          + " functions");
    }
    long[] sizes = new long[n];
    long[] starts = new long[n];
    long[] ends = new long[n];
    for (int i = 0; i < n; i++) {
      sizes[i] = r.position();
      long size = r.varU32();
      if (size > r.remaining()) {
        throw r.error(sizes[i], "body of function " + (importedFunctionCount() + i) + ": size " + size
            + " exceeds the " + r.remaining() + " bytes left in the section");
      }
      starts[i] = r.position();
      r.skip(size);
      ends[i] = r.position();
    }
    return new Code(payloadStart, sizes, starts, ends);
  }

  private static List<DataSegment> readData(ByteReader r) {
    int n = r.vecLength(2, "data segment");
    List<DataSegment> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      long at = r.position();
      long flags = r.varU32();
      SegmentMode mode;
      long mem = 0;
      ConstExpr offset = null;
      if (flags == 0) {
        mode = SegmentMode.ACTIVE;
        offset = ConstExpr.read(r);
      } else if (flags == 1) {
        mode = SegmentMode.PASSIVE;
      } else if (flags == 2) {
        mode = SegmentMode.ACTIVE;
        mem = r.varU32();
        offset = ConstExpr.read(r);
      } else {
        throw r.error(at, "data segment " + i + ": unknown flags " + flags);
      }
      long lenAt = r.position();
      long len = r.varU32();
      if (len > r.remaining()) {
        throw r.error(lenAt, "data segment " + i + ": length " + len + " exceeds the " + r.remaining()
            + " bytes left in the section");
      }
      out.add(new DataSegment(i, mode, mem, offset, r.region(len)));
    }
    return Collections.unmodifiableList(out);
  }

  // ------------------------------------------------------------------------------------------------- accessors

  /** The byte source (file) of this module. */
  public ByteSource source() {
    return source;
  }

  /** The file name used in messages. */
  public String name() {
    return source.name();
  }

  /** All sections in file order. */
  public List<SectionHeader> sections() {
    return sections;
  }

  /** A standard (non-custom) section by id. */
  public Optional<SectionHeader> section(int id) {
    return id > 0 && id < SectionId.LIMIT ? Optional.ofNullable(standard[id]) : Optional.empty();
  }

  public List<CustomSection> customSections() {
    return customs;
  }

  /** The first custom section with this name. */
  public Optional<CustomSection> customSection(String name) {
    for (CustomSection c : customs) {
      if (c.name().equals(name)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** The type section, one entry per type index. */
  public List<TypeDef> types() {
    return types.get();
  }

  /** The function type with this index; an error when it is not a function type. */
  public FuncType funcType(long typeIndex) {
    List<TypeDef> t = types();
    if (typeIndex < 0 || typeIndex >= t.size() || t.get((int) typeIndex).func() == null) {
      throw new MalformedInputException(source.name(), standard[SectionId.TYPE] == null ? 8
          : standard[SectionId.TYPE].headerOffset(), "type section: no function type " + typeIndex);
    }
    return t.get((int) typeIndex).func();
  }

  public List<Import> imports() {
    return imports.get();
  }

  /** How many imports of one kind (the start of that kind's defined index range). */
  public long importedCount(ExternKind kind) {
    long n = 0;
    for (Import i : imports()) {
      if (i.kind() == kind) {
        n++;
      }
    }
    return n;
  }

  public long importedFunctionCount() {
    return importedCount(ExternKind.FUNC);
  }

  /** Size of the function index space: imported plus defined functions. */
  public long functionCount() {
    return importedFunctionCount() + functionTypes.get().length;
  }

  /** Number of functions defined (with a body) in this module. */
  public int definedFunctionCount() {
    return functionTypes.get().length;
  }

  /** The type index of a function (imported or defined); an {@link IllegalArgumentException} when out of range. */
  public long functionTypeIndex(long funcIndex) {
    long imported = importedFunctionCount();
    if (funcIndex >= 0 && funcIndex < imported) {
      long k = 0;
      for (Import i : imports()) {
        if (i.kind() == ExternKind.FUNC && k++ == funcIndex) {
          return i.typeIndex();
        }
      }
    }
    long[] ft = functionTypes.get();
    if (funcIndex >= imported && funcIndex - imported < ft.length) {
      return ft[(int) (funcIndex - imported)];
    }
    throw new IllegalArgumentException(noSuchFunction(funcIndex));
  }

  /** The signature of a function. */
  public FuncType functionType(long funcIndex) {
    return funcType(functionTypeIndex(funcIndex));
  }

  /** Tables defined by the module (imported tables come first in the index space). */
  public List<TableType> tables() {
    return tables.get();
  }

  /** Memories defined by the module. */
  public List<Limits> memories() {
    return memories.get();
  }

  /** Globals defined by the module, each with its index in the global index space. */
  public List<Global> globals() {
    return globals.get();
  }

  /** The type of a global in the global index space (imports first), if it exists. */
  public Optional<GlobalType> globalType(long globalIndex) {
    long k = 0;
    for (Import i : imports()) {
      if (i.kind() == ExternKind.GLOBAL) {
        if (k++ == globalIndex) {
          return Optional.of(i.global());
        }
      }
    }
    long d = globalIndex - k;
    List<Global> g = globals();
    return d >= 0 && d < g.size() ? Optional.of(g.get((int) d).type()) : Optional.empty();
  }

  public List<Export> exports() {
    return exports.get();
  }

  /** The start function, if any. */
  public OptionalLong startFunction() {
    return start.get();
  }

  public List<ElementSegment> elements() {
    return elements.get();
  }

  /**
   * The function stored at {@code slot} of table {@code tableIndex} after instantiation, as far as the active element
   * segments with constant offsets say (later segments overwrite earlier ones): how a function pointer, which in
   * C/C++/Rust wasm is a table index, names a function.
   */
  public OptionalLong tableFunction(long tableIndex, long slot) {
    long found = -1;
    for (ElementSegment s : elements()) {
      if (s.mode() != SegmentMode.ACTIVE || s.tableIndex() != tableIndex || s.offset() == null) {
        continue;
      }
      OptionalLong off = s.offset().constantOffset();
      if (off.isEmpty()) {
        continue;
      }
      long rel = slot - off.getAsLong();
      if (rel >= 0 && rel < s.functionIndices().size()) {
        found = s.functionIndices().get((int) rel);
      }
    }
    return found >= 0 ? OptionalLong.of(found) : OptionalLong.empty();
  }

  public List<DataSegment> dataSegments() {
    return data.get();
  }

  /** The data count section's value, if present. */
  public OptionalLong dataCount() {
    return dataCount.get();
  }

  // ---------------------------------------------------------------------------------------------- code section

  private Code code() {
    Code c = code.get();
    if (c == null) {
      // No single byte is wrong; point at the section list (after the 8-byte preamble), where it would be.
      throw new MalformedInputException(source.name(), 8, "module has no code section");
    }
    return c;
  }

  public boolean hasCode() {
    return standard[SectionId.CODE] != null;
  }

  /**
   * The file offset of the Code section payload: the byte right after the section-size LEB128, where the function
   * count is. DWARF addresses count from here.
   */
  public FileOffset codePayloadStart() {
    return new FileOffset(code().payloadStart());
  }

  /** The Code section payload as a region (the range whose identity ties a dump or a debug file to the module). */
  public ByteRegion codeSection() {
    code();
    return standard[SectionId.CODE].payload();
  }

  /** The body of a defined function, or empty for an import or an index past the end. */
  public Optional<FunctionBody> body(long funcIndex) {
    Code c = code();
    long i = funcIndex - importedFunctionCount();
    if (i < 0 || i >= c.starts().length) {
      return Optional.empty();
    }
    int k = (int) i;
    return Optional.of(new FunctionBody(funcIndex, new FileOffset(c.sizeFields()[k]),
        new ByteRegion(source, c.starts()[k], c.ends()[k] - c.starts()[k])));
  }

  /** All function bodies in order. */
  public List<FunctionBody> functionBodies() {
    int n = code().starts().length;
    long imported = importedFunctionCount();
    List<FunctionBody> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(body(imported + i).orElseThrow());
    }
    return out;
  }

  private FunctionBody requireBody(long funcIndex) {
    return body(funcIndex).orElseThrow(() -> new IllegalArgumentException(noSuchFunction(funcIndex)));
  }

  private String noSuchFunction(long funcIndex) {
    long imported = importedFunctionCount();
    if (funcIndex >= 0 && funcIndex < imported) {
      return "function " + funcIndex + " is imported and has no body in " + source.name();
    }
    return "function " + funcIndex + " does not exist in " + source.name() + " (" + functionCount()
        + " functions, " + imported + " imported)";
  }

  /**
   * {@code dwarfAddress = bodyStart(func) - codePayloadStart + codeOffset}. An {@link IllegalArgumentException} when
   * the function has no body here.
   */
  public DwarfAddress dwarfAddress(long funcIndex, CodeOffset offset) {
    FunctionBody b = requireBody(funcIndex);
    return new DwarfAddress(b.start().value() - code().payloadStart() + offset.value());
  }

  /** The file offset of a code offset in a function: {@code bodyStart(func) + codeOffset}. */
  public FileOffset fileOffset(long funcIndex, CodeOffset offset) {
    return new FileOffset(requireBody(funcIndex).start().value() + offset.value());
  }

  /** A DWARF address as a file offset. */
  public FileOffset fileOffset(DwarfAddress address) {
    return new FileOffset(code().payloadStart() + address.value());
  }

  /** A file offset as a DWARF address; an {@link IllegalArgumentException} before the Code payload. */
  public DwarfAddress dwarfAddress(FileOffset offset) {
    long d = offset.value() - code().payloadStart();
    if (d < 0) {
      throw new IllegalArgumentException(offset + " lies before the code section payload");
    }
    return new DwarfAddress(d);
  }

  /** The function whose body {@code [start, end)} contains this DWARF address, by binary search. */
  public Optional<FunctionBody> functionAt(DwarfAddress address) {
    Code c = code();
    long abs = c.payloadStart() + address.value();
    long[] starts = c.starts();
    int lo = 0;
    int hi = starts.length - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (starts[mid] <= abs) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    if (found < 0 || abs >= c.ends()[found]) {
      return Optional.empty();
    }
    return body(importedFunctionCount() + found);
  }

  /**
   * A content identity of the code: SHA-256 of the Code section payload, in hex. A dump's frames and a split debug
   * file's DWARF addresses are only meaningful for a module with the same code bytes.
   */
  public String codeIdentity() {
    return codeIdentity.get();
  }

  /** Streams the Code payload through SHA-256 in 64 KiB chunks (no whole-section copy). */
  private String computeCodeIdentity() {
    ByteRegion c = codeSection();
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this Java runtime", e);
    }
    byte[] buf = new byte[1 << 16];
    long pos = c.start();
    while (pos < c.end()) {
      int n = (int) Math.min(buf.length, c.end() - pos);
      source.get(pos, buf, 0, n);
      md.update(buf, 0, n);
      pos += n;
    }
    return HexFormat.of().formatHex(md.digest());
  }

  // ---------------------------------------------------------------------------------------- custom sections

  /** The name section, if present. */
  public Optional<NameSection> names() {
    return names.get();
  }

  /** A function's name from the name section. A malformed name section reads as no names here. */
  public Optional<String> functionName(long funcIndex) {
    return names().flatMap(n -> n.functionName(funcIndex));
  }

  public Optional<Producers> producers() {
    return producers.get();
  }

  /** The {@code build_id} section's bytes (tool-conventions BuildId.md: {@code vec(byte)}). */
  public Optional<byte[]> buildId() {
    return custom("build_id", c -> {
      ByteReader r = c.reader();
      byte[] id = r.bytes(r.varU32());
      if (r.hasRemaining()) {
        throw r.error(r.remaining() + " unread bytes after the build id");
      }
      return id;
    });
  }

  /** The build id in lower-case hex. */
  public Optional<String> buildIdHex() {
    return buildId().map(b -> HexFormat.of().formatHex(b));
  }

  /** The {@code external_debug_info} section: a name (path or URL) of the file with the DWARF. */
  public Optional<String> externalDebugInfo() {
    return custom("external_debug_info", c -> c.reader().name());
  }

  /** The {@code sourceMappingURL} section: a name (URL of a source map). */
  public Optional<String> sourceMappingUrl() {
    return custom("sourceMappingURL", c -> c.reader().name());
  }

  /** A {@code .debug_*} section by name (e.g. {@code .debug_info}) as a region of the file, not copied. */
  public Optional<ByteRegion> debugSection(String name) {
    return customSection(name).map(CustomSection::content);
  }

  /** All custom sections whose name starts with {@code .debug_}, by name, in file order. */
  public Map<String, ByteRegion> debugSections() {
    Map<String, ByteRegion> m = new LinkedHashMap<>();
    for (CustomSection c : customs) {
      if (c.name().startsWith(".debug_")) {
        m.putIfAbsent(c.name(), c.content());
      }
    }
    return Collections.unmodifiableMap(m);
  }

  @Override
  public void close() {
    source.close();
  }

  @Override
  public String toString() {
    return "WasmModule[" + source.name() + "]";
  }
}
