package dev.wasmcore.inspect.loc;

import dev.wasmcore.binary.ByteReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates DWARF expressions and location descriptions (DWARF 5 sections 2.5 and 2.6) for wasm. The evaluator
 * holds no session state: every local, global, operand stack slot, memory byte or frame base it needs is asked of a
 * {@link LocationContext}, so the same engine serves captured dumps, wasmtime dumps without locals and unit tests.
 *
 * <p>Stack entries are 64-bit; the "generic type" of DWARF is address-sized, so memory addresses are masked to the
 * address size (4 bytes for wasm32) when memory is read or a memory location is produced. Values keep 64 bits so an
 * i64 in a wasm local survives; the value layer truncates to the variable's type size.
 *
 * <p>Composite locations: when part of an object cannot be produced (a wasm local missing from a wasmtime dump), that
 * piece alone becomes {@link Location.Storage.Unavailable} and evaluation resumes at the next piece, so the other
 * parts of a Rust {@code &str} split across locals still show. Every loop is bounded by {@link #MAX_STEPS} and the
 * stack by {@link #MAX_STACK}.
 */
public final class LocationEvaluator {
  /** Operations executed per evaluation at most (DW_OP_bra/skip can loop). */
  public static final int MAX_STEPS = 10_000;
  /** Stack depth at most. */
  public static final int MAX_STACK = 1_000;

  private final int addressSize;
  private final int offsetSize;
  private final int version;

  /**
   * @param addressSize the unit's address size (4 for wasm32, 8 for wasm64)
   * @param offsetSize 4 for 32-bit DWARF, 8 for 64-bit DWARF (DW_OP_implicit_pointer, call_ref)
   * @param version the unit's DWARF version (DWARF 2 encodes references as address-sized)
   */
  public LocationEvaluator(int addressSize, int offsetSize, int version) {
    if (addressSize != 4 && addressSize != 8 && addressSize != 2) {
      throw new IllegalArgumentException("address size " + addressSize);
    }
    this.addressSize = addressSize;
    this.offsetSize = offsetSize;
    this.version = version;
  }

  /** wasm32, 32-bit DWARF 5. */
  public static LocationEvaluator wasm32() {
    return new LocationEvaluator(4, 4, 5);
  }

  private long addressMask() {
    return addressSize == 8 ? -1L : (1L << (addressSize * 8)) - 1;
  }

  /** Evaluates a location description (a variable's DW_AT_location, or one location list entry). */
  public Location evaluate(ByteReader expr, LocationContext ctx) {
    if (!expr.hasRemaining()) {
      return Location.optimizedOut();
    }
    Run run = new Run(expr, ctx);
    return run.location();
  }

  /**
   * Evaluates a DWARF expression to one value (DW_AT_frame_base, DW_AT_data_member_location as an expression, a
   * call-site value): a memory location yields its address, a value yields its bits.
   */
  public long evaluateValue(ByteReader expr, LocationContext ctx) {
    Location loc = evaluate(expr, ctx);
    if (loc.isOptimizedOut()) {
      throw new LocationUnavailableException(ValueAvailability.OPTIMIZED_OUT, "empty expression");
    }
    Location.Storage s = loc.pieces().get(0).storage();
    if (loc.pieces().size() != 1) {
      throw new LocationUnavailableException(ValueAvailability.ERROR, "a composite location where a value is needed");
    }
    if (s instanceof Location.Storage.Memory m) {
      return m.address();
    }
    if (s instanceof Location.Storage.Value v) {
      return v.bits();
    }
    if (s instanceof Location.Storage.Unavailable u) {
      throw new LocationUnavailableException(u.availability(), u.reason());
    }
    throw new LocationUnavailableException(ValueAvailability.ERROR, "not a value: " + s.getClass().getSimpleName());
  }

  /** State of one evaluation. */
  private final class Run {
    private final ByteReader in;
    private final LocationContext ctx;
    private final long[] stack = new long[64];
    private long[] big;
    private int sp;
    private int steps;
    private final List<Location.Piece> pieces = new ArrayList<>();
    // What the ops since the last piece produced, besides the stack.
    private boolean stackValue;
    private boolean register;
    private byte[] implicitBytes;
    private long implicitDie = -1;
    private long implicitOffset;
    private Location.Storage.Unavailable unavailable;

    Run(ByteReader in, LocationContext ctx) {
      this.in = in;
      this.ctx = ctx;
    }

    private long[] arr() {
      return big != null ? big : stack;
    }

    private void push(long v) {
      long[] a = arr();
      if (sp == a.length) {
        if (a.length >= MAX_STACK) {
          throw in.error("DWARF expression stack deeper than " + MAX_STACK);
        }
        long[] n = new long[Math.min(MAX_STACK, a.length * 4)];
        System.arraycopy(a, 0, n, 0, sp);
        big = n;
        a = n;
      }
      a[sp++] = v;
    }

    private long pop(int op) {
      if (sp == 0) {
        throw in.error(DwOp.name(op) + " on an empty DWARF expression stack");
      }
      return arr()[--sp];
    }

    private long peek(int depth, int op) {
      if (depth < 0 || depth >= sp) {
        throw in.error(DwOp.name(op) + " reaches below the DWARF expression stack (depth " + depth + ")");
      }
      return arr()[sp - 1 - depth];
    }

    Location location() {
      while (in.hasRemaining()) {
        if (++steps > MAX_STEPS) {
          throw in.error("DWARF expression runs more than " + MAX_STEPS + " operations");
        }
        long opAt = in.position();
        int op = in.u8();
        if (op == DwOp.PIECE || op == DwOp.BIT_PIECE) {
          long bits = op == DwOp.PIECE ? in.uleb128() * 8 : in.uleb128();
          long bitOffset = op == DwOp.BIT_PIECE ? in.uleb128() : 0;
          pieces.add(new Location.Piece(bits, bitOffset, segment(true)));
          continue;
        }
        if (unavailable != null) {
          skipOperands(op, opAt);
          continue;
        }
        try {
          execute(op, opAt);
        } catch (LocationUnavailableException e) {
          unavailable = new Location.Storage.Unavailable(e.availability(), e.getMessage());
        }
      }
      if (pieces.isEmpty()) {
        Location.Storage s = segment(false);
        return new Location(List.of(new Location.Piece(-1, 0, s)));
      }
      if (sp > 0 || stackValue || implicitBytes != null || unavailable != null) {
        // Trailing operations after the last piece describe nothing (DWARF 5 2.6.1.2): report them as malformed.
        throw in.error("DWARF expression has operations after its last piece");
      }
      return new Location(pieces);
    }

    /** The storage that the operations since the last piece describe, and a reset for the next piece. */
    private Location.Storage segment(boolean inPiece) {
      Location.Storage s;
      if (unavailable != null) {
        s = unavailable;
      } else if (implicitBytes != null) {
        s = new Location.Storage.Bytes(implicitBytes);
      } else if (implicitDie >= 0) {
        s = new Location.Storage.ImplicitPointer(implicitDie, implicitOffset);
      } else if (sp == 0) {
        s = new Location.Storage.Unavailable(ValueAvailability.OPTIMIZED_OUT,
            inPiece ? "this part is optimized out" : "optimized out");
      } else if (stackValue || register) {
        s = new Location.Storage.Value(arr()[sp - 1], register && !stackValue);
      } else {
        s = new Location.Storage.Memory(arr()[sp - 1] & addressMask());
      }
      sp = 0;
      stackValue = false;
      register = false;
      implicitBytes = null;
      implicitDie = -1;
      implicitOffset = 0;
      unavailable = null;
      return s;
    }

    private long reference() {
      if (version <= 2) {
        return in.unsigned(addressSize);
      }
      return in.unsigned(offsetSize);
    }

    private void execute(int op, long opAt) {
      register = op == DwOp.WASM_LOCATION;
      if (op >= DwOp.LIT0 && op <= DwOp.LIT31) {
        push(op - DwOp.LIT0);
        return;
      }
      if (op >= DwOp.REG0 && op <= DwOp.REG31) {
        throw new LocationUnavailableException(ValueAvailability.UNAVAILABLE,
            "register " + (op - DwOp.REG0) + " (" + DwOp.name(op) + ") has no meaning in wasm");
      }
      if (op >= DwOp.BREG0 && op <= DwOp.BREG31) {
        in.sleb128();
        throw new LocationUnavailableException(ValueAvailability.UNAVAILABLE,
            "register " + (op - DwOp.BREG0) + " (" + DwOp.name(op) + ") has no meaning in wasm");
      }
      long a;
      long b;
      switch (op) {
        case DwOp.ADDR -> push(in.unsigned(addressSize));
        case DwOp.CONST1U -> push(in.u8());
        case DwOp.CONST1S -> push((byte) in.u8());
        case DwOp.CONST2U -> push(in.u16());
        case DwOp.CONST2S -> push((short) in.u16());
        case DwOp.CONST4U -> push(in.u32());
        case DwOp.CONST4S -> push(in.i32());
        case DwOp.CONST8U, DwOp.CONST8S -> push(in.u64());
        case DwOp.CONSTU -> push(in.uleb128());
        case DwOp.CONSTS -> push(in.sleb128());
        case DwOp.ADDRX, DwOp.CONSTX, DwOp.GNU_ADDR_INDEX, DwOp.GNU_CONST_INDEX -> push(ctx.debugAddr(in.uleb128()));
        case DwOp.DUP -> push(peek(0, op));
        case DwOp.DROP -> pop(op);
        case DwOp.OVER -> push(peek(1, op));
        case DwOp.PICK -> push(peek(in.u8(), op));
        case DwOp.SWAP -> {
          a = pop(op);
          b = pop(op);
          push(a);
          push(b);
        }
        case DwOp.ROT -> {
          a = pop(op);
          b = pop(op);
          long c = pop(op);
          push(a);
          push(c);
          push(b);
        }
        case DwOp.DEREF -> push(ctx.readMemory(pop(op) & addressMask(), addressSize));
        case DwOp.DEREF_SIZE -> {
          int size = in.u8();
          if (size < 1 || size > 8) {
            throw in.error(opAt, "DW_OP_deref_size of " + size + " bytes");
          }
          push(ctx.readMemory(pop(op) & addressMask(), size));
        }
        case DwOp.DEREF_TYPE, DwOp.GNU_DEREF_TYPE -> {
          int size = in.u8();
          long typeOffset = in.uleb128();
          if (size < 1 || size > 8) {
            throw in.error(opAt, "DW_OP_deref_type of " + size + " bytes");
          }
          long v = ctx.readMemory(pop(op) & addressMask(), size);
          push(extend(v, ctx.baseType(typeOffset)));
        }
        case DwOp.XDEREF, DwOp.XDEREF_SIZE, DwOp.XDEREF_TYPE ->
            throw new LocationUnavailableException(ValueAvailability.ERROR,
                DwOp.name(op) + ": wasm has no address spaces");
        case DwOp.ABS -> push(Math.abs(pop(op)));
        case DwOp.AND -> push(pop(op) & pop(op));
        case DwOp.DIV -> {
          b = pop(op);
          a = pop(op);
          if (b == 0) {
            throw new LocationUnavailableException(ValueAvailability.ERROR, "DW_OP_div by zero");
          }
          push(a / b);
        }
        case DwOp.MOD -> {
          b = pop(op);
          a = pop(op);
          if (b == 0) {
            throw new LocationUnavailableException(ValueAvailability.ERROR, "DW_OP_mod by zero");
          }
          push(Long.remainderUnsigned(a, b));
        }
        case DwOp.MINUS -> {
          b = pop(op);
          a = pop(op);
          push(a - b);
        }
        case DwOp.MUL -> push(pop(op) * pop(op));
        case DwOp.NEG -> push(-pop(op));
        case DwOp.NOT -> push(~pop(op));
        case DwOp.OR -> push(pop(op) | pop(op));
        case DwOp.PLUS -> push(pop(op) + pop(op));
        case DwOp.PLUS_UCONST -> push(pop(op) + in.uleb128());
        case DwOp.SHL -> {
          b = pop(op);
          a = pop(op);
          push(b >= 64 || b < 0 ? 0 : a << b);
        }
        case DwOp.SHR -> {
          b = pop(op);
          a = pop(op);
          push(b >= 64 || b < 0 ? 0 : a >>> b);
        }
        case DwOp.SHRA -> {
          b = pop(op);
          a = pop(op);
          push(b >= 64 || b < 0 ? (a < 0 ? -1 : 0) : a >> b);
        }
        case DwOp.XOR -> push(pop(op) ^ pop(op));
        case DwOp.EQ, DwOp.GE, DwOp.GT, DwOp.LE, DwOp.LT, DwOp.NE -> {
          b = pop(op);
          a = pop(op);
          boolean r = switch (op) {
            case DwOp.EQ -> a == b;
            case DwOp.GE -> a >= b;
            case DwOp.GT -> a > b;
            case DwOp.LE -> a <= b;
            case DwOp.LT -> a < b;
            default -> a != b;
          };
          push(r ? 1 : 0);
        }
        case DwOp.SKIP -> branch(opAt, (short) in.u16());
        case DwOp.BRA -> {
          int delta = (short) in.u16();
          if (pop(op) != 0) {
            branch(opAt, delta);
          }
        }
        case DwOp.REGX -> throw new LocationUnavailableException(ValueAvailability.UNAVAILABLE,
            "register " + in.uleb128() + " (DW_OP_regx) has no meaning in wasm");
        case DwOp.BREGX -> {
          long reg = in.uleb128();
          in.sleb128();
          throw new LocationUnavailableException(ValueAvailability.UNAVAILABLE,
              "register " + reg + " (DW_OP_bregx) has no meaning in wasm");
        }
        case DwOp.FBREG -> {
          long off = in.sleb128();
          push(ctx.frameBase() + off);
        }
        case DwOp.NOP -> { }
        case DwOp.PUSH_OBJECT_ADDRESS -> throw new LocationUnavailableException(ValueAvailability.ERROR,
            "DW_OP_push_object_address outside an object context");
        case DwOp.CALL2, DwOp.CALL4, DwOp.CALL_REF -> {
          skipOperands(op, opAt);
          throw new LocationUnavailableException(ValueAvailability.ERROR, DwOp.name(op) + " is not supported");
        }
        case DwOp.FORM_TLS_ADDRESS, DwOp.GNU_PUSH_TLS_ADDRESS -> throw new LocationUnavailableException(
            ValueAvailability.UNAVAILABLE, "thread-local storage address (" + DwOp.name(op) + ") is unknown");
        case DwOp.CALL_FRAME_CFA -> throw new LocationUnavailableException(ValueAvailability.UNAVAILABLE,
            "DW_OP_call_frame_cfa: wasm frames have no call frame information");
        case DwOp.IMPLICIT_VALUE -> {
          long len = in.uleb128();
          if (len > in.remaining()) {
            throw in.error(opAt, "DW_OP_implicit_value of " + len + " bytes past the expression end");
          }
          implicitBytes = in.bytes(len);
        }
        case DwOp.STACK_VALUE -> {
          if (sp == 0) {
            throw in.error(opAt, "DW_OP_stack_value on an empty stack");
          }
          stackValue = true;
        }
        case DwOp.IMPLICIT_POINTER, DwOp.GNU_IMPLICIT_POINTER -> {
          implicitDie = reference();
          implicitOffset = in.sleb128();
        }
        case DwOp.ENTRY_VALUE, DwOp.GNU_ENTRY_VALUE -> {
          long len = in.uleb128();
          if (len > in.remaining()) {
            throw in.error(opAt, "DW_OP_entry_value block past the expression end");
          }
          push(ctx.entryValue(in.bytes(len)));
        }
        case DwOp.CONST_TYPE, DwOp.GNU_CONST_TYPE -> {
          long typeOffset = in.uleb128();
          int size = in.u8();
          byte[] bytes = in.bytes(size);
          long v = 0;
          for (int i = Math.min(size, 8) - 1; i >= 0; i--) {
            v = (v << 8) | (bytes[i] & 0xFF);
          }
          push(extend(v, ctx.baseType(typeOffset)));
        }
        case DwOp.REGVAL_TYPE, DwOp.GNU_REGVAL_TYPE -> {
          long reg = in.uleb128();
          in.uleb128();
          throw new LocationUnavailableException(ValueAvailability.UNAVAILABLE,
              "register " + reg + " (DW_OP_regval_type) has no meaning in wasm");
        }
        case DwOp.CONVERT, DwOp.GNU_CONVERT, DwOp.REINTERPRET -> {
          long typeOffset = in.uleb128();
          long v = pop(op);
          // Offset 0 means the generic (address-sized) type.
          push(typeOffset == 0 ? v & addressMask()
              : op == DwOp.REINTERPRET ? v : extend(v, ctx.baseType(typeOffset)));
        }
        case DwOp.GNU_PARAMETER_REF -> {
          in.u32();
          throw new LocationUnavailableException(ValueAvailability.UNAVAILABLE,
              "DW_OP_GNU_parameter_ref: the caller's argument is not in the dump");
        }
        case DwOp.WASM_LOCATION -> {
          int kind = in.u8();
          switch (kind) {
            case 0 -> push(ctx.wasmLocal(in.uleb128()));
            case 1 -> push(ctx.wasmGlobal(in.uleb128()));
            case 2 -> push(ctx.operandStack(in.uleb128()));
            case 3 -> push(ctx.wasmGlobal(in.u32()));
            default -> throw in.error(opAt, "DW_OP_WASM_location kind " + kind + " unknown");
          }
        }
        default -> throw in.error(opAt, "unknown DWARF operation " + DwOp.name(op));
      }
    }

    private long extend(long v, LocationContext.BaseTypeInfo type) {
      int bits = Math.min(64, type.byteSize() * 8);
      if (bits <= 0 || bits >= 64) {
        return v;
      }
      long masked = v & ((1L << bits) - 1);
      if (type.signed() && (masked & (1L << (bits - 1))) != 0) {
        return masked | (-1L << bits);
      }
      return masked;
    }

    private void branch(long opAt, int delta) {
      long target = in.position() + delta;
      if (target < in.startOffset() || target > in.limit()) {
        throw in.error(opAt, "branch to 0x" + Long.toHexString(target) + " outside the expression");
      }
      in.seek(target);
    }

    /** Skips an operation's operands without executing it (used after a part became unavailable). */
    private void skipOperands(int op, long opAt) {
      if ((op >= DwOp.LIT0 && op <= DwOp.LIT31) || (op >= DwOp.REG0 && op <= DwOp.REG31)) {
        return;
      }
      if (op >= DwOp.BREG0 && op <= DwOp.BREG31) {
        in.sleb128();
        return;
      }
      switch (op) {
        case DwOp.ADDR -> in.skip(addressSize);
        case DwOp.CONST1U, DwOp.CONST1S, DwOp.PICK, DwOp.DEREF_SIZE, DwOp.XDEREF_SIZE -> in.skip(1);
        case DwOp.CONST2U, DwOp.CONST2S, DwOp.SKIP, DwOp.BRA, DwOp.CALL2 -> in.skip(2);
        case DwOp.CONST4U, DwOp.CONST4S, DwOp.CALL4, DwOp.GNU_PARAMETER_REF -> in.skip(4);
        case DwOp.CONST8U, DwOp.CONST8S -> in.skip(8);
        case DwOp.CONSTU, DwOp.PLUS_UCONST, DwOp.REGX, DwOp.ADDRX, DwOp.CONSTX, DwOp.CONVERT, DwOp.REINTERPRET,
            DwOp.GNU_CONVERT, DwOp.GNU_ADDR_INDEX, DwOp.GNU_CONST_INDEX -> in.uleb128();
        case DwOp.CONSTS, DwOp.FBREG -> in.sleb128();
        case DwOp.BREGX -> {
          in.uleb128();
          in.sleb128();
        }
        case DwOp.CALL_REF -> in.skip(version <= 2 ? addressSize : offsetSize);
        case DwOp.IMPLICIT_VALUE, DwOp.ENTRY_VALUE, DwOp.GNU_ENTRY_VALUE -> in.skip(in.uleb128());
        case DwOp.IMPLICIT_POINTER, DwOp.GNU_IMPLICIT_POINTER -> {
          reference();
          in.sleb128();
        }
        case DwOp.CONST_TYPE, DwOp.GNU_CONST_TYPE -> {
          in.uleb128();
          in.skip(in.u8());
        }
        case DwOp.REGVAL_TYPE, DwOp.GNU_REGVAL_TYPE -> {
          in.uleb128();
          in.uleb128();
        }
        case DwOp.DEREF_TYPE, DwOp.GNU_DEREF_TYPE, DwOp.XDEREF_TYPE -> {
          in.skip(1);
          in.uleb128();
        }
        case DwOp.WASM_LOCATION -> {
          int kind = in.u8();
          if (kind == 3) {
            in.skip(4);
          } else {
            in.uleb128();
          }
        }
        default -> {
          if (!isNoOperand(op)) {
            throw in.error(opAt, "unknown DWARF operation " + DwOp.name(op));
          }
        }
      }
    }
  }

  private static boolean isNoOperand(int op) {
    return switch (op) {
      case DwOp.DEREF, DwOp.DUP, DwOp.DROP, DwOp.OVER, DwOp.SWAP, DwOp.ROT, DwOp.XDEREF, DwOp.ABS, DwOp.AND,
          DwOp.DIV, DwOp.MINUS, DwOp.MOD, DwOp.MUL, DwOp.NEG, DwOp.NOT, DwOp.OR, DwOp.PLUS, DwOp.SHL, DwOp.SHR,
          DwOp.SHRA, DwOp.XOR, DwOp.EQ, DwOp.GE, DwOp.GT, DwOp.LE, DwOp.LT, DwOp.NE, DwOp.NOP,
          DwOp.PUSH_OBJECT_ADDRESS, DwOp.FORM_TLS_ADDRESS, DwOp.CALL_FRAME_CFA, DwOp.STACK_VALUE,
          DwOp.GNU_PUSH_TLS_ADDRESS -> true;
      default -> false;
    };
  }
}
