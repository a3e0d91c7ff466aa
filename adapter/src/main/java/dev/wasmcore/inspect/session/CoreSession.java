package dev.wasmcore.inspect.session;

import dev.wasmcore.binary.MalformedInputException;
import dev.wasmcore.coredump.CoreDump;
import dev.wasmcore.coredump.MemoryImage;
import dev.wasmcore.dwarf.CompileUnit;
import dev.wasmcore.dwarf.LineTable;
import dev.wasmcore.inspect.ConsoleResult;
import dev.wasmcore.inspect.CrashInfo;
import dev.wasmcore.inspect.DebugSession;
import dev.wasmcore.inspect.DebugThread;
import dev.wasmcore.inspect.FrameView;
import dev.wasmcore.inspect.Instruction;
import dev.wasmcore.inspect.Limits;
import dev.wasmcore.inspect.MemoryRead;
import dev.wasmcore.inspect.ModuleView;
import dev.wasmcore.inspect.SessionException;
import dev.wasmcore.inspect.SessionOptions;
import dev.wasmcore.inspect.SourceFileView;
import dev.wasmcore.inspect.VariableView;
import dev.wasmcore.inspect.value.ValueEnv;
import dev.wasmcore.symbolize.SourceMap;
import dev.wasmcore.wasm.FunctionBody;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@link DebugSession} over one core dump: built once by {@link SessionOpener}, immutable afterwards (threads,
 * frames and their ids never change), and safe for concurrent requests: everything computed later (scopes, values,
 * parsed DWARF units) is cached idempotently.
 */
public final class CoreSession implements DebugSession {
  final SessionOptions options;
  final CoreDump dump;
  final List<LoadedModule> modules;
  final SourceMap sourceMap;
  final SourceResolver sources;
  private final List<DebugThread> threads;
  private final Map<Integer, FrameImpl> framesById;
  private final CrashInfo crash;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile List<SourceFileView> loadedSources;
  // Console state (gdb remembers the last x format/unit/address and where list stopped).
  private volatile dev.wasmcore.inspect.expr.ExamineState examineState =
      dev.wasmcore.inspect.expr.ExamineState.INITIAL;
  private final java.util.concurrent.ConcurrentHashMap<Integer, Integer> lastListed =
      new java.util.concurrent.ConcurrentHashMap<>();

  CoreSession(SessionOptions options, CoreDump dump, List<LoadedModule> modules, SourceMap sourceMap,
      SourceResolver sources, List<DebugThread> threads, CrashInfo crash) {
    this.options = options;
    this.dump = dump;
    this.modules = List.copyOf(modules);
    this.sourceMap = sourceMap;
    this.sources = sources;
    this.threads = List.copyOf(threads);
    Map<Integer, FrameImpl> byId = new LinkedHashMap<>();
    for (DebugThread t : threads) {
      for (FrameView f : t.frames()) {
        byId.put(f.id(), (FrameImpl) f);
      }
    }
    this.framesById = Map.copyOf(byId);
    this.crash = crash;
  }

  /** The reference of an instruction: module index in bits 32 and up, the DWARF address below ("0x..."). */
  static String instructionReference(int moduleIndex, long dwarfAddress) {
    return "0x" + Long.toHexString(((long) moduleIndex << 32) | (dwarfAddress & 0xFFFFFFFFL));
  }

  Limits limits() {
    return options.limits();
  }

  @Override
  public Path coreFile() {
    return options.coreFile();
  }

  @Override
  public CrashInfo crash() {
    return crash;
  }

  @Override
  public List<DebugThread> threads() {
    return threads;
  }

  @Override
  public DebugThread thread(int id) {
    for (DebugThread t : threads) {
      if (t.id() == id) {
        return t;
      }
    }
    throw new SessionException("no thread with id " + id);
  }

  /** The frame with a session-wide id, or null. */
  public FrameView frame(int id) {
    return framesById.get(id);
  }

  @Override
  public List<ModuleView> modules() {
    List<ModuleView> out = new ArrayList<>();
    for (LoadedModule m : modules) {
      out.add(m.view);
    }
    return out;
  }

  @Override
  public List<SourceFileView> loadedSources() {
    List<SourceFileView> s = loadedSources;
    if (s == null) {
      Map<String, SourceFileView> seen = new LinkedHashMap<>();
      for (LoadedModule m : modules) {
        if (m.dwarf == null) {
          continue;
        }
        for (CompileUnit cu : m.dwarf.infoUnits()) {
          try {
            LineTable lt = cu.lineTable();
            if (lt == null) {
              continue;
            }
            int n = lt.header().fileNames().size();
            for (int i = 0; i < n && seen.size() < 100_000; i++) {
              String compiled = lt.filePath(lt.header().version() >= 5 ? i : i + 1);
              if (compiled == null || seen.containsKey(compiled)) {
                continue;
              }
              String mapped = sourceMap.apply(compiled);
              Path local = sources.resolve(mapped);
              seen.put(compiled, new SourceFileView(compiled, local == null ? null : local.toString()));
            }
          } catch (MalformedInputException | IndexOutOfBoundsException e) {
            // A unit whose line table cannot be read names no sources; the others still do.
          }
        }
      }
      s = List.copyOf(seen.values());
      loadedSources = s;
    }
    return s;
  }

