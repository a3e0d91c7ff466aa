package dev.wasmcore.wasm.prologue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.LongFunction;

/**
 * Rebuilds the stack pointer and frame base of every frame of a dump without locals (wasmtime) from the
 * stack-pointer global's value at the trap and each function's {@link PrologueInfo}.
 *
 * <p>Walking from the youngest frame, {@code G} is the global's value while that frame runs at its code offset (for
 * the trapping frame, the value in the dump). If the function's prologue wrote the global back before that offset,
 * its frame base is {@code G} and it was entered with {@code SP_entry = G + frameSize}; otherwise the global still
 * holds its entry value, so {@code SP_entry = G} and the base is {@code G - frameSize}. The caller was running with
 * the global at the callee's {@code SP_entry} (it is at the call instruction), so that is the next frame's {@code G}.
 * A frame whose prologue is unknown but that never sets the global passes {@code G} through unchanged; any other
 * unknown prologue stops the walk there: that frame and all older ones get the reason instead of values.
 */
public final class StackWalk {
  private StackWalk() {}

  /** One frame to walk: its function and its code offset (body-relative; the call instruction for callers). */
  public record FrameRef(long funcIndex, long codeOffset) {}

  /**
   * The rebuilt state of one frame.
   *
   * @param index position in the walk, 0 = youngest
   * @param spGlobal the stack-pointer global's value while the frame runs at its offset, if known
   * @param spAtEntry the global's value when the function was entered, if known
   * @param frameBase the bottom of the function's frame ({@code SP_entry - frameSize}), if known
   * @param locals rebuilt values of the locals the prologue set from the stack pointer and that still hold them at
   *     the frame's offset ({@link PrologueInfo#valueHoldsAt}), by local index
   * @param reason why values are missing, or null when all are known
   */
  public record FrameBase(int index, long funcIndex, long codeOffset, OptionalLong spGlobal, OptionalLong spAtEntry,
      OptionalLong frameBase, Map<Long, Long> locals, String reason) {
    public FrameBase {
      locals = Map.copyOf(locals);
    }
  }

  /**
   * Walks the frames.
   *
   * @param spAtTrap the stack-pointer global's value in the dump
   * @param frames youngest first
   * @param prologues a function's analysis (usually {@link PrologueAnalyzer#info})
   * @param memory64 false to wrap rebuilt addresses to 32 bits (wasm32), true for 64-bit memories
   */
  public static List<FrameBase> walk(long spAtTrap, List<FrameRef> frames, LongFunction<PrologueInfo> prologues,
      boolean memory64) {
    Objects.requireNonNull(frames);
    List<FrameBase> out = new ArrayList<>(frames.size());
    long g = mask(spAtTrap, memory64);
    String stop = null;
    for (int i = 0; i < frames.size(); i++) {
      FrameRef f = frames.get(i);
      if (stop != null) {
        out.add(new FrameBase(i, f.funcIndex(), f.codeOffset(), OptionalLong.empty(), OptionalLong.empty(),
            OptionalLong.empty(), Map.of(), stop));
        continue;
      }
      PrologueInfo p = prologues.apply(f.funcIndex());
      if (p == null || (!p.known() && !p.preservesStackPointer())) {
        String why = p == null ? "no prologue analysis" : p.reason();
        stop = "stack pointer unknown from frame " + i + " (function " + f.funcIndex() + ") on: " + why;
        out.add(new FrameBase(i, f.funcIndex(), f.codeOffset(), OptionalLong.of(g), OptionalLong.empty(),
            OptionalLong.empty(), Map.of(), stop));
        continue;
      }
      long entry;
      OptionalLong base;
      String reason = null;
      if (!p.known()) {
        entry = g; // never sets the global: it still holds the entry value
        base = OptionalLong.empty();
        reason = "frame size of function " + f.funcIndex() + " unknown: " + p.reason();
      } else if (p.wroteBackBefore(f.codeOffset())) {
        entry = mask(g + p.frameSize(), memory64);
        base = OptionalLong.of(g);
      } else {
        entry = g;
        base = OptionalLong.of(mask(g - p.frameSize(), memory64));
      }
      Map<Long, Long> locals = new LinkedHashMap<>();
      for (Map.Entry<Long, PrologueInfo.LocalValue> e : p.locals().entrySet()) {
        if (p.valueHoldsAt(e.getKey(), f.codeOffset())) {
          locals.put(e.getKey(), mask(entry + e.getValue().spDelta(), memory64));
        }
      }
      out.add(new FrameBase(i, f.funcIndex(), f.codeOffset(), OptionalLong.of(g), OptionalLong.of(entry), base,
          locals, reason));
      g = entry;
    }
    return out;
  }

  private static long mask(long v, boolean memory64) {
    return memory64 ? v : v & 0xFFFF_FFFFL;
  }
}
