package dev.wasmcore.wasm;

import dev.wasmcore.binary.ByteReader;
import dev.wasmcore.binary.ByteRegion;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongFunction;

/**
 * A constant expression (core spec 3.3.10, binary 5.4.9): the initializer of a global and the offset of a segment.
 * Accepted instructions: {@code i32/i64/f32/f64.const}, {@code v128.const}, {@code ref.null}, {@code ref.func},
 * {@code global.get}, and the extended-constant {@code i32/i64.add/sub/mul}; terminated by {@code end} (0x0B).
 * An expression of just {@code end} (as WasmEdge writes its dump globals) has no value.
 */
public final class ConstExpr {
  /** One instruction: opcode (0xFD0C for v128.const), immediate (low bits) and the high bits of a v128. */
  public record Instr(int opcode, long immediate, long immediateHigh) {}

  public static final int I32_CONST = 0x41;
  public static final int I64_CONST = 0x42;
  public static final int F32_CONST = 0x43;
  public static final int F64_CONST = 0x44;
  public static final int GLOBAL_GET = 0x23;
  public static final int REF_NULL = 0xD0;
  public static final int REF_FUNC = 0xD2;
  public static final int V128_CONST = 0xFD0C;

  /** A guard: constant expressions of real modules have a handful of instructions. */
  private static final int MAX_INSTRUCTIONS = 10_000;

  private final ByteRegion bytes;
  private final List<Instr> instrs;

  private ConstExpr(ByteRegion bytes, List<Instr> instrs) {
    this.bytes = bytes;
    this.instrs = List.copyOf(instrs);
  }

  /** Reads instructions up to and including {@code end}. */
  public static ConstExpr read(ByteReader r) {
    long start = r.position();
    List<Instr> out = new ArrayList<>();
    while (true) {
      long at = r.position();
      int op = r.u8();
      switch (op) {
        case 0x0B: {
          ByteReader whole = r.duplicate();
          whole.seek(start);
          return new ConstExpr(whole.region(r.position() - start), out);
        }
        case I32_CONST: out.add(new Instr(op, r.varS32(), 0)); break;
        case I64_CONST: out.add(new Instr(op, r.varS64(), 0)); break;
        case F32_CONST: out.add(new Instr(op, r.u32(), 0)); break;
        case F64_CONST: out.add(new Instr(op, r.u64(), 0)); break;
        case GLOBAL_GET: out.add(new Instr(op, r.varU32(), 0)); break;
        case REF_NULL: out.add(new Instr(op, r.varS33(), 0)); break;
        case REF_FUNC: out.add(new Instr(op, r.varU32(), 0)); break;
        case 0x6A: case 0x6B: case 0x6C: case 0x7C: case 0x7D: case 0x7E:
          out.add(new Instr(op, 0, 0));
          break;
        case 0xFD: {
          long sub = r.varU32();
          if (sub != 12) {
            throw r.error(at, "unsupported instruction 0xfd " + sub + " in a constant expression");
          }
          long lo = r.u64();
          long hi = r.u64();
          out.add(new Instr(V128_CONST, lo, hi));
          break;
        }
        default:
          throw r.error(at, "unsupported instruction 0x" + Integer.toHexString(op) + " in a constant expression");
      }
      if (out.size() > MAX_INSTRUCTIONS) {
        throw r.error(at, "constant expression longer than " + MAX_INSTRUCTIONS + " instructions");
      }
    }
  }

  /** The expression's bytes, {@code end} included. */
  public ByteRegion bytes() {
    return bytes;
  }

  public List<Instr> instructions() {
    return instrs;
  }

  /**
   * The integer of a single {@code i32.const} or {@code i64.const}: an i32 as its unsigned 32-bit value (segment
   * offsets of 32-bit memories are unsigned), an i64 as is.
   */
  public OptionalLong constantOffset() {
    if (instrs.size() == 1) {
      Instr i = instrs.get(0);
      if (i.opcode() == I32_CONST) {
        return OptionalLong.of(i.immediate() & 0xFFFFFFFFL);
      }
      if (i.opcode() == I64_CONST) {
        return OptionalLong.of(i.immediate());
      }
    }
    return OptionalLong.empty();
  }

