package dev.wasmcore.wasm.disasm;

import dev.wasmcore.binary.ByteReader;
import dev.wasmcore.binary.ByteRegion;
import dev.wasmcore.binary.MalformedInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Decodes the instructions of one function body lazily, one at a time, straight from the module file.
 *
 * <p>The body region starts at the byte right after the body-size LEB128 (core spec 5.5.13): the local declarations
 * ({@code vec(locals)}, each a count and a value type), then the instructions up to and including the final
 * {@code end}. Offsets are absolute file offsets. Every read is bounded by the body; a malformed immediate or an
 * unknown opcode yields one final instruction with {@link WasmInstruction#known()} false covering the rest of the
 * body, after which {@link #hasNext()} is false: the decoder never throws for bad code bytes and never loops.
 */
public final class InstructionDecoder {
  private final ByteRegion body;
  private ByteReader reader;
  private long codeStart = -1;
  private int depth;
  private boolean done;
  private String stopReason;

  /** A decoder over a body region (local declarations first). */
  public InstructionDecoder(ByteRegion body) {
    this.body = body;
  }

  /** The body being decoded. */
  public ByteRegion body() {
    return body;
  }

  /**
   * File offset of the first instruction, after the local declarations; -1 when the declarations are malformed
   * (then the single instruction returned describes why).
   */
  public long codeStart() {
    start();
    return codeStart;
  }

  /** Why decoding stopped before the end of the body, or null when it did not (or has not yet). */
  public String stopReason() {
    return stopReason;
  }

  private void start() {
    if (reader != null) {
      return;
    }
    reader = body.reader();
    try {
      long groups = reader.varU32();
      if (groups > reader.remaining() / 2) {
        throw reader.error("local declaration count " + groups + " exceeds the body");
      }
      for (long i = 0; i < groups; i++) {
        reader.varU32();
        readValType(reader);
      }
      codeStart = reader.position();
    } catch (MalformedInputException e) {
      codeStart = -1;
      stopReason = "malformed local declarations: " + e.getMessage();
    }
  }

  public boolean hasNext() {
    start();
    return !done && (codeStart < 0 || reader.hasRemaining());
  }

  /** The next instruction. */
  public WasmInstruction next() {
    if (!hasNext()) {
      throw new NoSuchElementException("end of body " + body);
    }
    if (codeStart < 0) {
      done = true;
      return new WasmInstruction(body.start(), (int) Math.min(Integer.MAX_VALUE, body.length()), 0, 0,
          "(" + stopReason + ")", List.of(), 0, false);
    }
    long at = reader.position();
    int opcodeByte = reader.u8();
    try {
      if (OpcodeTable.isPrefix(opcodeByte)) {
        long sub = reader.varU32();
        OpcodeTable.Op op = OpcodeTable.prefixed(opcodeByte, sub);
        if (op == null) {
          return unknown(at, String.format("unknown 0x%02x 0x%x", opcodeByte, sub));
        }
        return finish(at, opcodeByte, (int) sub, op);
      }
      OpcodeTable.Op op = OpcodeTable.single(opcodeByte);
      if (op == null) {
        return unknown(at, String.format("unknown 0x%02x", opcodeByte));
      }
      return finish(at, 0, opcodeByte, op);
    } catch (MalformedInputException e) {
      return unknown(at, String.format("malformed instruction 0x%02x: %s", opcodeByte, e.getMessage()));
    }
  }

  /** Decodes everything left. */
  public List<WasmInstruction> remaining() {
    List<WasmInstruction> out = new ArrayList<>();
    while (hasNext()) {
      out.add(next());
    }
    return out;
  }

  private WasmInstruction unknown(long at, String what) {
    done = true;
    long rest = body.end() - at;
    stopReason = what + " at file offset 0x" + Long.toHexString(at) + "; " + rest + " bytes not decoded";
    reader.seek(body.end());
    return new WasmInstruction(at, (int) Math.min(Integer.MAX_VALUE, rest), 0, 0, what, List.of(), depth, false);
  }

  private WasmInstruction finish(long at, int prefix, int opcode, OpcodeTable.Op op) {
    List<Immediate> imms = immediates(op);
    int shownDepth = depth;
    if (prefix == 0) {
      switch (opcode) {
        case 0x02, 0x03, 0x04, 0x06, 0x1F -> depth++; // block, loop, if, try, try_table open a block
        case 0x05, 0x07, 0x19 -> shownDepth = Math.max(0, depth - 1); // else, catch, catch_all
        case 0x0B, 0x18 -> { // end, delegate close one
          depth = Math.max(0, depth - 1);
          shownDepth = depth;
        }
        default -> { }
      }
    }
    int length = (int) (reader.position() - at);
    return new WasmInstruction(at, length, prefix, opcode, op.name(), imms, shownDepth, true);
  }

  private List<Immediate> immediates(OpcodeTable.Op op) {
    ByteReader r = reader;
    return switch (op.imm()) {
      case NONE -> List.of();
      case BLOCK -> List.of(blockType(r));
      case LABEL -> List.of(idx(Immediate.Space.LABEL, r));
      case FUNC -> List.of(idx(Immediate.Space.FUNC, r));
      case TYPE -> List.of(idx(Immediate.Space.TYPE, r));
      case LOCAL -> List.of(idx(Immediate.Space.LOCAL, r));
      case GLOBAL -> List.of(idx(Immediate.Space.GLOBAL, r));
      case TABLE -> List.of(idx(Immediate.Space.TABLE, r));
      case TAG -> List.of(idx(Immediate.Space.TAG, r));
      case MEMORY -> List.of(idx(Immediate.Space.MEMORY, r));
      case DATA -> List.of(idx(Immediate.Space.DATA, r));
      case ELEM -> List.of(idx(Immediate.Space.ELEM, r));
      // call_indirect: type index, then table index (a zero byte before reference types).
      case CALL_INDIRECT -> {
        Immediate type = idx(Immediate.Space.TYPE, r);
        yield List.of(idx(Immediate.Space.TABLE, r), type);
      }
      case DATA_MEMORY -> {
        Immediate data = idx(Immediate.Space.DATA, r);
        yield List.of(idx(Immediate.Space.MEMORY, r), data);
      }
      case MEMORY_MEMORY -> List.of(idx(Immediate.Space.MEMORY, r), idx(Immediate.Space.MEMORY, r));
      case ELEM_TABLE -> {
        Immediate elem = idx(Immediate.Space.ELEM, r);
        yield List.of(idx(Immediate.Space.TABLE, r), elem);
      }
      case TABLE_TABLE -> List.of(idx(Immediate.Space.TABLE, r), idx(Immediate.Space.TABLE, r));
      case I32 -> List.of(new Immediate.I32(r.varS32()));
      case I64 -> List.of(new Immediate.I64(r.varS64()));
      case F32 -> List.of(new Immediate.F32(r.i32()));
      case F64 -> List.of(new Immediate.F64(r.u64()));
      case V128 -> List.of(new Immediate.V128(r.u64(), r.u64()));
      case MEMARG -> List.of(memArg(r, op));
      case MEMARG_LANE -> List.of(memArg(r, op), new Immediate.Index(Immediate.Space.LANE, r.u8()));
      case LANE -> List.of(new Immediate.Index(Immediate.Space.LANE, r.u8()));
      case SHUFFLE -> {
        List<Integer> lanes = new ArrayList<>(16);
        for (int i = 0; i < 16; i++) {
          lanes.add(r.u8());
        }
        yield List.of(new Immediate.Lanes(lanes));
      }
      case BR_TABLE -> {
        int n = r.vecLength(1, "br_table label");
        List<Long> labels = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          labels.add(r.varU32());
        }
        yield List.of(new Immediate.BrTable(labels, r.varU32()));
      }
      case SELECT_T -> {
        int n = r.vecLength(1, "select type");
        List<String> types = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          types.add(readValType(r));
        }
        yield List.of(new Immediate.ValTypes(types));
      }
      case HEAP_TYPE -> List.of(new Immediate.HeapType(heapType(r)));
      case TRY_TABLE -> {
        Immediate.BlockType bt = blockType(r);
        int n = r.vecLength(2, "try_table catch");
        List<Immediate.Catch> catches = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          int kind = r.u8();
          if (kind > 3) {
            throw r.error(r.position() - 1, "unknown try_table catch kind " + kind);
          }
          long tag = kind < 2 ? r.varU32() : -1;
          catches.add(new Immediate.Catch(kind, tag, r.varU32()));
        }
        yield List.of(bt, new Immediate.Catches(catches));
      }
      case ZERO_BYTE -> {
        int b = r.u8();
        if (b != 0) {
          throw r.error(r.position() - 1, "expected a zero byte, found 0x" + Integer.toHexString(b));
        }
        yield List.of();
      }
    };
  }

  private static Immediate.Index idx(Immediate.Space space, ByteReader r) {
    return new Immediate.Index(space, r.varU32());
  }

  /**
   * memarg (5.4.6): {@code align:u32 offset:u64}; with multi-memory, bit 6 of align says a {@code memidx:u32}
   * follows the alignment (and the offset is u64 for memory64).
   */
  private static Immediate.MemArg memArg(ByteReader r, OpcodeTable.Op op) {
    long align = r.varU32();
    long memory = 0;
    if ((align & 0x40) != 0) {
      align &= ~0x40L;
      memory = r.varU32();
    }
    long offset = r.varU64();
    return new Immediate.MemArg(align, offset, memory, op.naturalAlign());
  }

  /** blocktype (5.4.1): 0x40 empty, a value type, or a non-negative s33 type index. */
  private static Immediate.BlockType blockType(ByteReader r) {
    int b = r.peekU8();
    if (b == 0x40) {
      r.u8();
      return Immediate.BlockType.EMPTY;
    }
    String vt = simpleValType(b);
    if (vt != null || b == 0x63 || b == 0x64) {
      return new Immediate.BlockType(readValType(r), -1);
    }
    long at = r.position();
    long index = r.sleb128();
    if (index < 0 || index > 0xFFFF_FFFFL || r.position() - at > 5) {
      throw r.error(at, "invalid block type " + index);
    }
    return new Immediate.BlockType(null, index);
  }

  private static String simpleValType(int b) {
    return switch (b) {
      case 0x7F -> "i32";
      case 0x7E -> "i64";
      case 0x7D -> "f32";
      case 0x7C -> "f64";
      case 0x7B -> "v128";
      case 0x70 -> "funcref";
      case 0x6F -> "externref";
      case 0x6E -> "anyref";
      case 0x6D -> "eqref";
      case 0x6C -> "i31ref";
      case 0x6B -> "structref";
      case 0x6A -> "arrayref";
      case 0x69 -> "exnref";
      case 0x71 -> "nullref";
      case 0x72 -> "nullexternref";
      case 0x73 -> "nullfuncref";
      case 0x74 -> "nullexnref";
      default -> null;
    };
  }

  /** A value type (5.3.4), including reference types {@code (ref null? heaptype)} of typed references and GC. */
  static String readValType(ByteReader r) {
    long at = r.position();
    int b = r.u8();
    String simple = simpleValType(b);
    if (simple != null) {
      return simple;
    }
    if (b == 0x63 || b == 0x64) {
      return "(ref " + (b == 0x63 ? "null " : "") + heapType(r) + ")";
    }
    throw r.error(at, "unknown value type 0x" + Integer.toHexString(b));
  }

  /** A heap type: an abstract type (one byte, negative as s33) or a type index. */
  private static String heapType(ByteReader r) {
    long at = r.position();
    int b = r.peekU8();
    String abs = switch (b) {
      case 0x70 -> "func";
      case 0x6F -> "extern";
      case 0x6E -> "any";
      case 0x6D -> "eq";
      case 0x6C -> "i31";
      case 0x6B -> "struct";
      case 0x6A -> "array";
      case 0x69 -> "exn";
      case 0x71 -> "none";
      case 0x72 -> "noextern";
      case 0x73 -> "nofunc";
      case 0x74 -> "noexn";
      default -> null;
    };
    if (abs != null) {
      r.u8();
      return abs;
    }
    long index = r.sleb128();
    if (index < 0 || index > 0xFFFF_FFFFL) {
      throw r.error(at, "invalid heap type " + index);
    }
    return Long.toString(index);
  }
}
