package dev.wasmcore.coredump;

import dev.wasmcore.binary.ByteReader;
import dev.wasmcore.binary.ByteSource;
import dev.wasmcore.binary.MalformedInputException;
import dev.wasmcore.binary.MappedFileSource;
import dev.wasmcore.wasm.CodeOffset;
import dev.wasmcore.wasm.CustomSection;
import dev.wasmcore.wasm.DataSegment;
import dev.wasmcore.wasm.DwarfAddress;
import dev.wasmcore.wasm.FunctionBody;
import dev.wasmcore.wasm.Global;
import dev.wasmcore.wasm.Limits;
import dev.wasmcore.wasm.SectionId;
import dev.wasmcore.wasm.SegmentMode;
import dev.wasmcore.wasm.WasmModule;
import dev.wasmcore.wasm.WasmValue;
import java.io.Closeable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A WebAssembly core dump (tool-conventions Coredump.md): a wasm binary whose custom sections {@code core},
 * {@code coremodules}, {@code coreinstances} and {@code corestack} (one per thread) describe the crashed process, and
 * whose memory, global and data sections hold its state. The memories are {@link MemoryImage}s read from the mapped
 * file, never copied.
 *
 * <p>Producers differ (see {@link Producer}); frames are read in the {@link StackLayout} the bytes show:
 * the rewriter layout is chosen only when a frame with locals has a 0x00 byte where a spec dump has a value type
 * byte (a spec value never starts with 0x00), so a spec dump is never misread.
 *
 * <p>Every error is a {@link MalformedInputException} naming the file, the section and the offset.
 */
public final class CoreDump implements Closeable {
  private final WasmModule file;
  private final ProcessInfo process;
  private final List<CoreModule> modules;
  private final List<CoreInstance> instances;
  private final List<CoreThread> threads;
  private final List<MemoryImage> memories;
  private final List<CoreGlobal> globals;
  private final ProducerInfo producer;
  private final boolean hasModulesSection;
  private final boolean hasInstancesSection;
  private final CodeOffsetOrigin offsetOrigin;
  /** File offset of the data the rewriter runtime's memory-is-the-file layout starts at, or -1 (see readMemories). */
  private final long runtimeImageStart;

  /** A copy of {@code d} with other frames (offsets converted) and evidence. */
  private CoreDump(CoreDump d, List<CoreThread> threads, CodeOffsetOrigin origin, List<String> moreEvidence) {
    this.file = d.file;
    this.process = d.process;
    this.modules = d.modules;
    this.instances = d.instances;
    this.threads = Collections.unmodifiableList(threads);
    this.memories = d.memories;
    this.globals = d.globals;
    List<String> ev = new ArrayList<>(d.producer.evidence());
    ev.addAll(moreEvidence);
    this.producer = new ProducerInfo(d.producer.producer(), d.producer.layout(), d.producer.localsRecorded(), ev);
    this.hasModulesSection = d.hasModulesSection;
    this.hasInstancesSection = d.hasInstancesSection;
    this.offsetOrigin = origin;
    this.runtimeImageStart = d.runtimeImageStart;
  }

