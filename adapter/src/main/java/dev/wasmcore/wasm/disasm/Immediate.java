package dev.wasmcore.wasm.disasm;

import java.util.List;
import java.util.Objects;

/**
 * One immediate operand of a wasm instruction, as encoded after the opcode (core spec 5.4, plus the SIMD, threads,
 * exception-handling, tail-call and reference-types proposals).
 */
public sealed interface Immediate permits Immediate.Index, Immediate.I32, Immediate.I64, Immediate.F32,
    Immediate.F64, Immediate.V128, Immediate.MemArg, Immediate.BlockType, Immediate.BrTable, Immediate.Lanes,
    Immediate.ValTypes, Immediate.HeapType, Immediate.Catches {

  /** The index spaces an index immediate can refer to. */
  enum Space { FUNC, LOCAL, GLOBAL, TYPE, TABLE, MEMORY, LABEL, DATA, ELEM, TAG, LANE }

  /** An index ({@code u32}) into one of the module's or function's index spaces, or a SIMD lane. */
  record Index(Space space, long value) implements Immediate {
    public Index {
      Objects.requireNonNull(space);
    }
  }

  /** {@code i32.const}'s signed value. */
  record I32(int value) implements Immediate {}

  /** {@code i64.const}'s signed value. */
  record I64(long value) implements Immediate {}

  /** {@code f32.const}'s bits (kept as bits so NaN payloads survive). */
  record F32(int bits) implements Immediate {}

  /** {@code f64.const}'s bits. */
  record F64(long bits) implements Immediate {}

  /** {@code v128.const}'s 16 bytes as two little-endian halves. */
  record V128(long low, long high) implements Immediate {}

  /**
   * A memory argument: alignment exponent (log2 bytes), offset, and memory index (multi-memory: bit 6 of the
   * alignment field says a memory index follows; else memory 0).
   *
   * @param naturalAlignLog2 the natural alignment of the access, used to leave {@code align=} out as the text format
   *     does when it is the default
   */
  record MemArg(long alignLog2, long offset, long memory, int naturalAlignLog2) implements Immediate {}

  /** The type of a block, loop, if, try or try_table: empty, one value type, or a type index. */
  record BlockType(String valueType, long typeIndex) implements Immediate {
    /** The empty block type (0x40). */
    public static final BlockType EMPTY = new BlockType(null, -1);

    public boolean isEmpty() {
      return valueType == null && typeIndex < 0;
    }
  }

  /** {@code br_table}'s label vector and its default label. */
  record BrTable(List<Long> labels, long defaultLabel) implements Immediate {
    public BrTable {
      labels = List.copyOf(labels);
    }
  }

  /** {@code i8x16.shuffle}'s 16 lane indices. */
  record Lanes(List<Integer> lanes) implements Immediate {
    public Lanes {
      lanes = List.copyOf(lanes);
    }
  }

  /** {@code select}'s explicit result types ({@code 0x1C}). */
  record ValTypes(List<String> types) implements Immediate {
    public ValTypes {
      types = List.copyOf(types);
    }
  }

  /** {@code ref.null}'s heap type: {@code func}, {@code extern}, ... or a type index. */
  record HeapType(String name) implements Immediate {
    public HeapType {
      Objects.requireNonNull(name);
    }
  }

  /** One catch clause of {@code try_table}: kind 0 catch, 1 catch_ref, 2 catch_all, 3 catch_all_ref. */
  record Catch(int kind, long tag, long label) {
    public String keyword() {
      return switch (kind) {
        case 0 -> "catch";
        case 1 -> "catch_ref";
        case 2 -> "catch_all";
        default -> "catch_all_ref";
      };
    }
  }

  /** {@code try_table}'s catch clauses. */
  record Catches(List<Catch> catches) implements Immediate {
    public Catches {
      catches = List.copyOf(catches);
    }
  }
}
