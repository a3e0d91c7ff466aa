package dev.wasmcore.dwarf;

/**
 * Common shape of the DWARF code tables ({@link DwTag}, {@link DwAt}, {@link DwForm}, {@link DwOp}, {@link DwAte},
 * {@link DwLang}): a small value type over the encoded number, so unknown vendor codes survive reading and print as
 * {@code DW_AT_0x3e01}. Two constants are equal when they are of the same table and have the same code.
 */
public abstract class DwConstant {
  private final int code;
  private final String name;
  private final String prefix;

  /**
   * @param code the number as encoded in DWARF
   * @param name the spec name, or null for a code this table does not know
   * @param prefix the table's name prefix for unknown codes, e.g. {@code "DW_AT_"}
   */
  protected DwConstant(int code, String name, String prefix) {
    this.code = code;
    this.name = name;
    this.prefix = prefix;
  }

  /** The numeric code as encoded in DWARF. */
  public final int code() {
    return code;
  }

  /** Whether this code has a name in its table (standard or a known vendor extension). */
  public final boolean isKnown() {
    return name != null;
  }

  /** The spec name, or the table prefix and {@code 0x<hex>} for an unknown code. */
  public final String name() {
    return name != null ? name : prefix + "0x" + Integer.toHexString(code);
  }

  @Override
  public final boolean equals(Object o) {
    return o != null && o.getClass() == getClass() && ((DwConstant) o).code == code;
  }

  @Override
  public final int hashCode() {
    return code;
  }

  @Override
  public final String toString() {
    return name();
  }
}
