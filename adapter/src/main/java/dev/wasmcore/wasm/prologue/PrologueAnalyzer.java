package dev.wasmcore.wasm.prologue;

import dev.wasmcore.binary.ByteRegion;
import dev.wasmcore.binary.MalformedInputException;
import dev.wasmcore.wasm.WasmModule;
import dev.wasmcore.wasm.disasm.FunctionDisassembly;
import dev.wasmcore.wasm.disasm.Immediate;
import dev.wasmcore.wasm.disasm.WasmInstruction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;

/**
 * Finds each function's stack frame from its code: abstract interpretation of the straight-line prologue, with the
 * stack-pointer global read as the symbol {@code SP_entry}. Results are cached per function, failures included.
 *
 * <p>The forward pass models the operand stack and locals with three kinds of values: {@code SP_entry + d},
 * constants, and unknown. It interprets {@code global.get/set}, {@code local.get/set/tee}, {@code i32/i64.const},
 * {@code i32/i64.add/sub}, and gives every other plain numeric, memory and parametric instruction its stack effect
 * with unknown results. It walks into {@code block}, {@code loop} and the then-arm of {@code if}, and past
 * {@code br_if} (the fall-through path), and stops at the first call, unconditional branch, {@code else}/{@code end}
 * or instruction it does not model. Calls of the C library's {@code memset}, {@code memcpy} and {@code memmove}
 * (identified by the caller, from the name section) are the exception: they return their first argument, so the
 * pass gives the call that result and goes on (SQLite at -O2 restores the stack pointer from
 * {@code memset(frame, 0, n)}'s result, kept in a local). The first {@code global.set} of the stack pointer is the write-back; its value
 * must be {@code SP_entry - size}. A function that never writes the global back (a leaf) has the frame size of the
 * lowest {@code SP_entry - d} its prologue computes.
 *
 * <p>Then whole-body checks keep the answer honest: every other {@code global.set} of the stack pointer must restore
 * {@code SP_entry} (an epilogue; checked by evaluating its operand backwards over pure instructions and those memory
 * calls; a local read there has its prologue value when the local is written only once, or where the data-flow pass
 * proves that it still holds that value on every path, as when -O0 code reuses the frame-pointer local), otherwise the
 * function allocates dynamically ({@code alloca}, VLAs) and is unknown; a leaf that reads the stack pointer after its
 * prologue has an unknown frame size; a local counts as {@link PrologueInfo.LocalValue#stable() stable} only when no
 * other instruction writes it.
 */
public final class PrologueAnalyzer {
  /** The C library functions that return their first argument (the destination pointer). */
  private static final Set<String> MEMORY_FUNCTION_NAMES = Set.of("memset", "memcpy", "memmove");

  private final long spGlobal;
  private final LongFunction<ByteRegion> bodies;
  private final Set<Long> memoryFunctions;
  private final Map<Long, PrologueInfo> cache = new ConcurrentHashMap<>();

  /**
   * @param spGlobal the index of the stack-pointer global (see {@link #findStackPointerGlobal})
   * @param bodies a function's body region (after its size LEB128), or null for imports
   */
  public PrologueAnalyzer(long spGlobal, LongFunction<ByteRegion> bodies) {
    this(spGlobal, bodies, Set.of());
  }

  /**
   * @param spGlobal the index of the stack-pointer global (see {@link #findStackPointerGlobal})
   * @param bodies a function's body region (after its size LEB128), or null for imports
   * @param memoryFunctions indices of functions taking three arguments and returning the first (memset, memcpy,
   *     memmove; see {@link #findMemoryFunctions})
   */
  public PrologueAnalyzer(long spGlobal, LongFunction<ByteRegion> bodies, Set<Long> memoryFunctions) {
    this.spGlobal = spGlobal;
    this.bodies = Objects.requireNonNull(bodies);
    this.memoryFunctions = Set.copyOf(memoryFunctions);
  }

