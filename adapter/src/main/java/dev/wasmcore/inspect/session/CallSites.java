package dev.wasmcore.inspect.session;

import dev.wasmcore.binary.MalformedInputException;
import dev.wasmcore.dwarf.AttributeValue;
import dev.wasmcore.dwarf.Die;
import dev.wasmcore.dwarf.DwAt;
import dev.wasmcore.dwarf.DwarfExpression;
import dev.wasmcore.inspect.loc.LocationEvaluator;
import dev.wasmcore.inspect.loc.LocationUnavailableException;
import dev.wasmcore.wasm.disasm.FunctionDisassembly;
import dev.wasmcore.wasm.disasm.WasmInstruction;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/** Call-site parameters (DWARF 5 section 3.4.2): values a caller passed, for DW_OP_entry_value in the callee. */
final class CallSites {
  private CallSites() {}

  static final int TAG_GNU_CALL_SITE = 0x4109;
  static final int TAG_GNU_CALL_SITE_PARAMETER = 0x410a;
  static final DwAt AT_CALL_RETURN_PC = DwAt.of(0x7d);
  static final DwAt AT_CALL_VALUE = DwAt.of(0x7e);
  static final DwAt AT_CALL_PC = DwAt.of(0x81);
  static final DwAt AT_GNU_CALL_SITE_VALUE = DwAt.of(0x2111);

  /** The entry value from the caller's call site, or null when the DWARF does not describe it. */
  static Long entryValue(PhysicalFrame caller, byte[] sub) {
    try {
      long callAt = caller.dwarfAddress;
      long returnPc = returnAddress(caller);
      Deque<Die> todo = new ArrayDeque<>();
      todo.add(caller.subprogram());
      int guard = 0;
      while (!todo.isEmpty() && guard++ < 100_000) {
        Die d = todo.poll();
        for (Die c : d.children()) {
          int t = c.tagCode();
          if (t == DwarfTypes.TAG_CALL_SITE || t == TAG_GNU_CALL_SITE) {
            if (matches(c, callAt, returnPc)) {
              Long v = parameter(caller, c, sub);
              if (v != null) {
                return v;
              }
            }
          } else if (t == DwarfTypes.TAG_LEXICAL_BLOCK || t == DwarfTypes.TAG_INLINED_SUBROUTINE) {
            todo.add(c);
          }
        }
      }
    } catch (MalformedInputException | LocationUnavailableException e) {
      return null;
    }
    return null;
  }

  /** The DWARF address just past the caller's call instruction, or -1. */
  private static long returnAddress(PhysicalFrame caller) {
    FunctionDisassembly fd = caller.module.disassembly.get(caller.frame.funcIndex());
    if (fd == null) {
      return -1;
    }
    int i = fd.indexAtCodeOffset(caller.frame.codeOffset().value());
    if (i < 0) {
      return -1;
    }
    WasmInstruction insn = fd.instructions().get(i);
    return insn.endOffset() - caller.module.wasm.codePayloadStart().value();
  }

  private static boolean matches(Die site, long callAt, long returnPc) {
    AttributeValue pc = site.attribute(AT_CALL_PC);
    if (pc != null) {
      return pc.asAddress() == callAt;
    }
    AttributeValue ret = site.attribute(AT_CALL_RETURN_PC);
    if (ret == null) {
      ret = site.attribute(DwAt.DW_AT_low_pc);
    }
    return ret != null && returnPc >= 0 && ret.asAddress() == returnPc;
  }

  private static Long parameter(PhysicalFrame caller, Die site, byte[] sub) {
    for (Die p : site.children()) {
      int t = p.tagCode();
      if (t != DwarfTypes.TAG_CALL_SITE_PARAMETER && t != TAG_GNU_CALL_SITE_PARAMETER) {
        continue;
      }
      AttributeValue loc = p.attribute(DwAt.DW_AT_location);
      if (loc == null || loc.isLocationList() || !Arrays.equals(loc.asBlock().toByteArray(), sub)) {
        continue;
      }
      AttributeValue val = p.attribute(AT_CALL_VALUE);
      if (val == null) {
        val = p.attribute(AT_GNU_CALL_SITE_VALUE);
      }
      if (val == null) {
        return null;
      }
      DwarfExpression e = val.asExpression();
      return new LocationEvaluator(e.addressSize(), e.offsetSize(), e.version()).evaluateValue(e.bytes().reader(),
          caller);
    }
    return null;
  }
}
