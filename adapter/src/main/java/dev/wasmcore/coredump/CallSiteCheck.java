package dev.wasmcore.coredump;

import dev.wasmcore.binary.ByteReader;
import dev.wasmcore.binary.MalformedInputException;
import dev.wasmcore.wasm.FunctionBody;
import dev.wasmcore.wasm.WasmModule;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Whether a module is the one a thread crashed in, judged from its code bytes. A caller frame's code offset is its
 * call instruction (V8, wasmtime and LLDB agree), so in the right module the byte there is a call opcode
 * ({@code 0x10 call} .. {@code 0x15 return_call_ref}), and a direct {@code call} to a defined function names the
 * function of the frame above it. A module with the same function count but other code (a rebuild, the DWARF 4
 * sibling of a DWARF 5 build) fails this before any frame is shown wrong. Dumps whose producer records no code
 * offsets, and WasmEdge (whose offsets count differently), are not judged.
 */
public final class CallSiteCheck {
  private CallSiteCheck() {}

  /**
   * The first caller frame of {@code thread} whose code offset is not a call that fits, as an error on the dump at
   * that frame's offset; empty when the frames fit.
   *
   * @param moduleOf the module each frame runs in
   */
  public static Optional<MalformedInputException> mismatch(CoreDump dump, CoreThread thread,
      Function<CoreFrame, WasmModule> moduleOf) {
    if (dump.producer().producer() == Producer.WASMEDGE || !dump.codeOffsetsRecorded()) {
      return Optional.empty();
    }
    List<CoreFrame> fs = thread.frames();
    for (int i = 1; i < fs.size(); i++) {
      CoreFrame caller = fs.get(i);
      CoreFrame callee = fs.get(i - 1);
      WasmModule m = moduleOf.apply(caller);
      Optional<FunctionBody> body = m.body(caller.funcIndex());
      if (body.isEmpty() || caller.codeOffset().value() >= body.get().size()) {
        continue; // the range check of CoreDump.dwarfAddress reports these
      }
      ByteReader r = body.get().body().readerAt(caller.codeOffset().value());
      int op = r.u8();
      String why = null;
      if (op < 0x10 || op > 0x15) {
        why = "is not at a call instruction (opcode 0x" + Integer.toHexString(op) + ")";
      } else if (op == 0x10 && callee.instanceIndex() == caller.instanceIndex()) {
        try {
          long target = r.varU32();
          if (target >= m.importedFunctionCount() && target != callee.funcIndex()) {
            why = "calls function " + target + " there, but the frame it called is function " + callee.funcIndex();
          }
        } catch (MalformedInputException e) {
          why = "has a malformed call instruction (" + e.reason() + ")";
        }
      }
      if (why != null) {
        return Optional.of(new MalformedInputException(dump.name(), caller.fileOffset(), "custom section "
            + "\"corestack\": frame " + caller.index() + " (function " + caller.funcIndex() + ", code offset "
            + caller.codeOffset().value() + ") " + why + " in " + m.name() + "; is this the module that crashed?"));
      }
    }
    return Optional.empty();
  }
}