  /**
   * Evaluates the expression; {@code global.get} asks {@code globals} for the value of a global. Empty when the
   * expression has no instruction, reads a global that has no known value, or is not well-typed.
   */
  public Optional<WasmValue> evaluate(LongFunction<Optional<WasmValue>> globals) {
    Deque<WasmValue> stack = new ArrayDeque<>();
    for (Instr i : instrs) {
      switch (i.opcode()) {
        case I32_CONST: stack.push(WasmValue.i32((int) i.immediate())); break;
        case I64_CONST: stack.push(WasmValue.i64(i.immediate())); break;
        case F32_CONST: stack.push(WasmValue.f32Bits((int) i.immediate())); break;
        case F64_CONST: stack.push(WasmValue.f64Bits(i.immediate())); break;
        case V128_CONST: stack.push(WasmValue.v128(i.immediate(), i.immediateHigh())); break;
        case REF_FUNC: stack.push(WasmValue.refFunc(i.immediate())); break;
        case REF_NULL: {
          long ht = i.immediate();
          ValType t = ht >= 0 ? new ValType(0x63, ht) : new ValType((int) (ht & 0x7F), 0);
          stack.push(WasmValue.refNull(t));
          break;
        }
        case GLOBAL_GET: {
          Optional<WasmValue> g = globals == null ? Optional.empty() : globals.apply(i.immediate());
          if (g.isEmpty() || g.get().isMissing()) {
            return Optional.empty();
          }
          stack.push(g.get());
          break;
        }
        default: {
          if (stack.size() < 2) {
            return Optional.empty();
          }
          WasmValue b = stack.pop();
          WasmValue a = stack.pop();
          boolean is32 = i.opcode() <= 0x6C;
          WasmValue.Kind want = is32 ? WasmValue.Kind.I32 : WasmValue.Kind.I64;
          if (a.kind() != want || b.kind() != want) {
            return Optional.empty();
          }
          long x = a.asLong();
          long y = b.asLong();
          int k = is32 ? i.opcode() - 0x6A : i.opcode() - 0x7C;
          long r = k == 0 ? x + y : k == 1 ? x - y : x * y;
          stack.push(is32 ? WasmValue.i32((int) r) : WasmValue.i64(r));
        }
      }
    }
    return stack.size() == 1 ? Optional.of(stack.pop()) : Optional.empty();
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    for (Instr i : instrs) {
      if (b.length() > 0) {
        b.append(' ');
      }
      switch (i.opcode()) {
        case I32_CONST: b.append("i32.const ").append((int) i.immediate()); break;
        case I64_CONST: b.append("i64.const ").append(i.immediate()); break;
        case F32_CONST: b.append("f32.const ").append(WasmValue.f32Bits((int) i.immediate()).format()); break;
        case F64_CONST: b.append("f64.const ").append(WasmValue.f64Bits(i.immediate()).format()); break;
        case V128_CONST: b.append("v128.const ").append(WasmValue.v128(i.immediate(), i.immediateHigh()).format());
          break;
        case GLOBAL_GET: b.append("global.get ").append(i.immediate()); break;
        case REF_NULL: b.append("ref.null ").append(ValType.heapTypeName(i.immediate())); break;
        case REF_FUNC: b.append("ref.func ").append(i.immediate()); break;
        case 0x6A: b.append("i32.add"); break;
        case 0x6B: b.append("i32.sub"); break;
        case 0x6C: b.append("i32.mul"); break;
        case 0x7C: b.append("i64.add"); break;
        case 0x7D: b.append("i64.sub"); break;
        default: b.append("i64.mul"); break;
      }
    }
    return b.length() == 0 ? "(empty)" : b.toString();
  }
}