  private CoreDump(WasmModule file) {
    this.file = file;
    ByteSource src = file.source();
    Optional<CustomSection> core = file.customSection("core");
    List<CustomSection> stacks = customs("corestack");
    if (core.isEmpty()) {
      String why = file.section(SectionId.CODE).isPresent() || file.section(SectionId.FUNCTION).isPresent()
          ? "this is a WebAssembly module, not a core dump (no \"core\" custom section; it has code)"
          : "not a core dump: no \"core\" custom section";
      throw new MalformedInputException(src.name(), 8, why);
    }
    this.process = section(core.get(), r -> {
      expectZero(r, "process-info");
      return new ProcessInfo(r.name());
    });
    Optional<CustomSection> inst = file.customSection("coreinstances");
    Optional<CustomSection> mods = file.customSection("coremodules");
    this.hasInstancesSection = inst.isPresent();
    this.hasModulesSection = mods.isPresent();
    List<String> evidence = new ArrayList<>();
    // WasmEdge writes coreinstances as an empty vector and frames without an instance index. A spec dump with frames
    // cannot have zero instances (every frame names one), so this signal cannot misread a valid spec dump.
    boolean wasmEdge = inst.isPresent() && inst.get().content().length() == 1
        && inst.get().content().u8(0) == 0 && anyFrames(stacks);
    if (wasmEdge) {
      evidence.add("coreinstances is empty while corestack has frames");
      this.instances = List.of();
      this.modules = mods.map(this::readWasmEdgeModules).orElse(List.of());
    } else {
      this.instances = inst.map(this::readInstances).orElse(List.of());
      this.modules = mods.map(this::readModules).orElse(List.of());
    }
    List<CoreThread> ts = new ArrayList<>();
    StackLayout layout = wasmEdge ? StackLayout.WASMEDGE : StackLayout.SPEC;
    for (CustomSection s : stacks) {
      CoreThread t;
      if (wasmEdge) {
        t = section(s, r -> readThread(r, ts.size(), s, StackLayout.WASMEDGE));
      } else {
        // The older layouts are probed only when the spec reading fails or is implausible, so an ordinary dump
        // opens without throwing and catching the probes' errors.
        try {
          StackLayout l = section(s, r -> detectLayout(r));
          t = section(s, r -> readThread(r, ts.size(), s, l));
          StackLayout legacy = inst.isEmpty() && anyInstanceNotZero(t) ? legacyLayout(s) : null;
          if (legacy != null) {
            // Without coreinstances a frame can only name instance 0; bytes that also read exactly in an older
            // rewriter layout are that layout (never taken while a spec dump's own instance indices are valid).
            t = section(s, r -> readThread(r, ts.size(), s, legacy));
            evidence.add("corestack reads exactly as " + legacy.description()
                + " and, read as Coredump.md, names instances the dump does not have");
          }
        } catch (MalformedInputException e) {
          StackLayout legacy = legacyLayout(s);
          if (legacy == null) {
            throw unsupportedLegacy(s).map(what -> new MalformedInputException(src.name(), s.headerOffset(),
                "custom section \"corestack\": " + what, e)).orElse(e);
          }
          t = section(s, r -> readThread(r, ts.size(), s, legacy));
          String why = "corestack does not read as Coredump.md but reads exactly as " + legacy.description();
          if (!evidence.contains(why)) {
            evidence.add(why);
          }
        }
      }
      if (t.layout().isRewriter()) {
        layout = t.layout();
      }
      ts.add(t);
    }
    this.threads = Collections.unmodifiableList(ts);
    this.runtimeImageStart = runtimeImage();
    this.memories = readMemories();
    this.globals = readGlobals();
    if (runtimeImageStart >= 0) {
      evidence.add("the file is the runtime's own memory (one data segment at its own file offset 0x"
          + Long.toHexString(runtimeImageStart) + ", running to the end of the file): memory below it was "
          + "overwritten by the dump writer");
    }
    this.offsetOrigin = originOf(layout, ts);
    this.producer = detectProducer(layout, evidence);
  }

  /**
   * Where this layout's code offsets count from. The current rewriter layout counts from the first instruction when
   * the dump is the rewriter runtime's own output (memory-is-the-file), and from the body start otherwise (dumps
   * re-encoded from spec dumps, as the corpus's {@code NAME_rw}, keep their body offsets).
   */
  private CodeOffsetOrigin originOf(StackLayout layout, List<CoreThread> ts) {
    switch (layout) {
      case REWRITER:
        return runtimeImageStart >= 0 ? CodeOffsetOrigin.INSTRUCTIONS : CodeOffsetOrigin.BODY;
      case REWRITER_2023_05_LEB: {
        // 0.1.14 to 0.1.19 wrote 0 for every frame; from 0.1.20 an offset counted from the Code section header is
        // always greater than 0 (an instruction lies after the header, the count and the size field)
        for (CoreThread t : ts) {
          for (CoreFrame f : t.frames()) {
            if (f.codeOffset().value() != 0) {
              return CodeOffsetOrigin.CODE_SECTION_HEADER;
            }
          }
        }
        return CodeOffsetOrigin.NOT_RECORDED;
      }
      case REWRITER_2023_05_U32:
      case REWRITER_2023_02_U32:
        return CodeOffsetOrigin.NOT_RECORDED; // those runtimes stored 0 ("codeoffset" was never passed in)
      case WASMEDGE:
        return CodeOffsetOrigin.CALLER_CALL_FILE_OFFSET;
      default:
        return CodeOffsetOrigin.BODY;
    }
  }

  private static boolean anyInstanceNotZero(CoreThread t) {
    for (CoreFrame f : t.frames()) {
      if (f.instanceIndex() > 0) {
        return true;
      }
    }
    return false;
  }

  /** Maps and reads a dump file. */
  public static CoreDump open(Path path) {
    WasmModule m = WasmModule.open(path);
    try {
      return new CoreDump(m);
    } catch (RuntimeException e) {
      m.close();
      throw e;
    }
  }

  /** Reads a dump from a byte source (tests). */
  public static CoreDump of(ByteSource source) {
    return new CoreDump(WasmModule.of(source));
  }

  // ------------------------------------------------------------------------------------------------ helpers

  private interface SectionReader<T> {
    T read(ByteReader r);
  }

  private List<CustomSection> customs(String name) {
    List<CustomSection> out = new ArrayList<>();
    for (CustomSection c : file.customSections()) {
      if (c.name().equals(name)) {
        out.add(c);
      }
    }
    return out;
  }

  /** Runs a reader over a custom section's content, naming the section in errors. */
  private static <T> T section(CustomSection s, SectionReader<T> reader) {
    try {
      return reader.read(s.content().reader());
    } catch (MalformedInputException e) {
      throw e.within("custom section \"" + s.name() + "\"");
    }
  }

  private static void expectZero(ByteReader r, String what) {
    long at = r.position();
    int b = r.u8();
    if (b != 0) {
      throw r.error(at, what + ": unknown kind 0x" + Integer.toHexString(b) + " (expected 0x00)");
    }
  }

