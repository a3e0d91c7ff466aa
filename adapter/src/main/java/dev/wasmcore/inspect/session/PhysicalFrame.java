package dev.wasmcore.inspect.session;

import dev.wasmcore.binary.MalformedInputException;
import dev.wasmcore.coredump.CoreDump;
import dev.wasmcore.coredump.CoreFrame;
import dev.wasmcore.coredump.MemoryImage;
import dev.wasmcore.dwarf.CompileUnit;
import dev.wasmcore.dwarf.Die;
import dev.wasmcore.dwarf.DwAt;
import dev.wasmcore.dwarf.DwarfExpression;
import dev.wasmcore.dwarf.DwarfVariable;
import dev.wasmcore.inspect.loc.LocationContext;
import dev.wasmcore.inspect.loc.LocationEvaluator;
import dev.wasmcore.inspect.loc.LocationUnavailableException;
import dev.wasmcore.inspect.loc.ValueAvailability;
import dev.wasmcore.wasm.WasmValue;
import java.util.List;
import java.util.OptionalLong;

/**
 * One {@code corestack} frame with what its source levels share: the module, the DWARF address, the unit, the
 * chain of subroutines (innermost first) and the answers a location expression asks for. It is the
 * {@link LocationContext} of every variable of the frame: locals, operand stack and globals come from the dump,
 * memory from the instance's memory image, and the frame base from the subprogram's {@code DW_AT_frame_base}, or,
 * when the dump lacks the local it names, from the frame-base reconstruction.
 */
final class PhysicalFrame implements LocationContext {
  final int threadId;
  final CoreFrame frame;
  final LoadedModule module;
  final CoreDump dump;
  final long dwarfAddress;
  final CompileUnit unit;
  /** Subroutine DIEs at the address, innermost first; the last is the DW_TAG_subprogram. Empty without DWARF. */
  final List<Die> chain;
  private final MemoryImage memory;
  /** Rebuilt values (frame base and stack-pointer copies) when the dump lacks locals; set once after the walk. */
  private volatile FrameBases.Result rebuilt;

  PhysicalFrame(int threadId, CoreFrame frame, LoadedModule module, CoreDump dump, long dwarfAddress,
      CompileUnit unit, List<Die> chain) {
    this.threadId = threadId;
    this.frame = frame;
    this.module = module;
    this.dump = dump;
    this.dwarfAddress = dwarfAddress;
    this.unit = unit;
    this.chain = List.copyOf(chain);
    this.memory = dump.instanceMemory(frame.instanceIndex(), 0).orElse(null);
  }

  Die subprogram() {
    return chain.isEmpty() ? null : chain.get(chain.size() - 1);
  }

  private volatile long rebuiltBase = -1;

  void setRebuiltBase(long base) {
    this.rebuiltBase = base;
  }

  /** The rebuilt frame base (the stack pointer while this frame ran), or -1. */
  long rebuiltBase() {
    return rebuiltBase;
  }

  void setRebuilt(FrameBases.Result r) {
    this.rebuilt = r;
  }

  FrameBases.Result rebuilt() {
    return rebuilt;
  }

  MemoryImage memory() {
    return memory;
  }

  /** The evaluator for this frame's unit encoding. */
  LocationEvaluator evaluator(DwarfExpression e) {
    return new LocationEvaluator(e.addressSize(), e.offsetSize(), e.version());
  }

  static long bitsOf(WasmValue v) {
    return switch (v.kind()) {
      case I32, F32 -> v.bits() & 0xFFFFFFFFL;
      default -> v.bits();
    };
  }

  /** Whether the dump recorded any local of this frame. */
  boolean dumpHasLocals() {
    return !frame.locals().isEmpty();
  }

  @Override
  public long wasmLocal(long index) {
    WasmValue v = index >= 0 && index < Integer.MAX_VALUE ? frame.local((int) index) : WasmValue.missing();
    if (!v.isMissing()) {
      return bitsOf(v);
    }
    FrameBases.Result r = rebuilt;
    if (r != null && r.locals().containsKey(index)) {
      return r.locals().get(index);
    }
    throw new LocationUnavailableException(ValueAvailability.UNAVAILABLE, dumpHasLocals()
        ? "wasm local " + index + " is not in the dump"
        : "the dump has no locals (wasm local " + index + ")" + (r != null && r.reason() != null
            ? "; " + r.reason() : ""));
  }

  /** Whether local {@code index} is a rebuilt value rather than a dump value. */
  boolean isRebuiltLocal(long index) {
    WasmValue v = index >= 0 && index < Integer.MAX_VALUE ? frame.local((int) index) : WasmValue.missing();
    FrameBases.Result r = rebuilt;
    return v.isMissing() && r != null && r.locals().containsKey(index);
  }