  /** An analyzer over a module's bodies, with the module's memset/memcpy/memmove found by name. */
  public static PrologueAnalyzer of(WasmModule module, long spGlobal) {
    return new PrologueAnalyzer(spGlobal, f -> module.body(f).map(b -> b.body()).orElse(null),
        findMemoryFunctions(module));
  }

  /**
   * The functions named {@code memset}, {@code memcpy} or {@code memmove} in the name section whose type is
   * {@code (t, x, y) -> t} (three parameters, one result of the first parameter's type), as wasi-libc and Rust's
   * compiler-builtins define them; a function of another type with such a name is left out.
   */
  public static Set<Long> findMemoryFunctions(WasmModule module) {
    Set<Long> out = new TreeSet<>();
    module.names().map(n -> n.nameMap(dev.wasmcore.wasm.NameSection.FUNCTIONS)).ifPresent(m -> {
      for (Map.Entry<Long, String> e : m.entrySet()) {
        if (!MEMORY_FUNCTION_NAMES.contains(e.getValue()) || e.getKey() < 0
            || e.getKey() >= module.functionCount()) {
          continue;
        }
        try {
          dev.wasmcore.wasm.FuncType t = module.functionType(e.getKey());
          if (t.params().size() == 3 && t.results().size() == 1 && t.results().get(0).equals(t.params().get(0))) {
            out.add(e.getKey());
          }
        } catch (RuntimeException ex) {
          // a name for a function whose type cannot be read: not used
        }
      }
    });
    return out;
  }

  /**
   * The stack-pointer global by its name-section name {@code __stack_pointer}; empty when the module has no such
   * name (then take it from DWARF: a frame base {@code DW_OP_WASM_location 0x3 N} names global N).
   */
  public static OptionalLong findStackPointerGlobal(WasmModule module) {
    return module.names().map(n -> n.nameMap(dev.wasmcore.wasm.NameSection.GLOBALS)).stream()
        .flatMap(m -> m.entrySet().stream()).filter(e -> e.getValue().equals("__stack_pointer"))
        .mapToLong(Map.Entry::getKey).findFirst();
  }

  public long spGlobal() {
    return spGlobal;
  }

  /** The (cached) analysis of a function. */
  public PrologueInfo info(long funcIndex) {
    return cache.computeIfAbsent(funcIndex, f -> {
      ByteRegion body;
      try {
        body = bodies.apply(f);
      } catch (RuntimeException e) {
        return unknown(f, "no body: " + e.getMessage(), false, -1, Map.of());
      }
      if (body == null) {
        return unknown(f, "function " + f + " has no body (imported)", false, -1, Map.of());
      }
      return analyze(f, body, spGlobal, memoryFunctions);
    });
  }

  // ------------------------------------------------------------------------------------------------ values

  /** An abstract value: {@code SP_entry + delta}, a constant, or unknown. */
  private record Val(int kind, long n) {
    static final int UNKNOWN = 0;
    static final int SP = 1;
    static final int CONST = 2;
    static final Val TOP = new Val(UNKNOWN, 0);

    static Val sp(long delta) {
      return new Val(SP, delta);
    }

    static Val constant(long v) {
      return new Val(CONST, v);
    }
  }

  private static Val add(Val a, Val b, boolean wide) {
    if (a.kind == Val.CONST && b.kind == Val.CONST) {
      return Val.constant(wrap(a.n + b.n, wide));
    }
    if (a.kind == Val.SP && b.kind == Val.CONST) {
      return Val.sp(a.n + signed(b.n, wide));
    }
    if (a.kind == Val.CONST && b.kind == Val.SP) {
      return Val.sp(b.n + signed(a.n, wide));
    }
    return Val.TOP;
  }

  private static Val sub(Val a, Val b, boolean wide) {
    if (a.kind == Val.CONST && b.kind == Val.CONST) {
      return Val.constant(wrap(a.n - b.n, wide));
    }
    if (a.kind == Val.SP && b.kind == Val.CONST) {
      return Val.sp(a.n - signed(b.n, wide));
    }
    if (a.kind == Val.SP && b.kind == Val.SP) {
      return Val.constant(a.n - b.n);
    }
    return Val.TOP;
  }

