package dev.wasmcore.inspect.loc;

/**
 * What a location expression may ask for (DWARF 5 section 2.5): the evaluator never reaches into the session or the
 * dump; it asks through this interface and the session answers from the core dump. Every method may throw
 * {@link LocationUnavailableException} when the dump lacks the data (a wasmtime dump has no locals), the memory is
 * outside the image, or the construct cannot be answered post-mortem.
 */
public interface LocationContext {
  /** Bits of wasm local {@code index} of the frame (i32 zero-extended, i64 as is, floats as their bit pattern). */
  long wasmLocal(long index);

  /** Bits of wasm global {@code index} of the frame's instance. */
  long wasmGlobal(long index);

  /** Bits of operand stack slot {@code index}, counted from the bottom of the frame's stack. */
  long operandStack(long index);

  /**
   * Reads {@code size} (1 to 8) bytes of linear memory at {@code address} as a little-endian unsigned value; throws
   * {@link LocationUnavailableException} with state UNREADABLE when they are not in the image.
   */
  long readMemory(long address, int size);

  /** The value of the subprogram's {@code DW_AT_frame_base} at the frame's address (DW_OP_fbreg). */
  long frameBase();

  /** Entry {@code index} of {@code .debug_addr} for the unit (DW_OP_addrx, DW_OP_constx). */
  long debugAddr(long index);

  /**
   * The value a DW_OP_entry_value sub-expression had on entry to the function (from call-site parameters); the
   * default says it is unavailable.
   */
  default long entryValue(byte[] subExpression) {
    throw new LocationUnavailableException(ValueAvailability.UNAVAILABLE,
        "entry value (DW_OP_entry_value) not recoverable from the dump");
  }

  /**
   * Size in bytes and signedness of the base type DIE at {@code unitOffset} (offset from the unit start), for
   * DW_OP_convert/const_type/deref_type/regval_type. The default treats the type as unknown.
   */
  default BaseTypeInfo baseType(long unitOffset) {
    throw new LocationUnavailableException(ValueAvailability.ERROR,
        "base type at unit offset 0x" + Long.toHexString(unitOffset) + " unknown");
  }

  /** A base type as typed DWARF stack operations need it. */
  record BaseTypeInfo(int byteSize, boolean signed, boolean floating) {}
}
