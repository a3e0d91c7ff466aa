package dev.wasmcore.inspect.session;

import dev.wasmcore.wasm.WasmValue;
import dev.wasmcore.wasm.prologue.PrologueAnalyzer;
import dev.wasmcore.wasm.prologue.StackWalk;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds frame bases for frames whose dump lacks their locals (wasmtime dumps; issue 11, "Frame bases without
 * locals"): the stack-pointer global (by name, else the global the DWARF frame bases name), its value at the trap,
 * and each function's prologue analysis go through {@link StackWalk}; each frame gets the rebuilt values of the
 * locals its prologue set from the stack pointer (the DWARF frame base among them), or the reason the walk stopped.
 * Values the dump has always win: rebuilt ones only fill locals the dump lacks.
 */
final class FrameBaseWalk {
  private FrameBaseWalk() {}

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
    LoadedModule module = top.module;
    long sp = StackPointer.globalIndex(module, frames);
    if (sp < 0) {
      reasonForAll(frames, "no stack-pointer global (no __stack_pointer name, no frame base naming a global)");
      return;
    }
    WasmValue spv = top.dump.instanceGlobal(top.frame.instanceIndex(), sp);
    if (spv.isMissing() || (spv.kind() != WasmValue.Kind.I32 && spv.kind() != WasmValue.Kind.I64)) {
      reasonForAll(frames, "the stack-pointer global " + sp + " is not in the dump");
      return;
    }
    PrologueAnalyzer analyzer = module.prologues(sp);
    List<StackWalk.FrameRef> refs = new ArrayList<>();
    for (PhysicalFrame pf : frames) {
      refs.add(new StackWalk.FrameRef(pf.frame.funcIndex(), pf.frame.codeOffset().value()));
    }
    // Frames of another module have another stack pointer: their prologues are not this analyzer's.
    List<StackWalk.FrameBase> walked = StackWalk.walk(PhysicalFrame.bitsOf(spv), refs, f -> analyzer.info(f),
        spv.kind() == WasmValue.Kind.I64);
    for (int i = 0; i < frames.size(); i++) {
      PhysicalFrame pf = frames.get(i);
      StackWalk.FrameBase fb = walked.get(i);
      if (pf.module != module) {
        pf.setRebuilt(new FrameBases.Result(Map.of(), "frame of another module: its stack pointer is unknown"));
        continue;
      }
      String reason = fb.reason() == null ? null : "frame base not rebuilt: " + fb.reason();
      pf.setRebuilt(new FrameBases.Result(fb.locals(), reason));
      if (fb.frameBase().isPresent()) {
        pf.setRebuiltBase(fb.frameBase().getAsLong());
      }
    }
  }

  private static void reasonForAll(List<PhysicalFrame> frames, String why) {
    for (PhysicalFrame pf : frames) {
      pf.setRebuilt(new FrameBases.Result(Map.of(), why));
    }
  }
}