  private static long wrap(long v, boolean wide) {
    return wide ? v : (int) v;
  }

  private static long signed(long v, boolean wide) {
    return wide ? v : (int) v;
  }

  // ------------------------------------------------------------------------------------------------ analysis

  private static PrologueInfo unknown(long f, String reason, boolean preserves, long end,
      Map<Long, PrologueInfo.LocalValue> locals) {
    return new PrologueInfo(f, false, reason, 0, false, -1, locals, preserves, end);
  }


  /** Analyses one body (uncached), with no memory functions known. */
  public static PrologueInfo analyze(long funcIndex, ByteRegion body, long spGlobal) {
    return analyze(funcIndex, body, spGlobal, Set.of());
  }

  /**
   * Analyses one body (uncached).
   *
   * @param memoryFunctions indices of functions {@code (dest, x, n) -> dest} (memset, memcpy, memmove)
   */
  public static PrologueInfo analyze(long funcIndex, ByteRegion body, long spGlobal, Set<Long> memoryFunctions) {
    FunctionDisassembly d;
    try {
      d = FunctionDisassembly.decode(funcIndex, body);
    } catch (MalformedInputException e) {
      return unknown(funcIndex, "body cannot be read: " + e.getMessage(), false, -1, Map.of());
    }
    if (!d.complete()) {
      return unknown(funcIndex, "body cannot be fully decoded: " + d.stopReason(), false, -1, Map.of());
    }
    return new Run(funcIndex, d, spGlobal, memoryFunctions).run();
  }

  private static final class Run {
    private final long funcIndex;
    private final FunctionDisassembly d;
    private final List<WasmInstruction> code;
    private final long spGlobal;
    private final long bodyStart;
    private final Map<Long, Integer> writes = new HashMap<>();
    /** The instruction index of each local's last write in the body (the only one when {@code writes} is 1). */
    private final Map<Long, Integer> writeIndex = new HashMap<>();
    private final Map<Long, List<Integer>> allWrites = new HashMap<>();
    private final List<Integer> spSets = new ArrayList<>();
    private final List<Integer> spGets = new ArrayList<>();
    private final Map<Long, Val> env = new HashMap<>();
    private final Map<Long, Val> assignedValue = new LinkedHashMap<>();
    private final Map<Long, Long> assignedAt = new HashMap<>();
    private final Map<Long, Integer> assignedIndex = new HashMap<>();
    private final Set<Long> memoryFunctions;
    /** Where each tracked local holds its prologue value (from {@link #holds}), for the epilogue check. */
    private Map<Long, List<PrologueInfo.Range>> holdRanges = Map.of();

    Run(long funcIndex, FunctionDisassembly d, long spGlobal, Set<Long> memoryFunctions) {
      this.funcIndex = funcIndex;
      this.memoryFunctions = memoryFunctions;
      this.d = d;
      this.code = d.instructions();
      this.spGlobal = spGlobal;
      this.bodyStart = d.bodyStart();
    }

    private long offset(int i) {
      return code.get(i).fileOffset() - bodyStart;
    }

    private static long index(WasmInstruction insn) {
      return ((Immediate.Index) insn.immediates().get(0)).value();
    }

    /** A {@code call} of memset, memcpy or memmove: {@code (dest, x, n) -> dest}. */
    private boolean isMemoryCall(WasmInstruction insn) {
      return insn.prefix() == 0 && insn.opcode() == 0x10 && memoryFunctions.contains(index(insn));
    }

    private boolean isSpSet(WasmInstruction insn) {
      return insn.prefix() == 0 && insn.opcode() == 0x24 && index(insn) == spGlobal;
    }

