package dev.wasmcore.wasm.disasm;

import java.util.HashMap;
import java.util.Map;

/**
 * Mnemonics and immediate layouts of every opcode the decoder knows: the core spec's single-byte opcodes (5.4),
 * the {@code 0xFC} misc prefix (saturating truncation, bulk memory, tables), {@code 0xFD} SIMD (final opcodes and
 * relaxed SIMD), {@code 0xFE} threads (atomics), tail calls, typed function references, reference types and
 * exception handling (legacy {@code try/catch/delegate} and {@code try_table/throw_ref}).
 */
final class OpcodeTable {
  /** How the immediates after an opcode are encoded. */
  enum Imm {
    NONE, BLOCK, LABEL, BR_TABLE, FUNC, CALL_INDIRECT, TYPE, LOCAL, GLOBAL, TABLE, MEMARG, MEMORY, I32, I64, F32,
    F64, V128, SHUFFLE, LANE, MEMARG_LANE, SELECT_T, HEAP_TYPE, TAG, TRY_TABLE, DATA_MEMORY, DATA, MEMORY_MEMORY,
    ELEM_TABLE, ELEM, TABLE_TABLE, ZERO_BYTE
  }

  /** One opcode: mnemonic, immediates and, for memory accesses, the natural alignment (log2 bytes). */
  record Op(String name, Imm imm, int naturalAlign) {}

  private static final Op[] SINGLE = new Op[256];
  private static final Map<Integer, Op> MISC = new HashMap<>();
  private static final Map<Integer, Op> SIMD = new HashMap<>();
  private static final Map<Integer, Op> THREADS = new HashMap<>();

  static Op single(int opcode) {
    return SINGLE[opcode];
  }

  /** The opcode after a prefix byte ({@code 0xFC}, {@code 0xFD}, {@code 0xFE}), or null when unknown. */
  static Op prefixed(int prefix, long sub) {
    if (sub < 0 || sub > 0xFFFF) {
      return null;
    }
    return switch (prefix) {
      case 0xFC -> MISC.get((int) sub);
      case 0xFD -> SIMD.get((int) sub);
      case 0xFE -> THREADS.get((int) sub);
      default -> null;
    };
  }

  static boolean isPrefix(int b) {
    return b == 0xFC || b == 0xFD || b == 0xFE;
  }

  private static void s(int code, String name, Imm imm) {
    SINGLE[code] = new Op(name, imm, 0);
  }

  private static void s(int code, String name) {
    s(code, name, Imm.NONE);
  }

  private static void names(Map<Integer, Op> map, int first, Imm imm, String... names) {
    for (int i = 0; i < names.length; i++) {
      if (names[i] != null) {
        map.put(first + i, new Op(names[i], imm, 0));
      }
    }
  }