  /** The memory of instance 0 (memory references name it). */
  MemoryImage mainMemory() {
    return dump.instanceMemory(0, 0).or(() -> dump.memory(0)).orElse(null);
  }

  static long parseAddress(String reference) {
    if (reference == null) {
      throw new SessionException("no memory reference");
    }
    String r = reference.trim();
    try {
      if (r.startsWith("0x") || r.startsWith("0X")) {
        return Long.parseUnsignedLong(r.substring(2), 16);
      }
      return Long.parseLong(r);
    } catch (NumberFormatException e) {
      throw new SessionException("not a memory reference: '" + reference + "' (expected 0x followed by hex digits)");
    }
  }

  @Override
  public MemoryRead readMemory(String memoryReference, long offset, int count) {
    long base = parseAddress(memoryReference);
    long address = base + offset;
    if (count < 0) {
      throw new SessionException("negative count " + count);
    }
    int want = (int) Math.min(count, limits().maxBytesPerRequest());
    MemoryImage mem = mainMemory();
    if (mem == null || address < 0) {
      return new MemoryRead(address, new byte[0], count);
    }
    byte[] buf = new byte[want];
    int got = mem.read(address, buf, 0, want);
    byte[] data = got == want ? buf : java.util.Arrays.copyOf(buf, got);
    return new MemoryRead(address, data, count - got);
  }

  @Override
  public List<Instruction> disassemble(String instructionReference, long byteOffset, int instructionOffset, int count,
      boolean resolveSymbols) {
    return Disassembly.disassemble(this, instructionReference, byteOffset, instructionOffset, count, resolveSymbols);
  }

  @Override
  public VariableView evaluate(FrameView frame, String expression) {
    return new ExpressionEvaluator(this, (FrameImpl) (frame == null ? topFrame() : frame(frame.id())))
        .evaluateText(expression);
  }

  @Override
  public ConsoleResult console(FrameView frame, String commandLine) {
    FrameImpl f = (FrameImpl) (frame == null ? topFrame() : frame(frame.id()));
    return new Console(this, f).run(commandLine);
  }

  dev.wasmcore.inspect.expr.ExamineState examineState() {
    return examineState;
  }

  void setExamineState(dev.wasmcore.inspect.expr.ExamineState s) {
    examineState = s;
  }

  int lastListed(int frameId) {
    return lastListed.getOrDefault(frameId, 0);
  }

  void setLastListed(int frameId, int line) {
    lastListed.put(frameId, line);
  }

  /** The youngest frame of the first thread, or null for a dump without frames. */
  FrameView topFrame() {
    for (DebugThread t : threads) {
      if (!t.frames().isEmpty()) {
        return t.frames().get(0);
      }
    }
    return null;
  }

  /** How values of a frame read memory and name function pointers. */
  ValueEnv env(PhysicalFrame pf) {
    MemoryImage mem = pf.memory();
    LoadedModule m = pf.module;
    Limits limits = limits();
    return new ValueEnv() {
      @Override
      public int readMemory(long address, byte[] dst, int off, int length) {
        if (mem == null || address < 0) {
          return 0;
        }
        return mem.read(address, dst, off, length);
      }

      @Override
      public String functionForTableIndex(long index) {
        return functionName(m, index);
      }

      @Override
      public Limits limits() {
        return limits;
      }
    };
  }

  /** A table-0 slot's function name (element segments, then the name section or DWARF). */
  static String functionName(LoadedModule m, long slot) {
    try {
      OptionalLong f = m.wasm.tableFunction(0, slot);
      if (f.isEmpty()) {
        return null;
      }
      String n = null;
      if (m.symbolizer != null) {
        // The DWARF name (demangled, as the backtrace shows it) first, then the name section's.
        FunctionBody b = m.wasm.body(f.getAsLong()).orElse(null);
        if (b != null) {
          long addr = b.start().value() - m.wasm.codePayloadStart().value();
          var frames = m.symbolizer.symbolize(addr);
          if (!frames.isEmpty()) {
            String d = frames.get(frames.size() - 1).function();
            n = d == null || d.isEmpty() ? null : d;
          }
        }
      }
      if (n == null) {
        n = m.functionName(f.getAsLong());
      }
      return n != null ? n : "func[" + f.getAsLong() + "]";
    } catch (MalformedInputException e) {
      return null;
    }
  }

  /** Number of globals of a frame's instance. */
  int globalCount(PhysicalFrame pf) {
    long inst = pf.frame.instanceIndex();
    if (inst >= 0 && inst < dump.instances().size()) {
      return dump.instances().get((int) inst).globals().size();
    }
    return dump.globals().size();
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      for (LoadedModule m : modules) {
        try {
          m.close();
        } catch (RuntimeException e) {
          // closing continues for the other files
        }
      }
      dump.close();
    }
  }
}