    PrologueInfo run() {
      for (int i = 0; i < code.size(); i++) {
        WasmInstruction insn = code.get(i);
        if (insn.prefix() != 0) {
          continue;
        }
        if (insn.opcode() == 0x21 || insn.opcode() == 0x22) {
          writes.merge(index(insn), 1, Integer::sum);
          writeIndex.put(index(insn), i);
          allWrites.computeIfAbsent(index(insn), x -> new ArrayList<>()).add(i);
        } else if (insn.opcode() == 0x24 && index(insn) == spGlobal) {
          spSets.add(i);
        } else if (insn.opcode() == 0x23 && index(insn) == spGlobal) {
          spGets.add(i);
        }
      }
      boolean preserves = spSets.isEmpty();
      // Forward pass over the straight-line prologue.
      List<Val> stack = new ArrayList<>();
      int writeBack = -1;
      long writeBackDelta = 0;
      boolean conditional = false;
      String failure = null;
      int i = 0;
      loop:
      for (; i < code.size(); i++) {
        WasmInstruction insn = code.get(i);
        if (insn.prefix() != 0) {
          // Bulk memory copies and fills (memset/memcpy inlined): three operands, no result.
          if (insn.prefix() == 0xFC && (insn.opcode() == 10 || insn.opcode() == 11)) {
            if (!pop(stack, 3)) {
              break;
            }
            continue;
          }
          break;
        }
        int op = insn.opcode();
        switch (op) {
          case 0x41, 0x42 -> stack.add(Val.constant(op == 0x41
              ? ((Immediate.I32) insn.immediates().get(0)).value() : ((Immediate.I64) insn.immediates().get(0))
                  .value()));
          case 0x20 -> stack.add(env.getOrDefault(index(insn), Val.TOP));
          case 0x21, 0x22 -> {
            if (stack.isEmpty()) {
              failure = "operand stack underflow at +" + offset(i);
              break loop;
            }
            Val v = op == 0x21 ? stack.remove(stack.size() - 1) : stack.get(stack.size() - 1);
            long local = index(insn);
            env.put(local, v);
            if (!conditional && !(v.equals(assignedValue.get(local)) && storesOwnCopy(i, local))) {
              // Only assignments every execution passes count as the prologue's; after a br_if or into an if arm
              // the pass follows one path, whose writes may not happen. L = memset(L, ...) keeps L's earlier
              // assignment as the prologue's (the value is the same; the data-flow pass treats the write the same way).
              assignedValue.put(local, v);
              assignedAt.put(local, offset(i));
              assignedIndex.put(local, i);
            }
          }
          case 0x23 -> stack.add(index(insn) == spGlobal
              ? (writeBack >= 0 ? Val.sp(writeBackDelta) : Val.sp(0)) : Val.TOP);
          case 0x24 -> {
            if (stack.isEmpty()) {
              failure = "operand stack underflow at +" + offset(i);
              break loop;
            }
            Val v = stack.remove(stack.size() - 1);
            if (index(insn) != spGlobal) {
              continue;
            }
            if (writeBack >= 0) {
              break loop; // a second set in straight-line code: an early epilogue; the whole-body check judges it
            }
            if (v.kind != Val.SP || v.n > 0) {
              failure = "the stack pointer is set at +" + offset(i)
                  + " to a value computed at run time (dynamic allocation or stack realignment)";
              break loop;
            }
            if (conditional) {
              failure = "the stack frame is allocated at +" + offset(i)
                  + " only on some paths (after a conditional branch)";
              break loop;
            }
            writeBack = i;
            writeBackDelta = v.n;
          }
          case 0x6A, 0x7C -> binary(stack, true, op == 0x7C);
          case 0x6B, 0x7D -> binary(stack, false, op == 0x7D);
          case 0x10 -> {
            // memset/memcpy/memmove return their destination; any other call ends the prologue.
            if (!isMemoryCall(insn) || stack.size() < 3) {
              break loop;
            }
            Val dest = stack.get(stack.size() - 3);
            pop(stack, 3);
            stack.add(dest);
          }
          case 0x02, 0x03 -> {
            if (!simpleBlock(insn)) {
              break loop;
            }
          }
          case 0x04 -> {
            if (!simpleBlock(insn) || !pop(stack, 1)) {
              break loop;
            }
            conditional = true;
          }
          case 0x0D -> {
            if (!pop(stack, 1)) {
              break loop;
            }
            conditional = true;
          }
          default -> {
            int[] effect = effect(op);
            if (effect == null || !pop(stack, effect[0])) {
              break loop;
            }
            for (int k = 0; k < effect[1]; k++) {
              stack.add(Val.TOP);
            }
          }
        }
      }
      long prologueEnd = i < code.size() ? offset(i) : d.body().length();

      Map<Long, PrologueInfo.LocalValue> locals = new LinkedHashMap<>();
      long lowest = 0;
      Map<Long, Integer> tracked = new LinkedHashMap<>();
      for (Map.Entry<Long, Val> e : assignedValue.entrySet()) {
        if (e.getValue().kind == Val.SP && tracked.size() < 64) {
          tracked.put(e.getKey(), assignedIndex.get(e.getKey()));
        }
      }
      Map<Long, List<PrologueInfo.Range>> holds = holds(tracked);
      holdRanges = holds;
      for (long local : tracked.keySet()) {
        Val v = assignedValue.get(local);
        long at = assignedAt.get(local);
        List<Long> others = new ArrayList<>();
        for (int w : allWrites.getOrDefault(local, List.of())) {
          if (offset(w) != at) {
            others.add(offset(w));
          }
        }
        locals.put(local, new PrologueInfo.LocalValue(v.n, at, others, holds.getOrDefault(local, List.of())));
        lowest = Math.min(lowest, v.n);
      }
      if (failure != null) {
        return unknown(funcIndex, failure, preserves, prologueEnd, locals);
      }
      if (writeBack >= 0) {
        long frameSize = -writeBackDelta;
        for (int s : spSets) {
          if (s == writeBack) {
            continue;
          }
          Val restored = evalBack(s - 1, 0, frameSize, writeBack, new int[1]);
          if (restored.kind != Val.SP || restored.n != 0) {
            return unknown(funcIndex, "the stack pointer is set at +" + offset(s)
                + " to a value other than the entry value (dynamic allocation?)", false, prologueEnd, locals);
          }
        }
        return new PrologueInfo(funcIndex, true, null, frameSize, true, offset(writeBack), locals, false,
            prologueEnd);
      }
      if (!spSets.isEmpty()) {
        return unknown(funcIndex, "the stack pointer is set at +" + offset(spSets.get(0))
            + ", outside the straight-line prologue", false, prologueEnd, locals);
      }
      for (int g : spGets) {
        if (offset(g) >= prologueEnd) {
          return unknown(funcIndex, "the stack pointer is read at +" + offset(g)
              + ", after the straight-line prologue: frame size unknown", true, prologueEnd, locals);
        }
      }
      return new PrologueInfo(funcIndex, true, null, -lowest, false, -1, locals, true, prologueEnd);
    }