  @Override
  public long wasmGlobal(long index) {
    WasmValue v = dump.instanceGlobal(frame.instanceIndex(), index);
    if (v.isMissing() || v.kind() == WasmValue.Kind.REF_NULL) {
      throw new LocationUnavailableException(ValueAvailability.UNAVAILABLE,
          "wasm global " + index + " is not in the dump");
    }
    return bitsOf(v);
  }

  @Override
  public long operandStack(long index) {
    WasmValue v = index >= 0 && index < Integer.MAX_VALUE ? frame.stackValue((int) index) : WasmValue.missing();
    if (v.isMissing()) {
      throw new LocationUnavailableException(ValueAvailability.UNAVAILABLE,
          "operand stack slot " + index + " is not in the dump");
    }
    return bitsOf(v);
  }

  @Override
  public long readMemory(long address, int size) {
    if (memory == null) {
      throw new LocationUnavailableException(ValueAvailability.UNREADABLE, "the dump has no memory");
    }
    OptionalLong v = memory.readUnsigned(address, size);
    if (v.isEmpty()) {
      throw LocationUnavailableException.unreadable(address);
    }
    return v.getAsLong();
  }

  /** The frame base: DW_AT_frame_base evaluated here, else the rebuilt one. */
  @Override
  public long frameBase() {
    Die sub = subprogram();
    if (sub == null) {
      throw new LocationUnavailableException(ValueAvailability.ERROR, "no subprogram for DW_OP_fbreg");
    }
    DwarfExpression fb;
    try {
      fb = DwarfVariable.frameBase(sub, dwarfAddress);
    } catch (MalformedInputException e) {
      throw new LocationUnavailableException(ValueAvailability.ERROR, e.getMessage());
    }
    if (fb == null) {
      throw new LocationUnavailableException(ValueAvailability.ERROR, "the subprogram has no DW_AT_frame_base");
    }
    if (frame.index() > 0 && rebuiltBase >= 0 && StackPointer.frameBaseGlobal(sub) >= 0) {
      // The global holds the youngest frame's stack pointer at the trap, not this caller's: use the walk's value.
      return rebuiltBase;
    }
    FrameContextGuard.enter();
    try {
      return evaluator(fb).evaluateValue(fb.bytes().reader(), this);
    } catch (MalformedInputException e) {
      throw new LocationUnavailableException(ValueAvailability.ERROR, e.getMessage());
    } finally {
      FrameContextGuard.exit();
    }
  }

  @Override
  public long debugAddr(long index) {
    if (unit == null) {
      throw new LocationUnavailableException(ValueAvailability.ERROR, "no unit for DW_OP_addrx");
    }
    try {
      return unit.addressAtIndex(index);
    } catch (MalformedInputException e) {
      throw new LocationUnavailableException(ValueAvailability.ERROR, e.getMessage());
    }
  }

  @Override
  public BaseTypeInfo baseType(long unitOffset) {
    if (unit == null) {
      return LocationContext.super.baseType(unitOffset);
    }
    Die d = unit.dieAtOffset(unit.offset() + unitOffset);
    if (d == null) {
      return LocationContext.super.baseType(unitOffset);
    }
    long size = d.unsigned(DwAt.DW_AT_byte_size, 4);
    long enc = d.unsigned(DwarfTypes.AT_ENCODING, 0);
    return new BaseTypeInfo((int) size, enc == 0x05 || enc == 0x06, enc == 0x04);
  }

  /** The calling frame (the next older one), or null for the outermost; set once when the thread is built. */
  private volatile PhysicalFrame caller;

  void setCaller(PhysicalFrame c) {
    this.caller = c;
  }

  /**
   * DW_OP_entry_value (DWARF 5 section 2.5.1.7): the value the sub-expression had on entry, recovered from the
   * caller's DW_TAG_call_site for this call (its DW_AT_call_return_pc just past the caller's call instruction, or
   * DW_AT_call_pc on it) and the DW_TAG_call_site_parameter whose DW_AT_location is the same expression: its
   * DW_AT_call_value evaluated in the caller's frame. Unavailable when the DWARF has no such parameter.
   */
  @Override
  public long entryValue(byte[] subExpression) {
    PhysicalFrame c = caller;
    if (c != null && c.subprogram() != null) {
      Long v = CallSites.entryValue(c, subExpression);
      if (v != null) {
        return v;
      }
    }
    return LocationContext.super.entryValue(subExpression);
  }

  /** Guards against a frame base whose expression uses DW_OP_fbreg itself (a loop in malformed DWARF). */
  static final class FrameContextGuard {
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    static void enter() {
      int[] d = DEPTH.get();
      if (++d[0] > 4) {
        d[0]--;
        throw new LocationUnavailableException(ValueAvailability.ERROR, "DW_AT_frame_base refers to itself");
      }
    }

    static void exit() {
      DEPTH.get()[0]--;
    }
  }
}
