package dev.wasmcore.inspect.session;

import dev.wasmcore.wasm.WasmValue;
import dev.wasmcore.wasm.prologue.PrologueInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds frame bases for frames whose dump lacks their locals (wasmtime dumps; issue 11, "Frame bases without
 * locals"). LLVM's wasm prologue reads the stack-pointer global, subtracts the frame size, keeps the result in a
 * local (the DWARF frame base) and usually writes it back. So, walking from the youngest frame: its base is the
 * global's value at the trap when it wrote the pointer back before the trap offset, else the value minus its frame
 * size; each caller's base is its callee's base plus the callee's frame size. Where a prologue cannot be analysed
 * the walk stops, and that frame and those above it keep their memory variables unavailable, with the reason.
 */
final class FrameBaseWalk {
  private FrameBaseWalk() {}

  /** Analyses a function's prologue for the stack-pointer global (cached per module by the implementation). */
  interface Analyzer {
    PrologueInfo analyse(LoadedModule m, long funcIndex, long spGlobal);
  }

  static volatile Analyzer analyzer = Prologues.INSTANCE;

  /** Rebuilds what it can for one thread's frames (youngest first). */
  static void apply(List<PhysicalFrame> frames) {
    if (frames.isEmpty()) {
      return;
    }
    boolean anyMissing = false;
    for (PhysicalFrame pf : frames) {
      if (!pf.dumpHasLocals()) {
        anyMissing = true;
        break;
      }
    }
    if (!anyMissing) {
      return;
    }
    PhysicalFrame top = frames.get(0);
    long sp = StackPointer.globalIndex(top.module, frames);
    if (sp < 0) {
      String why = "no stack-pointer global (no __stack_pointer name, no frame base naming a global)";
      for (PhysicalFrame pf : frames) {
        pf.setRebuilt(new FrameBases.Result(Map.of(), why, Map.of()));
      }
      return;
    }
    WasmValue spv = top.dump.instanceGlobal(top.frame.instanceIndex(), sp);
    if (spv.isMissing() || (spv.kind() != WasmValue.Kind.I32 && spv.kind() != WasmValue.Kind.I64)) {
      String why = "the stack-pointer global " + sp + " is not in the dump";
      for (PhysicalFrame pf : frames) {
        pf.setRebuilt(new FrameBases.Result(Map.of(), why, Map.of()));
      }
      return;
    }
    long mask = spv.kind() == WasmValue.Kind.I32 ? 0xFFFFFFFFL : -1L;
    long current = PhysicalFrame.bitsOf(spv);
    String stop = null;
    for (int i = 0; i < frames.size(); i++) {
      PhysicalFrame pf = frames.get(i);
      if (stop != null) {
        pf.setRebuilt(new FrameBases.Result(Map.of(), stop, Map.of()));
        continue;
      }
      PrologueInfo p = analyzer.analyse(pf.module, pf.frame.funcIndex(), sp);
      long at = pf.frame.codeOffset().value();
      if (!p.known()) {
        String why = "frame base not rebuilt: the prologue of func[" + pf.frame.funcIndex() + "] (" + nameOf(pf)
            + ") could not be analysed: " + p.reason();
        pf.setRebuilt(new FrameBases.Result(Map.of(), why, Map.of()));
        if (p.preservesStackPointer()) {
          // It never moves the stack pointer: its caller still sees the same value.
          continue;
        }
        stop = why;
        continue;
      }
      long base;
      if (i == 0) {
        base = p.wroteBackBefore(at) || p.frameSize() == 0 ? current : (current - p.frameSize()) & mask;
      } else {
        base = current;
      }
      long entry = (base + p.frameSize()) & mask;
      Map<Long, Long> locals = new HashMap<>();
      for (Map.Entry<Long, PrologueInfo.LocalValue> e : p.locals().entrySet()) {
        PrologueInfo.LocalValue lv = e.getValue();
        // Only values that still hold at this frame's offset: assigned before it and never overwritten.
        if (lv.stable() && lv.assignedAt() < at) {
          locals.put(e.getKey(), (entry + lv.spDelta()) & mask);
        }
      }
      pf.setRebuilt(new FrameBases.Result(Map.copyOf(locals), null, Map.of()));
      pf.setRebuiltBase(base);
      current = entry;
    }
  }

  private static String nameOf(PhysicalFrame pf) {
    String n = pf.module.functionName(pf.frame.funcIndex());
    return n == null ? "unnamed" : n;
  }
}