    /** One entry of the control stack of the data-flow pass. */
    private static final class Ctl {
      final int op;
      final int index;
      final long entry;
      final boolean entryLive;
      long label;
      boolean labelSet;
      boolean hasElse;

      Ctl(int op, int index, long entry, boolean entryLive) {
        this.op = op;
        this.index = index;
        this.entry = entry;
        this.entryLive = entryLive;
      }

      void join(long state, boolean live) {
        if (!live) {
          return;
        }
        label = labelSet ? label & state : state;
        labelSet = true;
      }
    }

    /**
     * Where each tracked local still holds its prologue value: a forward "must" data-flow pass over the structured
     * control flow. The state is one bit per tracked local (set = holds on every path so far); joins are AND;
     * a {@code loop}'s header state joins the states of its back edges, iterated until they no longer change.
     * Exception handlers start with nothing holding (conservative). Returns, per local, the code offset ranges of
     * the instructions reached with the bit set.
     */
    private Map<Long, List<PrologueInfo.Range>> holds(Map<Long, Integer> tracked) {
      List<Long> keys = new ArrayList<>(tracked.keySet());
      Map<Long, Integer> bitOf = new HashMap<>();
      for (int b = 0; b < keys.size(); b++) {
        bitOf.put(keys.get(b), b);
      }
      int n = code.size();
      long[] before = new long[n];
      boolean[] reached = new boolean[n];
      Map<Integer, Long> backEdges = new HashMap<>();
      boolean converged = false;
      for (int iteration = 0; iteration < 32 && !converged; iteration++) {
        converged = true;
        List<Ctl> ctl = new ArrayList<>();
        ctl.add(new Ctl(0x02, -1, 0, true));
        long state = 0;
        boolean live = true;
        for (int i = 0; i < n && !ctl.isEmpty(); i++) {
          WasmInstruction insn = code.get(i);
          before[i] = live ? state : 0;
          reached[i] = live;
          if (insn.prefix() != 0) {
            continue;
          }
          int op = insn.opcode();
          switch (op) {
            case 0x21, 0x22 -> {
              Integer bit = bitOf.get(index(insn));
              if (bit != null && live) {
                if (tracked.get(keys.get(bit)) == i) {
                  state |= 1L << bit;
                } else if (!storesOwnCopy(i, index(insn))) {
                  state &= ~(1L << bit);
                }
              }
            }
            case 0x02, 0x06, 0x1F -> ctl.add(new Ctl(op, i, state, live));
            case 0x03 -> {
              Long back = backEdges.get(i);
              if (back != null) {
                state = live ? state & back : back;
                live = true;
              }
              ctl.add(new Ctl(op, i, state, live));
            }
            case 0x04 -> ctl.add(new Ctl(op, i, state, live));
            case 0x05 -> {
              Ctl top = ctl.get(ctl.size() - 1);
              top.join(state, live);
              top.hasElse = true;
              state = top.entry;
              live = top.entryLive;
            }
            case 0x07, 0x19 -> { // catch, catch_all: reached from anywhere in the try body
              ctl.get(ctl.size() - 1).join(state, live);
              state = 0;
              live = true;
            }
            case 0x0B, 0x18 -> {
              Ctl top = ctl.remove(ctl.size() - 1);
              if (top.op == 0x04 && !top.hasElse) {
                top.join(top.entry, top.entryLive);
              }
              if (top.op != 0x03 && top.labelSet) {
                state = live ? state & top.label : top.label;
                live = true;
              }
            }
            case 0x0C, 0x0D, 0xD4, 0xD6 -> {
              if (live && !branch(ctl, index(insn), state, backEdges)) {
                converged = false;
              }
              if (op == 0x0C) {
                live = false;
              }
            }
            case 0x0E -> {
              Immediate.BrTable t = (Immediate.BrTable) insn.immediates().get(0);
              if (live) {
                for (long l : t.labels()) {
                  converged &= branch(ctl, l, state, backEdges);
                }
                converged &= branch(ctl, t.defaultLabel(), state, backEdges);
              }
              live = false;
            }
            case 0x00, 0x08, 0x09, 0x0A, 0x0F, 0x12, 0x13, 0x15 -> live = false;
            default -> { }
          }
        }
      }
      Map<Long, List<PrologueInfo.Range>> out = new HashMap<>();
      if (!converged) {
        return out; // give no ranges rather than guess
      }
      for (int b = 0; b < keys.size(); b++) {
        List<PrologueInfo.Range> ranges = new ArrayList<>();
        long start = -1;
        for (int i = 0; i <= n; i++) {
          boolean h = i < n && reached[i] && (before[i] & (1L << b)) != 0;
          if (h && start < 0) {
            start = offset(i);
          } else if (!h && start >= 0) {
            ranges.add(new PrologueInfo.Range(start, i < n ? offset(i) : d.body().length()));
            start = -1;
          }
        }
        out.put(keys.get(b), ranges);
      }
      return out;
    }

