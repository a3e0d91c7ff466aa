package dev.wasmcore.dap.support;

import dev.wasmcore.inspect.ConsoleResult;
import dev.wasmcore.inspect.CrashInfo;
import dev.wasmcore.inspect.DebugSession;
import dev.wasmcore.inspect.DebugThread;
import dev.wasmcore.inspect.FrameKind;
import dev.wasmcore.inspect.FrameView;
import dev.wasmcore.inspect.Instruction;
import dev.wasmcore.inspect.MemoryRead;
import dev.wasmcore.inspect.ModuleView;
import dev.wasmcore.inspect.ScopeView;
import dev.wasmcore.inspect.SessionException;
import dev.wasmcore.inspect.SessionOptions;
import dev.wasmcore.inspect.SourceFileView;
import dev.wasmcore.inspect.SourceLocation;
import dev.wasmcore.inspect.VariableView;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hand-written post-mortem session for protocol tests: a small program that trapped in {@code level3}, with an
 * inlined library frame whose source is not here, a frame without line information, a 300-element array, a pointer
 * into a 64 KiB memory, and a disassembly of 2-byte instructions. Every answer is computed from this data (memory
 * reads honour bounds, evaluation resolves names in the frame's scopes), so the protocol layer is tested against
 * behaviour, not canned replies.
 */
public final class FakeSession implements DebugSession {
  /** First address of the fake linear memory. */
  public static final long MEMORY_SIZE = 0x10000;
  /** Code offsets of the fake module's function bodies: [start, end) pairs. */
  static final long[][] FUNCTIONS = {{0x100, 0x140}, {0x140, 0x1a0}};

  public static final AtomicInteger OPEN = new AtomicInteger();

  private final SessionOptions options;
  private final byte[] memory = new byte[(int) MEMORY_SIZE];
  private final List<DebugThread> threads;
  private final AtomicBoolean closed = new AtomicBoolean();

  public FakeSession(SessionOptions options) {
    this.options = options;
    OPEN.incrementAndGet();
    for (int i = 0; i < memory.length; i++) {
      memory[i] = (byte) i;
    }
    threads = List.of(new Thread(1, "main", frames(1)));
  }

  public boolean isClosed() {
    return closed.get();
  }

  private List<FrameView> frames(int thread) {
    Path local = Path.of("/work/src/crash.c");
    List<VariableView> args = List.of(
        Value.scalar("n", "int", 5, "n"),
        Value.pointer("p", "struct point *", 0x1000, List.of(Value.scalar("x", "int", 7, "p->x"),
            Value.scalar("y", "int", 9, "p->y"))),
        Value.text("name", "const char *", "\"a=b <c> & 'd'\"", 0x2000));
    List<VariableView> elements = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      elements.add(Value.scalar("[" + i + "]", "int", i * 10, "arr[" + i + "]"));
    }
    List<VariableView> locals = List.of(Value.array("arr", "int[300]", 0x3000, elements),
        Value.unavailable("gone", "long"));
    List<VariableView> globals = List.of(Value.scalar("counter", "unsigned int", 42, "counter"));
    List<VariableView> wasm = List.of(Value.scalar("$local0", "i32", 70760, "$local0"));
    List<ScopeView> scopes = List.of(new Scope("Arguments", ScopeView.ScopeKind.ARGUMENTS, false, args),
        new Scope("Locals", ScopeView.ScopeKind.LOCALS, false, locals),
        new Scope("Globals", ScopeView.ScopeKind.GLOBALS, true, globals),
        new Scope("Wasm", ScopeView.ScopeKind.WASM, false, wasm));
    return List.of(
        new Frame(100, thread, 0, 0, true, "core::panicking::panic", new SourceLocation(
            "/rustc/abc/library/core/src/panicking.rs", null, 75, 14), FrameKind.LIBRARY, 8, 0x10, 0x110,
            List.of()),
        new Frame(101, thread, 1, 0, false, "level3", new SourceLocation("/build/src/crash.c", local, 21, 22),
            FrameKind.USER, 8, 0x12, 0x112, scopes),
        new Frame(102, thread, 2, 1, false, "__original_main", null, FrameKind.NO_SOURCE, 9, 0x4, 0x144,
            List.of()));
  }

  @Override
  public Path coreFile() {
    return options.coreFile();
  }

  @Override
  public CrashInfo crash() {
    return new CrashInfo("memory-access-out-of-bounds", "memory access out of bounds", "V8 capture",
        "tool-conventions Coredump.md", "trap: memory access out of bounds\n  in level3 at /work/src/crash.c:21:22");
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
    throw new SessionException("no thread " + id);
  }

  @Override
  public List<ModuleView> modules() {
    return List.of(new ModuleView(0, "crash.wasm", "/work/out/crash.wasm", "DWARF in module", "c0ffee",
        "clang 19.1.7"));
  }

  @Override
  public List<SourceFileView> loadedSources() {
    return List.of(new SourceFileView("/build/src/crash.c", "/work/src/crash.c"),
        new SourceFileView("/rustc/abc/library/core/src/panicking.rs", null));
  }

  @Override
  public MemoryRead readMemory(String memoryReference, long offset, int count) {
    long base = parseAddress(memoryReference);
    long start = base + offset;
    if (count < 0) {
      throw new SessionException("negative count");
    }
    if (start < 0 || start >= MEMORY_SIZE) {
      return new MemoryRead(start, new byte[0], count);
    }
    int readable = (int) Math.min(count, MEMORY_SIZE - start);
    byte[] data = new byte[readable];
    System.arraycopy(memory, (int) start, data, 0, readable);
    return new MemoryRead(start, data, count - readable);
  }

  @Override
  public List<Instruction> disassemble(String ref, long byteOffset, int instructionOffset, int count,
      boolean resolveSymbols) {
    long at = parseAddress(ref) + byteOffset + 2L * instructionOffset;
    List<Instruction> out = new ArrayList<>();
    for (int i = 0; i < count; i++, at += 2) {
      boolean inside = false;
      String symbol = null;
      for (long[] f : FUNCTIONS) {
        if (at >= f[0] && at < f[1]) {
          inside = true;
          if (at == f[0] && resolveSymbols) {
            symbol = f[0] == 0x100 ? "level3" : "__original_main";
          }
        }
      }
      String address = "0x" + Long.toHexString(at);
      out.add(inside
          ? new Instruction(address, "20 00", "local.get 0", symbol, new SourceLocation("/build/src/crash.c",
              Path.of("/work/src/crash.c"), 20 + (int) ((at - 0x100) / 8), 3), false)
          : new Instruction(address, "", "??", null, null, true));
    }
    return out;
  }

  @Override
  public VariableView evaluate(FrameView frame, String expression) {
    String e = expression.trim();
    if (e.isEmpty()) {
      throw new SessionException("empty expression");
    }
    List<ScopeView> scopes = frame != null ? frame.scopes() : threads.get(0).frames().get(1).scopes();
    String[] path = e.split("->|\\.");
    for (ScopeView s : scopes) {
      for (VariableView v : s.variables()) {
        if (v.name().equals(path[0])) {
          VariableView cur = v;
          for (int i = 1; i < path.length; i++) {
            VariableView next = null;
            for (VariableView c : cur.namedChildren()) {
              if (c.name().equals(path[i])) {
                next = c;
              }
            }
            if (next == null) {
              throw new SessionException("'" + path[i] + "' is not a member of " + cur.type());
            }
            cur = next;
          }
          return cur;
        }
      }
    }
    throw new SessionException("no symbol '" + path[0] + "' in the current frame");
  }

  @Override
  public ConsoleResult console(FrameView frame, String line) {
    String l = line.trim();
    if (l.equals("bt")) {
      StringBuilder sb = new StringBuilder();
      for (FrameView f : threads.get(0).frames()) {
        sb.append('#').append(f.index()).append(' ').append(f.function()).append('\n');
      }
      return new ConsoleResult(sb.toString(), null, null);
    }
    if (l.startsWith("p ")) {
      VariableView v = evaluate(frame, l.substring(2));
      return new ConsoleResult("$1 = " + v.value(false), v, null);
    }
    return new ConsoleResult("unknown command: " + l, null, null);
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      OPEN.decrementAndGet();
    }
  }

  static long parseAddress(String ref) {
    try {
      if (ref.startsWith("0x")) {
        return Long.parseUnsignedLong(ref.substring(2), 16);
      }
      return Long.parseLong(ref);
    } catch (NumberFormatException e) {
      throw new SessionException("'" + ref + "' is not a memory reference of this session");
    }
  }

  record Thread(int id, String name, List<FrameView> frames) implements DebugThread {}

  record Scope(String name, ScopeKind kind, boolean expensive, List<VariableView> variables) implements ScopeView {}

  record Frame(int id, int threadId, int index, int physicalIndex, boolean inlined, String function,
      SourceLocation location, FrameKind kind, int funcIndex, long codeOffset, long dwarfAddress,
      List<ScopeView> scopes) implements FrameView {
    @Override
    public int instance() {
      return 0;
    }

    @Override
    public String module() {
      return "crash.wasm";
    }

    @Override
    public int moduleIndex() {
      return 0;
    }

    @Override
    public String instructionPointerReference() {
      return "0x" + Long.toHexString(dwarfAddress);
    }
  }

  /** A value: scalar, pointer (one named child: its target's members), array, or unavailable. */
  record Value(String name, String type, String plain, String hex, ValueState state, String evaluateName,
      String memoryReference, List<VariableView> named, List<VariableView> indexed) implements VariableView {
    static Value scalar(String name, String type, long v, String expr) {
      return new Value(name, type, Long.toString(v), "0x" + Long.toHexString(v), ValueState.OK, expr, null,
          List.of(), List.of());
    }

    static Value pointer(String name, String type, long address, List<VariableView> members) {
      String a = "0x" + Long.toHexString(address);
      return new Value(name, type, "(" + type + ") " + a, "(" + type + ") " + a, ValueState.OK, name, a, members,
          List.of());
    }

    static Value text(String name, String type, String text, long address) {
      String a = "0x" + Long.toHexString(address);
      return new Value(name, type, a + " " + text, a + " " + text, ValueState.OK, name, a, List.of(), List.of());
    }

    static Value array(String name, String type, long address, List<VariableView> elements) {
      String a = "0x" + Long.toHexString(address);
      return new Value(name, type, "{...}", "{...}", ValueState.OK, name, a, List.of(), elements);
    }

    static Value unavailable(String name, String type) {
      return new Value(name, type, "<unavailable>", "<unavailable>", ValueState.UNAVAILABLE, name, null, List.of(),
          List.of());
    }

    @Override
    public String value(boolean asHex) {
      return asHex ? hex : plain;
    }

    @Override
    public boolean reconstructed() {
      return false;
    }

    @Override
    public int namedCount() {
      return named.size();
    }

    @Override
    public int indexedCount() {
      return indexed.size();
    }

    @Override
    public List<VariableView> namedChildren() {
      return named;
    }

    @Override
    public List<VariableView> indexedChildren(int start, int count) {
      int from = Math.min(Math.max(0, start), indexed.size());
      return indexed.subList(from, (int) Math.min((long) from + count, indexed.size()));
    }
  }
}