  private static boolean anyFrames(List<CustomSection> stacks) {
    for (CustomSection s : stacks) {
      try {
        ByteReader r = s.content().reader();
        r.u8();
        r.name();
        if (r.varU32() > 0) {
          return true;
        }
      } catch (MalformedInputException e) {
        return false; // reported when the section is read
      }
    }
    return false;
  }

  // ------------------------------------------------------------------------------------------ section readers

  private List<CoreModule> readModules(CustomSection s) {
    return section(s, r -> {
      int n = r.vecLength(2, "coremodule");
      List<CoreModule> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        expectZero(r, "coremodule " + i);
        out.add(new CoreModule(i, r.name()));
      }
      return Collections.unmodifiableList(out);
    });
  }

  /** WasmEdge writes {@code count 0x00 name-bytes} with no length before the name: one module, the rest its name. */
  private List<CoreModule> readWasmEdgeModules(CustomSection s) {
    return section(s, r -> {
      long n = r.varU32();
      if (n == 0) {
        return List.of();
      }
      expectZero(r, "coremodule 0");
      String name = new String(r.bytes(r.remaining()), StandardCharsets.UTF_8);
      return List.of(new CoreModule(0, name));
    });
  }

  private List<CoreInstance> readInstances(CustomSection s) {
    return section(s, r -> {
      int n = r.vecLength(4, "coreinstance");
      List<CoreInstance> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        expectZero(r, "coreinstance " + i);
        long module = r.varU32();
        out.add(new CoreInstance(i, module, indexVec(r, "memory index"), indexVec(r, "global index")));
      }
      return Collections.unmodifiableList(out);
    });
  }

  private static List<Long> indexVec(ByteReader r, String what) {
    int n = r.vecLength(1, what);
    List<Long> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(r.varU32());
    }
    return out;
  }

  /**
   * Decides between the spec and the rewriter layout by walking frames in the spec layout: the first frame with
   * locals decides. In the spec layout the byte after {@code nlocals} starts a value (a type byte, never 0x00); in
   * the rewriter layout it is {@code nstack}, which that runtime always writes as 0. Frames without locals read the
   * same in both layouts.
   */
  private static StackLayout detectLayout(ByteReader r) {
    expectZero(r, "thread-info");
    r.name();
    long n = r.varU32();
    for (long i = 0; i < n && r.hasRemaining(); i++) {
      expectZero(r, "frame " + i);
      r.varU32();
      r.varU32();
      r.varU32();
      long nlocals = r.varU32();
      if (nlocals > 0) {
        return r.peekU8() == 0x00 ? StackLayout.REWRITER : StackLayout.SPEC;
      }
      long nstack = r.varU32();
      for (long k = 0; k < nstack; k++) {
        specValue(r);
      }
    }
    return StackLayout.SPEC;
  }

  /**
   * The older rewriter layout (see {@link StackLayout}) in which this corestack reads exactly, to the last byte, or
   * null. Sources: xtuc/wasm-coredump {@code lib/asc-coredump/assembly/coredump.ts} at commits d5ff396 (2023-02-24),
   * 4af71c9 (2023-05-03), c4643cd (2023-05-18) and 5692da9 (2023-07-26), and {@code lib/parser/src/coredump.rs}.
   */
  private static StackLayout legacyLayout(CustomSection s) {
    for (StackLayout l : new StackLayout[] {StackLayout.REWRITER_2023_05_LEB, StackLayout.REWRITER_2023_05_U32,
        StackLayout.REWRITER_2023_02_U32}) {
      try {
        CoreThread t = section(s, r -> readLegacyThread(r, 0, s, l));
        if (!t.frames().isEmpty()) {
          return l;
        }
      } catch (MalformedInputException e) {
        // not this layout
      }
    }
    return null;
  }

  /**
   * What stays unsupported: the runtime before commit d5ff396 (2023-02-24) wrote frames {@code codeoffset:u32
   * nlocals:u32} that name no function, so no frame can be placed.
   */
  private static Optional<String> unsupportedLegacy(CustomSection s) {
    try {
      ByteReader r = s.content().reader();
      expectZero(r, "thread-info");
      r.name();
      long n = r.u32();
      long end = r.u32();
      if (n > 0 && end == r.remaining() + 8 && n <= r.remaining() / 8) {
        return Optional.of("frames without a function index (the wasm-coredump rewriter's runtime before "
            + "2023-02-24, layout count:u32 end:u32 then codeoffset:u32 nlocals:u32 per frame): not supported, "
            + "because no frame names its function; capture the dump again with a current rewriter");
      }
    } catch (MalformedInputException e) {
      // not recognised
    }
    return Optional.empty();
  }

  /** Reads a corestack in an older rewriter layout; fails unless every byte is consumed. */
  private static CoreThread readLegacyThread(ByteReader r, int index, CustomSection s, StackLayout layout) {
    expectZero(r, "thread-info");
    String name = r.name();
    long countAt = r.position();
    long n;
    switch (layout) {
      case REWRITER_2023_05_LEB:
        n = r.vecLength(5, "frame");
        break;
      case REWRITER_2023_05_U32:
        n = r.u32();
        if (n > r.remaining() / 17) {
          throw r.error(countAt, "frame count " + n + " exceeds the " + r.remaining() + " bytes left");
        }
        break;
      case REWRITER_2023_02_U32: {
        n = r.u32();
        long endAt = r.position();
        long end = r.u32();
        // the runtime's write cursor, counted from the count field: the length of all that follows the thread-info,
        // a self-check this layout alone has
        if (end != r.remaining() + 8) {
          throw r.error(endAt, "end offset " + end + " is not the " + (r.remaining() + 8) + " bytes written");
        }
        if (n > r.remaining() / 12) {
          throw r.error(countAt, "frame count " + n + " exceeds the " + r.remaining() + " bytes left");
        }
        break;
      }
      default:
        throw new IllegalArgumentException(layout.name());
    }
    List<CoreFrame> frames = new ArrayList<>((int) n);
    for (int i = 0; i < n; i++) {
      long at = r.position();
      long func;
      long offset;
      long nl;
      long ns;
      if (layout == StackLayout.REWRITER_2023_05_LEB) {
        expectZero(r, "frame " + i);
        func = r.varU32();
        offset = r.varU32();
        nl = r.varU32();
        ns = r.varU32();
      } else if (layout == StackLayout.REWRITER_2023_05_U32) {
        expectZero(r, "frame " + i);
        func = r.u32();
        offset = r.u32();
        nl = r.u32();
        ns = r.u32();
      } else {
        func = r.u32();
        offset = r.u32();
        nl = r.u32();
        ns = 0;
      }
      if (nl > r.remaining() || ns > r.remaining()) {
        throw r.error(at, "frame " + i + ": value counts " + nl + "/" + ns + " exceed the " + r.remaining()
            + " bytes left");
      }
      List<WasmValue> locals = new ArrayList<>((int) nl);
      for (long k = 0; k < nl; k++) {
        locals.add(fixedValue(r));
      }
      List<WasmValue> stack = new ArrayList<>((int) ns);
      for (long k = 0; k < ns; k++) {
        stack.add(fixedValue(r));
      }
      frames.add(new CoreFrame(i, -1, func, new CodeOffset(offset), locals, stack, at));
    }
    if (r.hasRemaining()) {
      throw r.error(r.remaining() + " unread bytes after the last frame (layout " + layout.description() + ")");
    }
    return new CoreThread(index, name, frames, s.headerOffset(), layout);
  }

  private static CoreThread readThread(ByteReader r, int index, CustomSection s, StackLayout layout) {
    if (layout.isLegacyRewriter()) {
      return readLegacyThread(r, index, s, layout);
    }
    expectZero(r, "thread-info");
    String name = r.name();
    long countAt = r.position();
    long n = r.varU32();
    // each frame takes at least 5 bytes (WasmEdge) or 6 (others): never allocate from an unchecked count
    if (layout != StackLayout.WASMEDGE) {
      r.seek(countAt);
      n = r.vecLength(6, "frame");
    } else if (n > r.remaining() / 5 + 1) {
      throw r.error(countAt, "frame count " + n + " exceeds the " + r.remaining() + " bytes left");
    }
    List<CoreFrame> frames = new ArrayList<>((int) n);
    for (int i = 0; i < n; i++) {
      if (layout == StackLayout.WASMEDGE && !r.hasRemaining()) {
        break; // WasmEdge counts frames it then skips (host frames); the section ends early
      }
      long at = r.position();
      expectZero(r, "frame " + i);
      long instance = layout == StackLayout.WASMEDGE ? -1 : r.varU32();
      long func = r.varU32();
      long offset = r.varU32();
      List<WasmValue> locals;
      List<WasmValue> stack;
      if (layout == StackLayout.SPEC) {
        locals = specValues(r, "local");
        stack = specValues(r, "stack value");
      } else {
        long nlAt = r.position();
        long nl = r.varU32();
        long ns = r.varU32();
        if (nl > r.remaining()) {
          throw r.error(nlAt, "frame " + i + ": local count " + nl + " exceeds the " + r.remaining()
              + " bytes left");
        }
        locals = new ArrayList<>((int) nl);
        for (long k = 0; k < nl; k++) {
          locals.add(fixedValue(r));
        }
        stack = new ArrayList<>();
        if (ns > 0) {
          // values follow only when the next byte is a value type; WasmEdge's wasmgdb mode writes the count only
          boolean present = r.hasRemaining() && r.peekU8() != 0x00;
          if (!present && layout == StackLayout.WASMEDGE) {
            if (ns > r.remaining() + 1_000_000L) {
              throw r.error(nlAt, "frame " + i + ": stack count " + ns + " is implausible");
            }
            for (long k = 0; k < ns; k++) {
              stack.add(WasmValue.missing());
            }
          } else {
            if (ns > r.remaining()) {
              throw r.error(nlAt, "frame " + i + ": stack count " + ns + " exceeds the " + r.remaining()
                  + " bytes left");
            }
            for (long k = 0; k < ns; k++) {
              stack.add(fixedValue(r));
            }
          }
        }
      }
      frames.add(new CoreFrame(i, instance, func, new CodeOffset(offset), locals, stack, at));
    }
    if (r.hasRemaining()) {
      throw r.error(r.remaining() + " unread bytes after the last frame (layout " + layout.description() + ")");
    }
    return new CoreThread(index, name, frames, s.headerOffset(), layout);
  }

  private static List<WasmValue> specValues(ByteReader r, String what) {
    int n = r.vecLength(1, what);
    List<WasmValue> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(specValue(r));
    }
    return out;
  }

  /** A Coredump.md value: 0x01 missing, 0x7F i32 (s32 LEB), 0x7E i64 (s64 LEB), 0x7D f32, 0x7C f64 (LE bits). */
  static WasmValue specValue(ByteReader r) {
    long at = r.position();
    int t = r.u8();
    switch (t) {
      case 0x01: return WasmValue.missing();
      case 0x7F: return WasmValue.i32(r.varS32());
      case 0x7E: return WasmValue.i64(r.varS64());
      case 0x7D: return WasmValue.f32Bits(r.i32());
      case 0x7C: return WasmValue.f64Bits(r.u64());
      default: throw r.error(at, "unknown value type 0x" + Integer.toHexString(t));
    }
  }

  /** A rewriter/WasmEdge value: type byte then a fixed-width little-endian payload (i32/f32 4 bytes, i64/f64 8). */
  static WasmValue fixedValue(ByteReader r) {
    long at = r.position();
    int t = r.u8();
    switch (t) {
      case 0x01: return WasmValue.missing();
      case 0x7F: return WasmValue.i32(r.i32());
      case 0x7E: return WasmValue.i64(r.u64());
      case 0x7D: return WasmValue.f32Bits(r.i32());
      case 0x7C: return WasmValue.f64Bits(r.u64());
      default: throw r.error(at, "unknown value type 0x" + Integer.toHexString(t));
    }
  }

  /**
   * The wasm-coredump rewriter's runtime (every version, {@code write_coredump} in xtuc/wasm-coredump
   * {@code lib/asc-coredump/assembly/coredump.ts}) builds the dump inside its own linear memory, from address 0, and
   * the host saves that memory as the file: one memory declared {@code min 0, max N}, one active data segment whose
   * bytes run to the end of the file, and a file of exactly N pages. Memory address A is then file offset A for every
   * A from the segment's first byte on (the declared segment offset is the writer's estimate of that position and can
   * be off by a byte or two when LEB128 widths differ); everything below was overwritten by the dump itself. Returns
   * the file offset of the segment's first byte when the file has that shape, else -1. A spec dump cannot have it by
   * accident: its memory minimum would be 0 while a segment lies past it, which instantiation rejects.
   */
  private long runtimeImage() {
    List<Limits> lims = file.memories();
    List<DataSegment> segs = file.dataSegments();
    if (lims.size() != 1 || segs.size() != 1) {
      return -1;
    }
    Limits l = lims.get(0);
    DataSegment d = segs.get(0);
    if (l.is64() || l.min() != 0 || l.max().isEmpty() || d.mode() != SegmentMode.ACTIVE || d.memoryIndex() != 0) {
      return -1;
    }
    long fileSize = file.source().size();
    long pages = l.max().getAsLong();
    OptionalLong off = d.offset().constantOffset();
    long start = d.bytes().start();
    if (off.isEmpty() || pages <= 0 || pages > 65536 || pages * l.pageSize() != fileSize
        || d.bytes().end() != fileSize || Math.abs((off.getAsLong() & 0xFFFFFFFFL) - start) > 8) {
      return -1;
    }
    return start;
  }

  /** Memory section plus active data segments (constant offsets) per memory. */
  private List<MemoryImage> readMemories() {
    List<Limits> lims = file.memories();
    if (runtimeImageStart >= 0) {
      Limits l = lims.get(0);
      long size = l.max().getAsLong() * l.pageSize();
      MemoryImage.Builder b = new MemoryImage.Builder(0, l, file.source(), size);
      b.add(runtimeImageStart, size - runtimeImageStart, runtimeImageStart);
      b.lostBelow(runtimeImageStart, "overwritten by the dump writer (the wasm-coredump rewriter's runtime writes "
          + "the dump over the start of the memory)");
      return List.of(b.build());
    }
    List<MemoryImage.Builder> builders = new ArrayList<>(lims.size());
    for (int i = 0; i < lims.size(); i++) {
      builders.add(new MemoryImage.Builder(i, lims.get(i), file.source()));
    }
    for (DataSegment d : file.dataSegments()) {
      if (d.mode() != SegmentMode.ACTIVE) {
        continue;
      }
      if (d.memoryIndex() < 0 || d.memoryIndex() >= builders.size()) {
        throw new MalformedInputException(file.name(), d.bytes().start(), "data section: segment " + d.index()
            + " names memory " + d.memoryIndex() + " but the dump declares " + builders.size() + " memories");
      }
      OptionalLong off = d.offset().constantOffset();
      if (off.isEmpty()) {
        throw new MalformedInputException(file.name(), d.offset().bytes().start(), "data section: segment "
            + d.index() + ": offset is not a constant (" + d.offset() + ")");
      }
      long address = off.getAsLong();
      if (!lims.get((int) d.memoryIndex()).is64()) {
        address &= 0xFFFFFFFFL;
      }
      builders.get((int) d.memoryIndex()).add(address, d.bytes().length(), d.bytes().start());
    }
    boolean contentsNotWritten = file.section(SectionId.DATA).isEmpty()
        && threads.stream().anyMatch(t -> t.layout() == StackLayout.WASMEDGE);
    List<MemoryImage> out = new ArrayList<>(builders.size());
    for (MemoryImage.Builder b : builders) {
      if (contentsNotWritten) {
        // WasmEdge writes the memory type but no data section (createData is commented out in
        // WasmEdge/WasmEdge lib/executor/coredump.cpp, commit 0800d49d75a46b7f02c3808ce2849d0b6777ace5): the bytes
        // are unknown, not zero
        b.lostBelow(Long.MAX_VALUE, "not in the dump (WasmEdge writes the memory's size but not its contents)");
      }
      out.add(b.build());
    }
    return Collections.unmodifiableList(out);
  }

  private List<CoreGlobal> readGlobals() {
    List<CoreGlobal> out = new ArrayList<>();
    for (Global g : file.globals()) {
      WasmValue v = g.init().evaluate(null).orElse(WasmValue.missing());
      out.add(new CoreGlobal(g.index(), g.type(), v));
    }
    return Collections.unmodifiableList(out);
  }

  private ProducerInfo detectProducer(StackLayout layout, List<String> evidence) {
    List<String> ev = new ArrayList<>(evidence);
    boolean anyValues = false;
    int frameCount = 0;
    for (CoreThread t : threads) {
      for (CoreFrame f : t.frames()) {
        frameCount++;
        anyValues |= !f.locals().isEmpty() || !f.stack().isEmpty();
      }
    }
    boolean hasGlobals = file.section(SectionId.GLOBAL).isPresent();
    if (layout == StackLayout.WASMEDGE) {
      return new ProducerInfo(Producer.WASMEDGE, layout, true, ev);
    }
    if (layout == StackLayout.REWRITER) {
      if (ev.stream().noneMatch(x -> x.startsWith("corestack"))) {
        ev.add("a frame's local count is followed by 0x00 (counts first), not a value type");
      }
      return new ProducerInfo(Producer.REWRITER, layout, true, ev);
    }
    if (layout.isLegacyRewriter()) {
      ev.add("code offsets count from " + offsetOrigin.description()
          + (offsetOrigin == CodeOffsetOrigin.NOT_RECORDED ? " (this build wrote 0 for every frame)" : ""));
      return new ProducerInfo(Producer.REWRITER, layout, true, ev);
    }
    if (!hasModulesSection && !hasInstancesSection && !hasGlobals && frameCount > 0 && !anyValues) {
      ev.add("no coremodules, coreinstances or global section; frames without values read the same in both layouts");
      return new ProducerInfo(Producer.REWRITER, StackLayout.REWRITER, true, ev);
    }
    if (frameCount > 0 && !anyValues) {
      ev.add("every frame has empty locals and operand stack");
      for (CoreModule m : modules) {
        if (m.name().startsWith("<anonymous-module-")) {
          ev.add("module named " + m.name());
          break;
        }
      }
      for (CoreGlobal g : globals) {
        if (g.value().kind() == WasmValue.Kind.REF_NULL) {
          ev.add("reference globals written as ref.null");
          break;
        }
      }
      if (threads.size() == 1 && threads.get(0).name().equals("main")) {
        ev.add("one thread named main");
      }
      return new ProducerInfo(Producer.WASMTIME, layout, false, ev);
    }
    if (anyValues) {
      ev.add("frames carry locals and operand stacks");
      return new ProducerInfo(Producer.V8_CAPTURE, layout, true, ev);
    }
    return new ProducerInfo(Producer.UNKNOWN, layout, true, ev);
  }

  // ------------------------------------------------------------------------------------------------ accessors

  /** The dump file's name. */
  public String name() {
    return file.name();
  }

  /** The dump read as a wasm binary (its sections). */
  public WasmModule file() {
    return file;
  }

  public ProcessInfo process() {
    return process;
  }

  /** {@code coremodules}; empty when the producer wrote none (rewriter). */
  public List<CoreModule> modules() {
    return modules;
  }

  /** {@code coreinstances}; empty when the producer wrote none. */
  public List<CoreInstance> instances() {
    return instances;
  }

  /** One thread per {@code corestack} section, in file order. */
  public List<CoreThread> threads() {
    return threads;
  }

  /** The memories, by index in the dump's memory section. */
  public List<MemoryImage> memories() {
    return memories;
  }

  /** Memory {@code index}, if the dump has it. */
  public Optional<MemoryImage> memory(int index) {
    return index >= 0 && index < memories.size() ? Optional.of(memories.get(index)) : Optional.empty();
  }

  /** The dump's globals (its global section). */
  public List<CoreGlobal> globals() {
    return globals;
  }

  /**
   * The memory an instance uses as its memory {@code i} (through {@code coreinstances}); without instance
   * information, dump memory {@code i}.
   */
  public Optional<MemoryImage> instanceMemory(long instanceIndex, int i) {
    if (instanceIndex >= 0 && instanceIndex < instances.size()) {
      List<Long> m = instances.get((int) instanceIndex).memories();
      return i < m.size() ? memory((int) (long) m.get(i)) : Optional.empty();
    }
    return memory(i);
  }

  /** The value of an instance's global {@code i} (through {@code coreinstances}), or of dump global {@code i}. */
  public WasmValue instanceGlobal(long instanceIndex, long i) {
    long g = i;
    if (instanceIndex >= 0 && instanceIndex < instances.size()) {
      List<Long> gs = instances.get((int) instanceIndex).globals();
      if (i < 0 || i >= gs.size()) {
        return WasmValue.missing();
      }
      g = gs.get((int) i);
    }
    return g >= 0 && g < globals.size() ? globals.get((int) g).value() : WasmValue.missing();
  }

  /** The producer and layout, with the evidence. */
  public ProducerInfo producer() {
    return producer;
  }

  /** The layout the frames were read in. */
  public StackLayout layout() {
    return producer.layout();
  }

  /** Where the frames' code offsets count from ({@link CodeOffsetOrigin#BODY} once converted). */
  public CodeOffsetOrigin codeOffsetOrigin() {
    return offsetOrigin;
  }

  /** Whether the frames' code offsets say where in its function each frame was (false: the producer wrote 0). */
  public boolean codeOffsetsRecorded() {
    return offsetOrigin != CodeOffsetOrigin.NOT_RECORDED;
  }

  /**
   * This dump with every frame's code offset counted from its function body start, as Coredump.md defines it and
   * as everything downstream expects; {@code this} when they already are. Older rewriter builds counted from
   * elsewhere (see {@link CodeOffsetOrigin}), which only the module can turn into body offsets. Where the offsets
   * were not recorded at all, each frame is placed at its function's first instruction and {@link
   * #codeOffsetsRecorded()} stays false, so the position is never presented as known.
   *
   * @param moduleOf the module of a frame
   * @throws MalformedInputException when a converted offset falls outside its function (the wrong module)
   */
  public CoreDump withBodyOffsets(java.util.function.Function<CoreFrame, WasmModule> moduleOf) {
    if (offsetOrigin == CodeOffsetOrigin.BODY) {
      return this;
    }
    List<CoreThread> ts = new ArrayList<>(threads.size());
    for (CoreThread t : threads) {
      List<CoreFrame> fs = new ArrayList<>(t.frames().size());
      for (int k = 0; k < t.frames().size(); k++) {
        CoreFrame f = t.frames().get(k);
        WasmModule m = moduleOf.apply(f);
        CodeOffset o;
        if (offsetOrigin == CodeOffsetOrigin.CALLER_CALL_FILE_OFFSET) {
          // frame k stopped at the call that entered frame k-1; the youngest frame's position is not recorded
          o = m == null ? f.codeOffset() : callerBodyOffset(f, k == 0 ? null : t.frames().get(k - 1), m);
        } else {
          o = m == null ? f.codeOffset() : bodyOffset(f, m);
        }
        fs.add(new CoreFrame(f.index(), f.instanceIndex(), f.funcIndex(), o, f.locals(), f.stack(), f.fileOffset()));
      }
      ts.add(t.withFrames(fs));
    }
    String note = offsetOrigin == CodeOffsetOrigin.NOT_RECORDED
        ? "code offsets were not recorded: each frame is placed at its function's first instruction"
        : offsetOrigin == CodeOffsetOrigin.CALLER_CALL_FILE_OFFSET
            ? "code offsets converted from " + offsetOrigin.description() + " to the function body start; where "
                + "the youngest frame stopped is not recorded: it is placed at its function's first instruction"
            : "code offsets converted from " + offsetOrigin.description() + " to the function body start";
    CodeOffsetOrigin after = offsetOrigin == CodeOffsetOrigin.NOT_RECORDED ? offsetOrigin : CodeOffsetOrigin.BODY;
    return new CoreDump(this, ts, after, List.of(note));
  }

  /**
   * WasmEdge ({@link CodeOffsetOrigin#CALLER_CALL_FILE_OFFSET}): frame {@code f}'s body offset is where its callee
   * {@code younger} was called from, a file offset in {@code module}; the youngest frame ({@code younger == null})
   * is placed at its function's first instruction.
   */
  private CodeOffset callerBodyOffset(CoreFrame f, CoreFrame younger, WasmModule module) {
    Optional<FunctionBody> body = module.body(f.funcIndex());
    if (body.isEmpty()) {
      return f.codeOffset(); // a missing body is reported by dwarfAddress
    }
    FunctionBody b = body.get();
    long v;
    try {
      v = younger == null ? b.codeStart().value() - b.start().value()
          : younger.codeOffset().value() - b.start().value();
    } catch (MalformedInputException e) {
      throw new MalformedInputException(name(), f.fileOffset(), "custom section \"corestack\": frame " + f.index()
          + ": function " + f.funcIndex() + " has a malformed body in " + module.name() + ": " + e.reason(), e);
    }
    if (v < 0 || v >= b.size()) {
      throw new MalformedInputException(name(), younger.fileOffset(), "custom section \"corestack\": frame "
          + younger.index() + " was called from file offset " + younger.codeOffset().value() + " (WasmEdge), which is "
          + "outside its caller, function " + f.funcIndex() + " (file offsets " + b.start().value() + " to "
          + (b.start().value() + b.size()) + " in " + module.name() + "); is this the right module?");
    }
    return new CodeOffset(v);
  }

  /** A frame's offset from its function body start in {@code module} (see {@link #withBodyOffsets}). */
  private CodeOffset bodyOffset(CoreFrame f, WasmModule module) {
    Optional<FunctionBody> body = module.body(f.funcIndex());
    if (body.isEmpty() || offsetOrigin == CodeOffsetOrigin.BODY) {
      return f.codeOffset(); // a missing body is reported by dwarfAddress
    }
    FunctionBody b = body.get();
    long raw = f.codeOffset().value();
    long v;
    try {
      switch (offsetOrigin) {
        case INSTRUCTIONS:
          v = raw + (b.codeStart().value() - b.start().value());
          break;
        case CODE_SECTION_HEADER: {
          long codeHeader = module.section(SectionId.CODE).orElseThrow().headerOffset();
          v = raw - (b.sizeFieldOffset().value() - codeHeader);
          break;
        }
        case NOT_RECORDED:
          v = f.codeOffset().value() == 0 ? b.codeStart().value() - b.start().value() : raw;
          break;
        default:
          v = raw;
      }
    } catch (MalformedInputException e) {
      throw new MalformedInputException(name(), f.fileOffset(), "custom section \"corestack\": frame " + f.index()
          + ": function " + f.funcIndex() + " has a malformed body in " + module.name() + ": " + e.reason(), e);
    }
    if (v < 0 || v >= b.size()) {
      throw new MalformedInputException(name(), f.fileOffset(), "custom section \"corestack\": frame " + f.index()
          + " has code offset " + raw + " (counted from " + offsetOrigin.description() + ", layout "
          + layout().description() + "), which is " + v + " from the body start: outside function "
          + f.funcIndex() + " (" + b.size() + " bytes in " + module.name() + "); is this the right module?");
    }
    return new CodeOffset(v);
  }

  /** The module name a frame's instance names, if the dump says. */
  public Optional<String> moduleNameOf(CoreFrame frame) {
    long i = frame.instanceIndex();
    if (i >= 0 && i < instances.size()) {
      long m = instances.get((int) i).moduleIndex();
      if (m >= 0 && m < modules.size()) {
        return Optional.of(modules.get((int) m).name());
      }
    }
    return modules.size() == 1 ? Optional.of(modules.get(0).name()) : Optional.empty();
  }

  /**
   * The DWARF address of a frame in {@code module}: checks that the module defines the frame's function and that
   * the code offset lies inside its body, else a {@link MalformedInputException} naming the dump, the corestack
   * section and the frame's offset.
   */
  public DwarfAddress dwarfAddress(CoreFrame frame, WasmModule module) {
    if (offsetOrigin != CodeOffsetOrigin.BODY && module.body(frame.funcIndex()).isPresent()) {
      CodeOffset o = bodyOffset(frame, module);
      frame = new CoreFrame(frame.index(), frame.instanceIndex(), frame.funcIndex(), o, frame.locals(),
          frame.stack(), frame.fileOffset());
    }
    Optional<FunctionBody> body = module.body(frame.funcIndex());
    if (body.isEmpty()) {
      String why = frame.funcIndex() < module.importedFunctionCount()
          ? "is imported (has no body) in " + module.name()
          : "does not exist in " + module.name() + " (" + module.functionCount() + " functions, "
              + module.importedFunctionCount() + " imported)";
      throw new MalformedInputException(name(), frame.fileOffset(), "custom section \"corestack\": frame "
          + frame.index() + " names function " + frame.funcIndex() + ", which " + why
          + "; is this the right module?");
    }
    if (frame.codeOffset().value() >= body.get().size()) {
      throw new MalformedInputException(name(), frame.fileOffset(), "custom section \"corestack\": frame "
          + frame.index() + " has code offset " + frame.codeOffset().value() + " past the end of function "
          + frame.funcIndex() + " (body of " + body.get().size() + " bytes in " + module.name()
          + "); is this the right module?");
    }
    return module.dwarfAddress(frame.funcIndex(), frame.codeOffset());
  }

  @Override
  public void close() {
    file.close();
  }
}