    /** Joins a branch's state into its target; false when a loop's back-edge state changed (iterate again). */
    private static boolean branch(List<Ctl> ctl, long label, long state, Map<Integer, Long> backEdges) {
      if (label < 0 || label >= ctl.size()) {
        return true;
      }
      Ctl target = ctl.get(ctl.size() - 1 - (int) label);
      if (target.op != 0x03) {
        target.join(state, true);
        return true;
      }
      Long prev = backEdges.get(target.index);
      long next = prev == null ? state : prev & state;
      if (prev != null && prev == next) {
        return true;
      }
      backEdges.put(target.index, next);
      return false;
    }

    private static boolean pop(List<Val> stack, int n) {
      if (stack.size() < n) {
        return false;
      }
      for (int k = 0; k < n; k++) {
        stack.remove(stack.size() - 1);
      }
      return true;
    }

    private static void binary(List<Val> stack, boolean isAdd, boolean wide) {
      if (stack.size() < 2) {
        stack.clear();
        stack.add(Val.TOP);
        return;
      }
      Val b = stack.remove(stack.size() - 1);
      Val a = stack.remove(stack.size() - 1);
      stack.add(isAdd ? add(a, b, wide) : sub(a, b, wide));
    }

    /** A block whose type takes no parameters (empty or one result): the stack model needs no change on entry. */
    private static boolean simpleBlock(WasmInstruction insn) {
      Immediate.BlockType bt = (Immediate.BlockType) insn.immediates().get(0);
      return bt.typeIndex() < 0;
    }

