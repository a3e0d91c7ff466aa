package dev.wasmcore.dwarf;

import dev.wasmcore.binary.ByteRegion;
import java.util.ArrayList;
import java.util.List;

/**
 * A view of a {@code DW_TAG_variable}, {@code DW_TAG_formal_parameter} or {@code DW_TAG_constant} DIE (DWARF 5
 * section 4.1): its name and type, following {@code DW_AT_abstract_origin} (inlined copies) and
 * {@code DW_AT_specification} (out-of-class definitions), and where its value is: a location expression, a location
 * list, a constant value, or nowhere (optimised out).
 */
public final class DwarfVariable {
  /** How a variable's value is described. */
  public enum LocationKind {
    /** {@code DW_AT_location} is a single expression (exprloc, or a DWARF 2/3 block). */
    EXPRESSION,
    /** {@code DW_AT_location} is a location list. */
    LOCATION_LIST,
    /** {@code DW_AT_const_value}: the value itself, no storage. */
    CONST_VALUE,
    /** Neither: the variable is optimised out. */
    NONE
  }

  private final Die die;

  private DwarfVariable(Die die) {
    this.die = die;
  }

  public static DwarfVariable of(Die die) {
    return new DwarfVariable(die);
  }

  public Die die() {
    return die;
  }

  /** The name, through abstract origin / specification; null for unnamed (artificial) variables. */
  public String name() {
    return die.nameRecursive();
  }

  /** The qualified name (namespace, class or function scope) from the declaration's place in the DIE tree. */
  public String qualifiedName() {
    return die.qualifiedName();
  }

  /** The type, through abstract origin / specification; null when none is given. */
  public DwarfType type() {
    AttributeValue v = die.attributeRecursive(DwAt.DW_AT_type);
    return v != null ? DwarfType.of(v.asReference()) : null;
  }

  public boolean isParameter() {
    return die.tagCode() == 0x05;
  }

  /** {@code DW_AT_artificial} ({@code this}, compiler temporaries). */
  public boolean isArtificial() {
    AttributeValue v = die.attributeRecursive(DwAt.DW_AT_artificial);
    return v != null && v.asFlag();
  }

  /** {@code DW_AT_decl_line}, or 0. */
  public long declLine() {
    AttributeValue v = die.attributeRecursive(DwAt.DW_AT_decl_line);
    return v != null && v.isConstant() ? v.asUnsigned() : 0;
  }

  /** {@code DW_AT_decl_file} as a path of the unit's line table, or null. */
  public String declFile() {
    AttributeValue v = die.attributeRecursive(DwAt.DW_AT_decl_file);
    if (v == null || !v.isConstant()) {
      return null;
    }
    LineTable t = v.unit().lineTable();
    return t != null ? t.filePath(v.asUnsigned()) : null;
  }

  public LocationKind locationKind() {
    AttributeValue loc = die.attribute(DwAt.DW_AT_location);
    if (loc != null) {
      return loc.isLocationList() ? LocationKind.LOCATION_LIST : LocationKind.EXPRESSION;
    }
    if (die.attributeRecursive(DwAt.DW_AT_const_value) != null) {
      return LocationKind.CONST_VALUE;
    }
    return LocationKind.NONE;
  }

  /** The {@code DW_AT_location} expression when the kind is EXPRESSION, else null. */
  public DwarfExpression expression() {
    AttributeValue loc = die.attribute(DwAt.DW_AT_location);
    return loc != null && !loc.isLocationList() ? loc.asExpression() : null;
  }

  /** The location list when the kind is LOCATION_LIST, else null. */
  public LocationList locationList() {
    AttributeValue loc = die.attribute(DwAt.DW_AT_location);
    return loc != null && loc.isLocationList() ? loc.asLocationList() : null;
  }

  /** The expression that locates the variable at {@code address} (from the list or the single expression). */
  public DwarfExpression expressionAt(long address) {
    AttributeValue loc = die.attribute(DwAt.DW_AT_location);
    if (loc == null) {
      return null;
    }
    return loc.isLocationList() ? loc.asLocationList().find(address) : loc.asExpression();
  }

  /**
   * {@code DW_AT_const_value}, or null: a constant form (use {@link AttributeValue#asSigned()}/
   * {@link AttributeValue#asUnsigned()} and truncate to the type's size, since Rust stores unsigned constants
   * sign-extended), a block of the value's bytes, or a string.
   */
  public AttributeValue constValue() {
    return die.attributeRecursive(DwAt.DW_AT_const_value);
  }

  /** The bytes of a block-form constant value, else null. */
  public ByteRegion constValueBytes() {
    AttributeValue v = constValue();
    return v != null && v.formClass() == AttributeValue.FormClass.BLOCK ? v.asBlock() : null;
  }

  /** The variables and parameters declared directly in a scope DIE (subprogram, inlined subroutine, block). */
  public static List<DwarfVariable> declaredIn(Die scope) {
    List<DwarfVariable> out = new ArrayList<>();
    for (Die c : scope.children()) {
      int t = c.tagCode();
      if (t == 0x34 || t == 0x05 || t == 0x27) {
        out.add(new DwarfVariable(c));
      }
    }
    return out;
  }

  /**
   * The frame base of the subprogram that owns {@code scope} ({@code DW_AT_frame_base}, DWARF 5 section 3.3.5) at
   * {@code address}: for an inlined subroutine or a block, that of the enclosing {@code DW_TAG_subprogram}. Null
   * when it has none.
   */
  public static DwarfExpression frameBase(Die scope, long address) {
    Die d = scope;
    for (int guard = 0; d != null && guard < CompileUnit.MAX_DIE_DEPTH; guard++) {
      if (d.tagCode() == 0x2e) {
        AttributeValue fb = d.attributeRecursive(DwAt.DW_AT_frame_base);
        if (fb == null) {
          return null;
        }
        return fb.isLocationList() ? fb.asLocationList().find(address) : fb.asExpression();
      }
      d = d.parent();
    }
    return null;
  }

  @Override
  public String toString() {
    return (isParameter() ? "param " : "var ") + name() + " @" + die;
  }
}
