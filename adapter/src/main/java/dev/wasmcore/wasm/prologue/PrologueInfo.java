package dev.wasmcore.wasm.prologue;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a function's entry code does with the stack pointer global, found by {@link PrologueAnalyzer}.
 *
 * <p>LLVM's wasm back end keeps the C/C++/Rust shadow stack in linear memory, addressed by a mutable global
 * ({@code __stack_pointer}). A function that needs a frame reads the global, subtracts its frame size, keeps the
 * result in a local (the frame base that DWARF's {@code DW_AT_frame_base} names as {@code DW_OP_WASM_location 0x0 N})
 * and, when it calls other functions, writes it back to the global. Its epilogue restores the global.
 *
 * @param funcIndex the function (imports counted)
 * @param known true when the frame size is known; then {@link #frameSize()} and {@link #writesBack()} hold
 * @param reason why the prologue is unknown (dynamic allocation, stack realignment, an unrecognised pattern), or
 *     null when known
 * @param frameSize bytes the prologue subtracts from the stack pointer (0 for a function without a frame)
 * @param writesBack true when the prologue stores the decremented value to the global
 * @param writeBackOffset body-relative code offset of that {@code global.set}, or -1
 * @param locals the locals the prologue assigns stack-pointer-relative values to, by local index
 * @param preservesStackPointer true when the body contains no {@code global.set} of the stack pointer at all, so
 *     the global keeps the caller's value throughout this function (even when its frame size is unknown)
 * @param prologueEnd body-relative code offset where the straight-line analysis stopped (the first call, branch or
 *     instruction it does not model)
 */
public record PrologueInfo(long funcIndex, boolean known, String reason, long frameSize, boolean writesBack,
    long writeBackOffset, Map<Long, LocalValue> locals, boolean preservesStackPointer, long prologueEnd) {
  public PrologueInfo {
    locals = Map.copyOf(locals);
    if (!known) {
      Objects.requireNonNull(reason, "an unknown prologue needs a reason");
    }
  }

  /**
   * A local assigned {@code SP_entry + spDelta} by the prologue ({@code SP_entry} = the global's value on entry):
   * the frame base is {@code spDelta == -frameSize}, a copy of the entry value is {@code spDelta == 0}.
   *
   * @param assignedAt body-relative code offset of the {@code local.set}/{@code local.tee}
   * @param otherWrites body-relative code offsets of every other instruction in the body that writes this local
   *     (optimised code reuses locals)
   * @param holds the code offset ranges {@code [start, end)} of instructions before which the local still holds the
   *     prologue's value on every path that reaches them (a forward data-flow pass over the structured control flow,
   *     loops iterated to a fixed point); see {@link PrologueInfo#valueHoldsAt}
   */
  public record LocalValue(long spDelta, long assignedAt, List<Long> otherWrites, List<Range> holds) {
    public LocalValue {
      otherWrites = List.copyOf(otherWrites);
      holds = List.copyOf(holds);
    }

    /** True when nothing else in the body writes the local. */
    public boolean stable() {
      return otherWrites.isEmpty();
    }

    /** {@code SP_entry - 32}, {@code SP_entry}. */
    @Override
    public String toString() {
      return spDelta == 0 ? "SP_entry" : spDelta < 0 ? "SP_entry - " + -spDelta : "SP_entry + " + spDelta;
    }
  }

  /** Body-relative code offsets {@code [start, end)}. */
  public record Range(long start, long end) {}

  /**
   * Whether the prologue's value of {@code local} is still in it when the function is at {@code codeOffset} (a trap
   * or a call site, before that instruction runs): true only when every path from the entry to that instruction
   * passes the prologue's assignment and no other write of the local after it.
   */
  public boolean valueHoldsAt(long local, long codeOffset) {
    LocalValue v = locals.get(local);
    if (v == null) {
      return false;
    }
    for (Range r : v.holds()) {
      if (codeOffset >= r.start() && codeOffset < r.end()) {
        return true;
      }
    }
    return false;
  }

  /** The frame size when known. */
  public OptionalLong knownFrameSize() {
    return known ? OptionalLong.of(frameSize) : OptionalLong.empty();
  }

  /** The reason, when unknown. */
  public Optional<String> unknownReason() {
    return Optional.ofNullable(reason);
  }

  /** Whether the write-back has executed when the function is at {@code codeOffset} (a trap or a call site). */
  public boolean wroteBackBefore(long codeOffset) {
    return known && writesBack && writeBackOffset < codeOffset;
  }

  @Override
  public String toString() {
    if (!known) {
      return "func " + funcIndex + ": unknown (" + reason + ")";
    }
    return "func " + funcIndex + ": frame " + frameSize + (writesBack ? ", written back at +" + writeBackOffset
        : ", not written back") + ", locals " + locals;
  }
}
