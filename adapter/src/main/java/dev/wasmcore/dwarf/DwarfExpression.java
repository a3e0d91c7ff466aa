package dev.wasmcore.dwarf;

import dev.wasmcore.binary.ByteRegion;

/**
 * The bytes of a DWARF expression (DWARF 5 section 2.5 and 2.6) together with what is needed to decode its
 * operands: the unit's address size, offset size (32- or 64-bit format) and version, and the unit itself for
 * operations that index unit tables ({@code DW_OP_addrx}, {@code DW_OP_constx} through {@code .debug_addr}) or
 * name DIEs ({@code DW_OP_call*}, typed stack operations). Evaluation is the job of the expression evaluator; this is
 * only the input.
 */
public final class DwarfExpression {
  private final ByteRegion bytes;
  private final CompileUnit unit;

  public DwarfExpression(ByteRegion bytes, CompileUnit unit) {
    this.bytes = bytes;
    this.unit = unit;
  }

  /** The encoded operations, as a region of the file (not copied). */
  public ByteRegion bytes() {
    return bytes;
  }

  public CompileUnit unit() {
    return unit;
  }

  /** Size of an address operand ({@code DW_OP_addr}, {@code DW_OP_const*} excluded): 4 for wasm32. */
  public int addressSize() {
    return unit.header().addressSize();
  }

  /** Size of a section offset operand ({@code DW_OP_call_ref}, {@code DW_OP_implicit_pointer}): 4 or 8. */
  public int offsetSize() {
    return unit.header().offsetSize();
  }

  /** DWARF version of the unit (for version-dependent operand encodings). */
  public int version() {
    return unit.header().version();
  }

  public boolean isEmpty() {
    return bytes.isEmpty();
  }

  /** The first operation, or null for an empty expression. */
  public DwOp firstOp() {
    return bytes.isEmpty() ? null : DwOp.of(bytes.u8(0));
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    long n = Math.min(bytes.length(), 64);
    for (long i = 0; i < n; i++) {
      sb.append(String.format("%02x", bytes.u8(i)));
    }
    if (n < bytes.length()) {
      sb.append("...");
    }
    return "expr[" + sb + "]";
  }
}