    /**
     * True when the {@code local.set/tee L} at {@code i} writes back L's own value: {@code L = memcpy(L, x, n)}
     * (Rust's release builds copy into the frame that way), so whether L holds its prologue value is unchanged.
     */
    private boolean storesOwnCopy(int i, long local) {
      if (i < 1 || !isMemoryCall(code.get(i - 1))) {
        return false;
      }
      int third = exprStart(i - 2);
      int second = third <= 0 ? -1 : exprStart(third - 1);
      if (second <= 0) {
        return false;
      }
      WasmInstruction dest = code.get(second - 1);
      return dest.prefix() == 0 && dest.opcode() == 0x20 && index(dest) == local;
    }

    private boolean holdsAt(long local, long codeOffset) {
      for (PrologueInfo.Range r : holdRanges.getOrDefault(local, List.of())) {
        if (codeOffset >= r.start() && codeOffset < r.end()) {
          return true;
        }
      }
      return false;
    }

    /**
     * The index of the first instruction of the expression whose one value instruction {@code k} leaves on the
     * stack, found by counting stack effects backwards over value-producing instructions; -1 when an instruction
     * on the way has no known effect, leaves nothing (a store, a {@code local.set}: the operands are not one
     * expression) or control flow.
     */
    private int exprStart(int k) {
      int need = 1;
      for (int j = k; j >= 0 && k - j < 64; j--) {
        WasmInstruction insn = code.get(j);
        if (insn.prefix() != 0) {
          return -1;
        }
        int op = insn.opcode();
        int[] e = switch (op) {
          case 0x41, 0x42, 0x20, 0x23 -> new int[] {0, 1};
          case 0x22 -> new int[] {1, 1};
          case 0x10 -> isMemoryCall(insn) ? new int[] {3, 1} : null;
          default -> effect(op);
        };
        if (e == null || e[1] == 0 || e[1] > need) {
          return -1;
        }
        need = need - e[1] + e[0];
        if (need == 0) {
          return j;
        }
      }
      return -1;
    }

