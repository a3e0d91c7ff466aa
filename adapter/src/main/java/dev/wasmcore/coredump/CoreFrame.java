package dev.wasmcore.coredump;

import dev.wasmcore.wasm.CodeOffset;
import dev.wasmcore.wasm.WasmValue;
import java.util.List;

/**
 * One {@code corestack} frame (Coredump.md {@code frame ::= 0x0 instanceidx:u32 funcidx:u32 codeoffset:u32
 * locals:vec(value) stack:vec(value)}), youngest first.
 *
 * @param index position in its thread, 0 = the frame that trapped
 * @param instanceIndex index into {@code coreinstances}, or -1 when the layout has none (WasmEdge)
 * @param funcIndex function index of the module, imports counted
 * @param codeOffset offset from the start of the function body (after the body-size LEB); for caller frames the call
 *     instruction itself
 * @param locals the recorded locals (parameters first); may be shorter than the function's locals
 * @param stack the recorded operand stack, bottom first
 * @param fileOffset file offset of the frame in the dump (for messages)
 */
public record CoreFrame(int index, long instanceIndex, long funcIndex, CodeOffset codeOffset, List<WasmValue> locals,
    List<WasmValue> stack, long fileOffset) {
  public CoreFrame {
    locals = List.copyOf(locals);
    stack = List.copyOf(stack);
  }

  /** Local {@code i}, or missing when the dump did not record it: never a made-up zero. */
  public WasmValue local(int i) {
    return i >= 0 && i < locals.size() ? locals.get(i) : WasmValue.missing();
  }

  /** Operand stack slot {@code i} counted from the bottom, or missing. */
  public WasmValue stackValue(int i) {
    return i >= 0 && i < stack.size() ? stack.get(i) : WasmValue.missing();
  }
}
