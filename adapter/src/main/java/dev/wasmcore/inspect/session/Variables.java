package dev.wasmcore.inspect.session;

import dev.wasmcore.binary.ByteRegion;
import dev.wasmcore.binary.MalformedInputException;
import dev.wasmcore.dwarf.AttributeValue;
import dev.wasmcore.dwarf.Die;
import dev.wasmcore.dwarf.DwAt;
import dev.wasmcore.dwarf.DwarfExpression;
import dev.wasmcore.dwarf.LocationList;
import dev.wasmcore.inspect.VariableView.ValueState;
import dev.wasmcore.inspect.loc.Location;
import dev.wasmcore.inspect.loc.LocationContext;
import dev.wasmcore.inspect.loc.LocationEvaluator;
import dev.wasmcore.inspect.loc.LocationUnavailableException;
import dev.wasmcore.inspect.types.TypeInfo;
import dev.wasmcore.inspect.value.Value;
import dev.wasmcore.inspect.value.ValueEnv;
import dev.wasmcore.inspect.value.ValueUnavailableException;

/**
 * Turns variable DIEs (DW_TAG_variable, DW_TAG_formal_parameter) into {@link Value}s: the location at the frame's
 * address (a single expression or the location list entry covering it; none means optimized out), or the
 * DW_AT_const_value (Rust stores some unsigned constants sign-extended: they are truncated to the type's size).
 */
final class Variables {
  private Variables() {}

  /**
   * Whether a variable's static address is a linker tombstone: wasm-ld writes -1 (or -2 in .debug_ranges) for
   * data and code it discarded, so such a DIE describes nothing in this program.
   */
  static boolean isTombstone(Die var) {
    try {
      AttributeValue loc = var.attribute(DwAt.DW_AT_location);
      if (loc == null || loc.isLocationList()) {
        return false;
      }
      DwarfExpression e = loc.asExpression();
      var r = e.bytes().reader();
      if (!r.hasRemaining()) {
        return false;
      }
      int op = r.u8();
      long addr;
      if (op == 0x03) {
        addr = r.unsigned(e.addressSize());
      } else if (op == 0xa1) {
        addr = e.unit().addressAtIndex(r.uleb128());
      } else {
        return false;
      }
      long mask = e.addressSize() >= 8 ? -1L : 0xFFFFFFFFL;
      return (addr & mask) == mask || (addr & mask) == (mask - 1);
    } catch (MalformedInputException e) {
      return false;
    }
  }

  /** The declared type of a variable (through DW_AT_abstract_origin for inlined copies). */
  static TypeInfo typeOf(DwarfTypes types, Die var) {
    try {
      AttributeValue t = var.attributeRecursive(DwAt.DW_AT_type);
      return t == null ? TypeInfo.VOID : types.of(t.asReference());
    } catch (MalformedInputException e) {
      return TypeInfo.builder(TypeInfo.Kind.UNSPECIFIED).name("<bad type: " + e.getMessage() + ">").build();
    }
  }

  /**
   * The value of {@code var} at {@code address}; {@code ctx} answers the location's questions (null for variables
   * with static addresses only, evaluated without a frame).
   */
  static Value value(DwarfTypes types, Die var, long address, LocationContext ctx, ValueEnv env) {
    TypeInfo type = typeOf(types, var);
    try {
      AttributeValue loc = var.attribute(DwAt.DW_AT_location);
      if (loc != null) {
        DwarfExpression e;
        if (loc.isLocationList()) {
          LocationList list = loc.asLocationList();
          e = list.find(address);
          if (e == null) {
            return Value.missing(type, ValueState.OPTIMIZED_OUT, "optimized out", env);
          }
        } else {
          e = loc.asExpression();
        }
        LocationEvaluator ev = new LocationEvaluator(e.addressSize(), e.offsetSize(), e.version());
        Location l = ev.evaluate(e.bytes().reader(), ctx == null ? NO_FRAME : ctx);
        return Value.fromLocation(type, l, env);
      }
      AttributeValue cv = var.attributeRecursive(DwarfTypes.AT_CONST_VALUE);
      if (cv != null) {
        return constant(type, cv, env);
      }
      return Value.missing(type, ValueState.OPTIMIZED_OUT, "optimized out", env);
    } catch (MalformedInputException e) {
      return Value.missing(type, ValueState.ERROR, e.getMessage(), env);
    } catch (LocationUnavailableException e) {
      ValueUnavailableException v = ValueUnavailableException.of(e);
      return Value.missing(type, v.state(), v.getMessage(), env);
    }
  }

  /** A DW_AT_const_value: a number (truncated to the type's size) or a block of bytes. */
  static Value constant(TypeInfo type, AttributeValue cv, ValueEnv env) {
    if (cv.formClass() == AttributeValue.FormClass.BLOCK || cv.formClass() == AttributeValue.FormClass.EXPRLOC) {
      ByteRegion b = cv.asBlock();
      if (b.length() > (1 << 20)) {
        return Value.missing(type, ValueState.ERROR, "constant of " + b.length() + " bytes", env);
      }
      return new Value(type, dev.wasmcore.inspect.value.ValueSource.InBytes.of(b.toByteArray()), env);
    }
    if (cv.formClass() == AttributeValue.FormClass.STRING) {
      byte[] s = (cv.asString() + "\0").getBytes(java.nio.charset.StandardCharsets.UTF_8);
      return new Value(type, dev.wasmcore.inspect.value.ValueSource.InBytes.of(s), env);
    }
    long bits = cv.isSignedForm() ? cv.asSigned() : cv.asUnsigned();
    // Value.ofBits lays out the type's size only: a sign-extended u32 constant becomes its low 4 bytes.
    return Value.ofBits(type, bits, env);
  }

  /** The context of variables evaluated without a frame (globals): no locals, no frame base. */
  static final LocationContext NO_FRAME = new LocationContext() {
    private LocationUnavailableException none(String what) {
      return new LocationUnavailableException(dev.wasmcore.inspect.loc.ValueAvailability.UNAVAILABLE,
          what + " is not available without a frame");
    }

    @Override
    public long wasmLocal(long index) {
      throw none("wasm local " + index);
    }

    @Override
    public long wasmGlobal(long index) {
      throw none("wasm global " + index);
    }

    @Override
    public long operandStack(long index) {
      throw none("operand stack slot " + index);
    }

    @Override
    public long readMemory(long address, int size) {
      throw none("memory");
    }

    @Override
    public long frameBase() {
      throw none("the frame base");
    }

    @Override
    public long debugAddr(long index) {
      throw none("DW_OP_addrx");
    }
  };
}