    /**
     * Evaluates, backwards over pure instructions, the value that instruction {@code k} leaves on the stack, with the
     * stable prologue locals and the global's value after the write-back ({@code SP_entry - frameSize}).
     * {@code start[0]} receives the index of the first instruction of that expression.
     */
    private Val evalBack(int k, int depth, long frameSize, int writeBack, int[] start) {
      if (k < 0 || depth > 16) {
        return Val.TOP;
      }
      WasmInstruction insn = code.get(k);
      start[0] = k;
      if (insn.prefix() != 0) {
        return Val.TOP;
      }
      switch (insn.opcode()) {
        case 0x41:
          return Val.constant(((Immediate.I32) insn.immediates().get(0)).value());
        case 0x42:
          return Val.constant(((Immediate.I64) insn.immediates().get(0)).value());
        case 0x20: {
          // A local written exactly once in the whole body holds the value of that write wherever it is read
          // after it (-O0 code passes every intermediate value, constants included, through its own local).
          long local = index(insn);
          if (writes.getOrDefault(local, 0) != 1) {
            // A reused local: its prologue value counts where the data-flow pass proved it holds on every path.
            Val v = assignedValue.get(local);
            return v != null && v.kind == Val.SP && holdsAt(local, offset(k)) ? v : Val.TOP;
          }
          Val v = assignedValue.get(local);
          if (v != null) {
            return v;
          }
          int w = writeIndex.get(local);
          return w < k ? evalBack(w - 1, depth + 1, frameSize, writeBack, new int[1]) : Val.TOP;
        }
        case 0x22:
          return evalBack(k - 1, depth + 1, frameSize, writeBack, start);
        case 0x10: {
          // memset/memcpy/memmove(dest, x, n) returns dest: skip n and x, evaluate dest.
          if (!isMemoryCall(insn)) {
            return Val.TOP;
          }
          int third = exprStart(k - 1);
          int second = third <= 0 ? -1 : exprStart(third - 1);
          if (second <= 0) {
            return Val.TOP;
          }
          return evalBack(second - 1, depth + 1, frameSize, writeBack, start);
        }
        case 0x23:
          // Between the write-back and a restore, the global holds SP_entry - frameSize.
          return index(insn) == spGlobal && k > writeBack ? Val.sp(-frameSize) : Val.TOP;
        case 0x6A:
        case 0x6B:
        case 0x7C:
        case 0x7D: {
          Val rhs = evalBack(k - 1, depth + 1, frameSize, writeBack, start);
          Val lhs = evalBack(start[0] - 1, depth + 1, frameSize, writeBack, start);
          boolean wide = insn.opcode() >= 0x7C;
          return insn.opcode() == 0x6A || insn.opcode() == 0x7C ? add(lhs, rhs, wide) : sub(lhs, rhs, wide);
        }
        default:
          return Val.TOP;
      }
    }
  }

  /**
   * Stack effect {pops, pushes} of the plain single-byte instructions the forward pass lets through with unknown
   * results; null for everything it stops at (control flow, calls, and anything not listed).
   */
  static int[] effect(int op) {
    if (op == 0x01) {
      return new int[] {0, 0}; // nop
    }
    if (op == 0x1A) {
      return new int[] {1, 0}; // drop
    }
    if (op == 0x1B) {
      return new int[] {3, 1}; // select
    }
    if (op >= 0x28 && op <= 0x35) {
      return new int[] {1, 1}; // loads
    }
    if (op >= 0x36 && op <= 0x3E) {
      return new int[] {2, 0}; // stores
    }
    if (op == 0x3F) {
      return new int[] {0, 1}; // memory.size
    }
    if (op == 0x40) {
      return new int[] {1, 1}; // memory.grow
    }
    if (op == 0x43 || op == 0x44) {
      return new int[] {0, 1}; // f32/f64.const
    }
    if (op == 0x45 || op == 0x50) {
      return new int[] {1, 1}; // eqz
    }
    if ((op >= 0x46 && op <= 0x4F) || (op >= 0x51 && op <= 0x66)) {
      return new int[] {2, 1}; // comparisons
    }
    if ((op >= 0x67 && op <= 0x69) || (op >= 0x79 && op <= 0x7B) || (op >= 0x8B && op <= 0x91)
        || (op >= 0x99 && op <= 0x9F) || (op >= 0xA7 && op <= 0xC4)) {
      return new int[] {1, 1}; // unary numeric and conversions
    }
    if ((op >= 0x6A && op <= 0x78) || (op >= 0x7C && op <= 0x8A) || (op >= 0x92 && op <= 0x98)
        || (op >= 0xA0 && op <= 0xA6)) {
      return new int[] {2, 1}; // binary numeric
    }
    return null;
  }
}