  static {
    // Control (5.4.1), references (5.4.2), parametric (5.4.3), variables (5.4.4), tables (5.4.5).
    s(0x00, "unreachable");
    s(0x01, "nop");
    s(0x02, "block", Imm.BLOCK);
    s(0x03, "loop", Imm.BLOCK);
    s(0x04, "if", Imm.BLOCK);
    s(0x05, "else");
    s(0x06, "try", Imm.BLOCK);
    s(0x07, "catch", Imm.TAG);
    s(0x08, "throw", Imm.TAG);
    s(0x09, "rethrow", Imm.LABEL);
    s(0x0A, "throw_ref");
    s(0x0B, "end");
    s(0x0C, "br", Imm.LABEL);
    s(0x0D, "br_if", Imm.LABEL);
    s(0x0E, "br_table", Imm.BR_TABLE);
    s(0x0F, "return");
    s(0x10, "call", Imm.FUNC);
    s(0x11, "call_indirect", Imm.CALL_INDIRECT);
    s(0x12, "return_call", Imm.FUNC);
    s(0x13, "return_call_indirect", Imm.CALL_INDIRECT);
    s(0x14, "call_ref", Imm.TYPE);
    s(0x15, "return_call_ref", Imm.TYPE);
    s(0x18, "delegate", Imm.LABEL);
    s(0x19, "catch_all");
    s(0x1A, "drop");
    s(0x1B, "select");
    s(0x1C, "select", Imm.SELECT_T);
    s(0x1F, "try_table", Imm.TRY_TABLE);
    s(0x20, "local.get", Imm.LOCAL);
    s(0x21, "local.set", Imm.LOCAL);
    s(0x22, "local.tee", Imm.LOCAL);
    s(0x23, "global.get", Imm.GLOBAL);
    s(0x24, "global.set", Imm.GLOBAL);
    s(0x25, "table.get", Imm.TABLE);
    s(0x26, "table.set", Imm.TABLE);
    // Memory (5.4.6): loads and stores with their natural alignment (log2 of the access size).
    String[] mem = {"i32.load", "i64.load", "f32.load", "f64.load", "i32.load8_s", "i32.load8_u", "i32.load16_s",
        "i32.load16_u", "i64.load8_s", "i64.load8_u", "i64.load16_s", "i64.load16_u", "i64.load32_s",
        "i64.load32_u", "i32.store", "i64.store", "f32.store", "f64.store", "i32.store8", "i32.store16",
        "i64.store8", "i64.store16", "i64.store32"};
    int[] memAlign = {2, 3, 2, 3, 0, 0, 1, 1, 0, 0, 1, 1, 2, 2, 2, 3, 2, 3, 0, 1, 0, 1, 2};
    for (int i = 0; i < mem.length; i++) {
      SINGLE[0x28 + i] = new Op(mem[i], Imm.MEMARG, memAlign[i]);
    }
    s(0x3F, "memory.size", Imm.MEMORY);
    s(0x40, "memory.grow", Imm.MEMORY);
    // Numeric (5.4.7).
    s(0x41, "i32.const", Imm.I32);
    s(0x42, "i64.const", Imm.I64);
    s(0x43, "f32.const", Imm.F32);
    s(0x44, "f64.const", Imm.F64);
    String[] numeric = {"i32.eqz", "i32.eq", "i32.ne", "i32.lt_s", "i32.lt_u", "i32.gt_s", "i32.gt_u", "i32.le_s",
        "i32.le_u", "i32.ge_s", "i32.ge_u", "i64.eqz", "i64.eq", "i64.ne", "i64.lt_s", "i64.lt_u", "i64.gt_s",
        "i64.gt_u", "i64.le_s", "i64.le_u", "i64.ge_s", "i64.ge_u", "f32.eq", "f32.ne", "f32.lt", "f32.gt",
        "f32.le", "f32.ge", "f64.eq", "f64.ne", "f64.lt", "f64.gt", "f64.le", "f64.ge", "i32.clz", "i32.ctz",
        "i32.popcnt", "i32.add", "i32.sub", "i32.mul", "i32.div_s", "i32.div_u", "i32.rem_s", "i32.rem_u",
        "i32.and", "i32.or", "i32.xor", "i32.shl", "i32.shr_s", "i32.shr_u", "i32.rotl", "i32.rotr", "i64.clz",
        "i64.ctz", "i64.popcnt", "i64.add", "i64.sub", "i64.mul", "i64.div_s", "i64.div_u", "i64.rem_s",
        "i64.rem_u", "i64.and", "i64.or", "i64.xor", "i64.shl", "i64.shr_s", "i64.shr_u", "i64.rotl", "i64.rotr",
        "f32.abs", "f32.neg", "f32.ceil", "f32.floor", "f32.trunc", "f32.nearest", "f32.sqrt", "f32.add",
        "f32.sub", "f32.mul", "f32.div", "f32.min", "f32.max", "f32.copysign", "f64.abs", "f64.neg", "f64.ceil",
        "f64.floor", "f64.trunc", "f64.nearest", "f64.sqrt", "f64.add", "f64.sub", "f64.mul", "f64.div",
        "f64.min", "f64.max", "f64.copysign", "i32.wrap_i64", "i32.trunc_f32_s", "i32.trunc_f32_u",
        "i32.trunc_f64_s", "i32.trunc_f64_u", "i64.extend_i32_s", "i64.extend_i32_u", "i64.trunc_f32_s",
        "i64.trunc_f32_u", "i64.trunc_f64_s", "i64.trunc_f64_u", "f32.convert_i32_s", "f32.convert_i32_u",
        "f32.convert_i64_s", "f32.convert_i64_u", "f32.demote_f64", "f64.convert_i32_s", "f64.convert_i32_u",
        "f64.convert_i64_s", "f64.convert_i64_u", "f64.promote_f32", "i32.reinterpret_f32",
        "i64.reinterpret_f64", "f32.reinterpret_i32", "f64.reinterpret_i64", "i32.extend8_s", "i32.extend16_s",
        "i64.extend8_s", "i64.extend16_s", "i64.extend32_s"};
    for (int i = 0; i < numeric.length; i++) {
      s(0x45 + i, numeric[i]);
    }
    s(0xD0, "ref.null", Imm.HEAP_TYPE);
    s(0xD1, "ref.is_null");
    s(0xD2, "ref.func", Imm.FUNC);
    s(0xD3, "ref.as_non_null");
    s(0xD4, "br_on_null", Imm.LABEL);
    s(0xD5, "ref.eq");
    s(0xD6, "br_on_non_null", Imm.LABEL);

    // 0xFC: saturating truncation, bulk memory, table instructions.
    names(MISC, 0, Imm.NONE, "i32.trunc_sat_f32_s", "i32.trunc_sat_f32_u", "i32.trunc_sat_f64_s",
        "i32.trunc_sat_f64_u", "i64.trunc_sat_f32_s", "i64.trunc_sat_f32_u", "i64.trunc_sat_f64_s",
        "i64.trunc_sat_f64_u");
    MISC.put(8, new Op("memory.init", Imm.DATA_MEMORY, 0));
    MISC.put(9, new Op("data.drop", Imm.DATA, 0));
    MISC.put(10, new Op("memory.copy", Imm.MEMORY_MEMORY, 0));
    MISC.put(11, new Op("memory.fill", Imm.MEMORY, 0));
    MISC.put(12, new Op("table.init", Imm.ELEM_TABLE, 0));
    MISC.put(13, new Op("elem.drop", Imm.ELEM, 0));
    MISC.put(14, new Op("table.copy", Imm.TABLE_TABLE, 0));
    MISC.put(15, new Op("table.grow", Imm.TABLE, 0));
    MISC.put(16, new Op("table.size", Imm.TABLE, 0));
    MISC.put(17, new Op("table.fill", Imm.TABLE, 0));

    // 0xFD: SIMD. Memory forms first, then lane and plain operations.
    String[] simdMem = {"v128.load", "v128.load8x8_s", "v128.load8x8_u", "v128.load16x4_s", "v128.load16x4_u",
        "v128.load32x2_s", "v128.load32x2_u", "v128.load8_splat", "v128.load16_splat", "v128.load32_splat",
        "v128.load64_splat", "v128.store"};
    int[] simdMemAlign = {4, 3, 3, 3, 3, 3, 3, 0, 1, 2, 3, 4};
    for (int i = 0; i < simdMem.length; i++) {
      SIMD.put(i, new Op(simdMem[i], Imm.MEMARG, simdMemAlign[i]));
    }
    SIMD.put(12, new Op("v128.const", Imm.V128, 0));
    SIMD.put(13, new Op("i8x16.shuffle", Imm.SHUFFLE, 0));
    names(SIMD, 14, Imm.NONE, "i8x16.swizzle", "i8x16.splat", "i16x8.splat", "i32x4.splat", "i64x2.splat",
        "f32x4.splat", "f64x2.splat");
    names(SIMD, 21, Imm.LANE, "i8x16.extract_lane_s", "i8x16.extract_lane_u", "i8x16.replace_lane",
        "i16x8.extract_lane_s", "i16x8.extract_lane_u", "i16x8.replace_lane", "i32x4.extract_lane",
        "i32x4.replace_lane", "i64x2.extract_lane", "i64x2.replace_lane", "f32x4.extract_lane",
        "f32x4.replace_lane", "f64x2.extract_lane", "f64x2.replace_lane");
    String[] intCmp = {"eq", "ne", "lt_s", "lt_u", "gt_s", "gt_u", "le_s", "le_u", "ge_s", "ge_u"};
    String[] floatCmp = {"eq", "ne", "lt", "gt", "le", "ge"};
    int code = 35;
    for (String shape : new String[] {"i8x16", "i16x8", "i32x4"}) {
      for (String c : intCmp) {
        SIMD.put(code++, new Op(shape + "." + c, Imm.NONE, 0));
      }
    }
    for (String shape : new String[] {"f32x4", "f64x2"}) {
      for (String c : floatCmp) {
        SIMD.put(code++, new Op(shape + "." + c, Imm.NONE, 0));
      }
    }
    names(SIMD, 77, Imm.NONE, "v128.not", "v128.and", "v128.andnot", "v128.or", "v128.xor", "v128.bitselect",
        "v128.any_true");
    String[] laneMem = {"v128.load8_lane", "v128.load16_lane", "v128.load32_lane", "v128.load64_lane",
        "v128.store8_lane", "v128.store16_lane", "v128.store32_lane", "v128.store64_lane"};
    for (int i = 0; i < laneMem.length; i++) {
      SIMD.put(84 + i, new Op(laneMem[i], Imm.MEMARG_LANE, i % 4));
    }
    SIMD.put(92, new Op("v128.load32_zero", Imm.MEMARG, 2));
    SIMD.put(93, new Op("v128.load64_zero", Imm.MEMARG, 3));
    names(SIMD, 94, Imm.NONE, "f32x4.demote_f64x2_zero", "f64x2.promote_low_f32x4", "i8x16.abs", "i8x16.neg",
        "i8x16.popcnt", "i8x16.all_true", "i8x16.bitmask", "i8x16.narrow_i16x8_s", "i8x16.narrow_i16x8_u",
        "f32x4.ceil", "f32x4.floor", "f32x4.trunc", "f32x4.nearest", "i8x16.shl", "i8x16.shr_s", "i8x16.shr_u",
        "i8x16.add", "i8x16.add_sat_s", "i8x16.add_sat_u", "i8x16.sub", "i8x16.sub_sat_s", "i8x16.sub_sat_u",
        "f64x2.ceil", "f64x2.floor", "i8x16.min_s", "i8x16.min_u", "i8x16.max_s", "i8x16.max_u", "f64x2.trunc",
        "i8x16.avgr_u", "i16x8.extadd_pairwise_i8x16_s", "i16x8.extadd_pairwise_i8x16_u",
        "i32x4.extadd_pairwise_i16x8_s", "i32x4.extadd_pairwise_i16x8_u",
        // 128
        "i16x8.abs", "i16x8.neg", "i16x8.q15mulr_sat_s", "i16x8.all_true", "i16x8.bitmask",
        "i16x8.narrow_i32x4_s", "i16x8.narrow_i32x4_u", "i16x8.extend_low_i8x16_s", "i16x8.extend_high_i8x16_s",
        "i16x8.extend_low_i8x16_u", "i16x8.extend_high_i8x16_u", "i16x8.shl", "i16x8.shr_s", "i16x8.shr_u",
        "i16x8.add", "i16x8.add_sat_s", "i16x8.add_sat_u", "i16x8.sub", "i16x8.sub_sat_s", "i16x8.sub_sat_u",
        "f64x2.nearest", "i16x8.mul", "i16x8.min_s", "i16x8.min_u", "i16x8.max_s", "i16x8.max_u", null,
        "i16x8.avgr_u", "i16x8.extmul_low_i8x16_s", "i16x8.extmul_high_i8x16_s", "i16x8.extmul_low_i8x16_u",
        "i16x8.extmul_high_i8x16_u",
        // 160
        "i32x4.abs", "i32x4.neg", null, "i32x4.all_true", "i32x4.bitmask", null, null,
        "i32x4.extend_low_i16x8_s", "i32x4.extend_high_i16x8_s", "i32x4.extend_low_i16x8_u",
        "i32x4.extend_high_i16x8_u", "i32x4.shl", "i32x4.shr_s", "i32x4.shr_u", "i32x4.add", null, null,
        "i32x4.sub", null, null, null, "i32x4.mul", "i32x4.min_s", "i32x4.min_u", "i32x4.max_s", "i32x4.max_u",
        "i32x4.dot_i16x8_s", null, "i32x4.extmul_low_i16x8_s", "i32x4.extmul_high_i16x8_s",
        "i32x4.extmul_low_i16x8_u", "i32x4.extmul_high_i16x8_u",
        // 192
        "i64x2.abs", "i64x2.neg", null, "i64x2.all_true", "i64x2.bitmask", null, null,
        "i64x2.extend_low_i32x4_s", "i64x2.extend_high_i32x4_s", "i64x2.extend_low_i32x4_u",
        "i64x2.extend_high_i32x4_u", "i64x2.shl", "i64x2.shr_s", "i64x2.shr_u", "i64x2.add", null, null,
        "i64x2.sub", null, null, null, "i64x2.mul", "i64x2.eq", "i64x2.ne", "i64x2.lt_s", "i64x2.gt_s",
        "i64x2.le_s", "i64x2.ge_s", "i64x2.extmul_low_i32x4_s", "i64x2.extmul_high_i32x4_s",
        "i64x2.extmul_low_i32x4_u", "i64x2.extmul_high_i32x4_u",
        // 224
        "f32x4.abs", "f32x4.neg", null, "f32x4.sqrt", "f32x4.add", "f32x4.sub", "f32x4.mul", "f32x4.div",
        "f32x4.min", "f32x4.max", "f32x4.pmin", "f32x4.pmax", "f64x2.abs", "f64x2.neg", null, "f64x2.sqrt",
        "f64x2.add", "f64x2.sub", "f64x2.mul", "f64x2.div", "f64x2.min", "f64x2.max", "f64x2.pmin", "f64x2.pmax",
        // 248
        "i32x4.trunc_sat_f32x4_s", "i32x4.trunc_sat_f32x4_u", "f32x4.convert_i32x4_s", "f32x4.convert_i32x4_u",
        "i32x4.trunc_sat_f64x2_s_zero", "i32x4.trunc_sat_f64x2_u_zero", "f64x2.convert_low_i32x4_s",
        "f64x2.convert_low_i32x4_u",
        // 256: relaxed SIMD
        "i8x16.relaxed_swizzle", "i32x4.relaxed_trunc_f32x4_s", "i32x4.relaxed_trunc_f32x4_u",
        "i32x4.relaxed_trunc_f64x2_s_zero", "i32x4.relaxed_trunc_f64x2_u_zero", "f32x4.relaxed_madd",
        "f32x4.relaxed_nmadd", "f64x2.relaxed_madd", "f64x2.relaxed_nmadd", "i8x16.relaxed_laneselect",
        "i16x8.relaxed_laneselect", "i32x4.relaxed_laneselect", "i64x2.relaxed_laneselect", "f32x4.relaxed_min",
        "f32x4.relaxed_max", "f64x2.relaxed_min", "f64x2.relaxed_max", "i16x8.relaxed_q15mulr_s",
        "i16x8.relaxed_dot_i8x16_i7x16_s", "i32x4.relaxed_dot_i8x16_i7x16_add_s");

    // 0xFE: threads (atomic memory accesses).
    THREADS.put(0x00, new Op("memory.atomic.notify", Imm.MEMARG, 2));
    THREADS.put(0x01, new Op("memory.atomic.wait32", Imm.MEMARG, 2));
    THREADS.put(0x02, new Op("memory.atomic.wait64", Imm.MEMARG, 3));
    THREADS.put(0x03, new Op("atomic.fence", Imm.ZERO_BYTE, 0));
    String[] atomicLoadStore = {"i32.atomic.load", "i64.atomic.load", "i32.atomic.load8_u", "i32.atomic.load16_u",
        "i64.atomic.load8_u", "i64.atomic.load16_u", "i64.atomic.load32_u", "i32.atomic.store", "i64.atomic.store",
        "i32.atomic.store8", "i32.atomic.store16", "i64.atomic.store8", "i64.atomic.store16",
        "i64.atomic.store32"};
    int[] lsAlign = {2, 3, 0, 1, 0, 1, 2, 2, 3, 0, 1, 0, 1, 2};
    for (int i = 0; i < atomicLoadStore.length; i++) {
      THREADS.put(0x10 + i, new Op(atomicLoadStore[i], Imm.MEMARG, lsAlign[i]));
    }
    // Read-modify-write: seven widths for each operation, starting at 0x1E, 7 opcodes apart.
    String[] rmwWidth = {"i32.atomic.rmw.", "i64.atomic.rmw.", "i32.atomic.rmw8.", "i32.atomic.rmw16.",
        "i64.atomic.rmw8.", "i64.atomic.rmw16.", "i64.atomic.rmw32."};
    int[] rmwAlign = {2, 3, 0, 1, 0, 1, 2};
    String[] rmwOps = {"add", "sub", "and", "or", "xor", "xchg", "cmpxchg"};
    for (int o = 0; o < rmwOps.length; o++) {
      for (int w = 0; w < rmwWidth.length; w++) {
        String suffix = w < 2 ? rmwOps[o] : rmwOps[o] + "_u";
        THREADS.put(0x1E + o * 7 + w, new Op(rmwWidth[w] + suffix, Imm.MEMARG, rmwAlign[w]));
      }
    }
  }

  private OpcodeTable() {}
}
