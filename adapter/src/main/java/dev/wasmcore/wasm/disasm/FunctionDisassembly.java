package dev.wasmcore.wasm.disasm;

import dev.wasmcore.binary.ByteRegion;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * All instructions of one function body, decoded once and indexed by file offset, for "the instruction at address X"
 * and "N instructions before / after X" (function bodies are small enough to decode from their start: the largest
 * in the corpus, SQLite's VDBE loop, decodes in milliseconds). Immutable and thread-safe once built.
 */
public final class FunctionDisassembly {
  private final long funcIndex;
  private final ByteRegion body;
  private final long codeStart;
  private final List<WasmInstruction> instructions;
  private final long[] offsets;
  private final String stopReason;

  private FunctionDisassembly(long funcIndex, ByteRegion body, long codeStart, List<WasmInstruction> instructions,
      String stopReason) {
    this.funcIndex = funcIndex;
    this.body = body;
    this.codeStart = codeStart;
    this.instructions = List.copyOf(instructions);
    this.offsets = new long[instructions.size()];
    for (int i = 0; i < offsets.length; i++) {
      offsets[i] = instructions.get(i).fileOffset();
    }
    this.stopReason = stopReason;
  }

  /**
   * Decodes a function body.
   *
   * @param funcIndex the function's index (imports counted), for symbols and messages
   * @param body the body from the byte after its size LEB128 to its end (local declarations first)
   */
  public static FunctionDisassembly decode(long funcIndex, ByteRegion body) {
    Objects.requireNonNull(body);
    InstructionDecoder d = new InstructionDecoder(body);
    List<WasmInstruction> all = d.remaining();
    return new FunctionDisassembly(funcIndex, body, d.codeStart(), all, d.stopReason());
  }

  public long funcIndex() {
    return funcIndex;
  }

  /** The body region (local declarations first). */
  public ByteRegion body() {
    return body;
  }

  /** File offset of the body start: the origin of core-dump code offsets. */
  public long bodyStart() {
    return body.start();
  }

  /** File offset of the first instruction, or -1 when the local declarations are malformed. */
  public long codeStart() {
    return codeStart;
  }

  public List<WasmInstruction> instructions() {
    return instructions;
  }

  public int size() {
    return instructions.size();
  }

  /** True when every byte decoded as a known instruction. */
  public boolean complete() {
    return stopReason == null;
  }

  /** Why decoding stopped early (unknown opcode, malformed immediate), or null. */
  public String stopReason() {
    return stopReason;
  }

  /**
   * The index of the instruction whose bytes contain {@code fileOffset}, or -1 when the offset is outside the
   * decoded instructions (in the local declarations or outside the body).
   */
  public int indexAt(long fileOffset) {
    int i = Arrays.binarySearch(offsets, fileOffset);
    if (i >= 0) {
      return i;
    }
    int before = -i - 2;
    if (before >= 0 && instructions.get(before).contains(fileOffset)) {
      return before;
    }
    return -1;
  }

  /** The instruction at a body-relative code offset (a core dump frame's {@code codeoffset}), or -1. */
  public int indexAtCodeOffset(long codeOffset) {
    return codeOffset < 0 ? -1 : indexAt(body.start() + codeOffset);
  }

  /**
   * Up to {@code before} instructions before the one containing {@code fileOffset}, that one, and up to
   * {@code after} after it (fewer at the ends of the body); empty when no instruction contains the offset.
   */
  public List<WasmInstruction> around(long fileOffset, int before, int after) {
    int i = indexAt(fileOffset);
    if (i < 0) {
      return List.of();
    }
    int from = Math.max(0, i - Math.max(0, before));
    int to = (int) Math.min(instructions.size(), (long) i + 1 + Math.max(0, after));
    return instructions.subList(from, to);
  }

  /** The instruction's bytes as lowercase hex pairs separated by spaces (at most 64 bytes, then "..."). */
  public String hexBytes(WasmInstruction insn) {
    long n = Math.min(insn.length(), 64);
    ByteRegion r = body.sub(insn.fileOffset() - body.start(), n);
    StringBuilder sb = new StringBuilder();
    for (long k = 0; k < n; k++) {
      if (k > 0) {
        sb.append(' ');
      }
      sb.append(String.format("%02x", r.u8(k)));
    }
    if (insn.length() > n) {
      sb.append(" ...");
    }
    return sb.toString();
  }
}
