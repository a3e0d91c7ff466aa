package dev.wasmcore.inspect.session;

import dev.wasmcore.binary.ByteRegion;
import dev.wasmcore.binary.MalformedInputException;
import dev.wasmcore.dwarf.AttributeValue;
import dev.wasmcore.dwarf.Die;
import dev.wasmcore.dwarf.DwAt;
import java.util.List;

/**
 * Finds the stack-pointer global: by its name-section name {@code __stack_pointer}, else as the global that a
 * frame's DWARF frame base names ({@code DW_OP_WASM_location 0x3 N} or {@code 0x1 N}).
 */
final class StackPointer {
  private StackPointer() {}

  static long globalIndex(LoadedModule m, List<PhysicalFrame> frames) {
    long byName = m.globalIndex("__stack_pointer");
    if (byName >= 0) {
      return byName;
    }
    for (PhysicalFrame pf : frames) {
      Die sub = pf.subprogram();
      if (sub == null) {
        continue;
      }
      long g = frameBaseGlobal(sub);
      if (g >= 0) {
        return g;
      }
    }
    return -1;
  }

  /** The global a subprogram's DW_AT_frame_base names, or -1. */
  static long frameBaseGlobal(Die sub) {
    try {
      AttributeValue fb = sub.attributeRecursive(DwAt.DW_AT_frame_base);
      if (fb == null || fb.isLocationList()) {
        return -1;
      }
      ByteRegion b = fb.asExpression().bytes();
      if (b.length() >= 3 && b.u8(0) == 0xED) {
        int kind = b.u8(1);
        if (kind == 3 && b.length() >= 6) {
          return b.u8(2) | (long) b.u8(3) << 8 | (long) b.u8(4) << 16 | (long) b.u8(5) << 24;
        }
        if (kind == 1) {
          return b.readerAt(2).uleb128();
        }
      }
    } catch (MalformedInputException e) {
      return -1;
    }
    return -1;
  }
}
