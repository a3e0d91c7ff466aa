package dev.wasmcore.inspect.session;

import dev.wasmcore.binary.ByteReader;
import dev.wasmcore.binary.MalformedInputException;
import dev.wasmcore.coredump.CoreDump;
import dev.wasmcore.coredump.ProducerInfo;
import dev.wasmcore.inspect.CrashInfo;
import dev.wasmcore.inspect.DebugThread;
import dev.wasmcore.inspect.FrameKind;
import dev.wasmcore.inspect.FrameView;
import dev.wasmcore.wasm.WasmValue;
import java.util.List;

/**
 * Why the program stopped. A core dump carries no trap message, so the trap is inferred from the instruction the
 * youngest frame stopped at (WebAssembly core spec, section 4.4 execution: which instructions trap and why), and the
 * summary says it was inferred.
 */
final class Crash {
  private Crash() {}

  /** A trap kind: id, V8-style message, the instruction it was inferred from. */
  record Trap(String id, String message, String instruction) {}

  static CrashInfo info(CoreDump dump, List<DebugThread> threads) {
    ProducerInfo pi = dump.producer();
    String producer = pi.producer().displayName();
    String layout = pi.layout().description() + (dump.codeOffsetsRecorded() ? ""
        : "; this producer recorded no code offsets: each frame shows its function's first instruction");
    FrameView top = null;
    for (DebugThread t : threads) {
      if (!t.frames().isEmpty()) {
        top = t.frames().get(0);
        break;
      }
    }
    if (top == null) {
      return new CrashInfo("trap", "trap (the dump has no frames)", producer, layout, "The dump has no frames.");
    }
    PhysicalFrame pf = ((FrameImpl) top).physical;
    Trap trap = infer(pf);
    FrameView user = top;
    for (FrameView f : threads.get(0).frames()) {
      if (f.kind() == FrameKind.USER) {
        user = f;
        break;
      }
    }
    StringBuilder summary = new StringBuilder("Trap: ").append(trap.message());
    if (trap.instruction() != null) {
      summary.append(" (inferred from the trapping instruction '").append(trap.instruction()).append("')");
    }
    summary.append("\n  in ").append(top.function());
    if (top.location() != null) {
      summary.append(" at ").append(top.location().displayPath()).append(':').append(top.location().line());
    }
    if (user != top) {
      summary.append("\n  first frame of your code: #").append(user.index()).append(' ').append(user.function());
      if (user.location() != null) {
        summary.append(" at ").append(user.location().displayPath()).append(':').append(user.location().line());
      }
    }
    return new CrashInfo(trap.id(), trap.message(), producer, layout, summary.toString());
  }

  static Trap infer(PhysicalFrame pf) {
    Trap t = classify(pf);
    String mnemonic = mnemonic(pf);
    return mnemonic == null || t.instruction() == null ? t : new Trap(t.id(), t.message(), mnemonic);
  }

  /** The trapping instruction's text-format name ({@code i32.store}), or null. */
  private static String mnemonic(PhysicalFrame pf) {
    try {
      var fd = pf.module.disassembly.get(pf.frame.funcIndex());
      int i = fd == null ? -1 : fd.indexAtCodeOffset(pf.frame.codeOffset().value());
      return i < 0 ? null : fd.instructions().get(i).text();
    } catch (MalformedInputException | IndexOutOfBoundsException e) {
      return null;
    }
  }

  private static Trap classify(PhysicalFrame pf) {
    int op;
    int sub = -1;
    try {
      long at = pf.module.wasm.fileOffset(pf.frame.funcIndex(), pf.frame.codeOffset()).value();
      ByteReader r = pf.module.wasm.source().all().readerAt(at);
      op = r.u8();
      if (op == 0xFC || op == 0xFD) {
        sub = (int) r.varU32();
      }
    } catch (MalformedInputException | IllegalArgumentException e) {
      return new Trap("trap", "trap", null);
    }
    if (op == 0x00) {
      return new Trap("unreachable", "unreachable", "unreachable");
    }
    if ((op >= 0x28 && op <= 0x3e) || (op == 0xFC && (sub == 8 || sub == 10 || sub == 11))
        || (op == 0xFD && sub >= 0 && sub <= 11)) {
      String name = op >= 0x28 && op <= 0x35 ? "load" : op >= 0x36 && op <= 0x3e ? "store"
          : op == 0xFC ? (sub == 8 ? "memory.init" : sub == 10 ? "memory.copy" : "memory.fill") : "v128 load/store";
      return new Trap("memory-access-out-of-bounds", "memory access out of bounds", name);
    }
    if (op == 0x6d || op == 0x6f || op == 0x7f || op == 0x81 || op == 0x6e || op == 0x70 || op == 0x80
        || op == 0x82) {
      boolean signedDiv = op == 0x6d || op == 0x7f;
      String name = switch (op) {
        case 0x6d -> "i32.div_s";
        case 0x6e -> "i32.div_u";
        case 0x6f -> "i32.rem_s";
        case 0x70 -> "i32.rem_u";
        case 0x7f -> "i64.div_s";
        case 0x80 -> "i64.div_u";
        case 0x81 -> "i64.rem_s";
        default -> "i64.rem_u";
      };
      // The operands may still be on the recorded stack: tell divide-by-zero from overflow when they are.
      List<WasmValue> st = pf.frame.stack();
      if (st.size() >= 2) {
        WasmValue divisor = st.get(st.size() - 1);
        WasmValue dividend = st.get(st.size() - 2);
        if (!divisor.isMissing() && divisor.bits() == 0) {
          return new Trap("divide-by-zero", "divide by zero", name);
        }
        if (signedDiv && !divisor.isMissing() && !dividend.isMissing() && divisor.bits() == -1) {
          return new Trap("integer-overflow", "divide result unrepresentable", name);
        }
      }
      return new Trap("divide-by-zero", signedDiv ? "divide by zero (or integer overflow)" : "divide by zero",
          name);
    }
    if (op >= 0xa8 && op <= 0xb1) {
      return new Trap("float-unrepresentable", "float unrepresentable in integer range", "trunc");
    }
    if (op == 0x11) {
      return new Trap("indirect-call", "indirect call to a null entry or a function signature mismatch",
          "call_indirect");
    }
    if (op == 0x10) {
      return new Trap("call", "trap in a call (stack exhausted, or in the callee)", "call");
    }
    return new Trap("trap", "trap", String.format("opcode 0x%02x", op));
  }
}
