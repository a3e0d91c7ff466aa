package dev.wasmcore.dwarf;

import dev.wasmcore.binary.MalformedInputException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A debugging information entry (DWARF 5 section 2.1): a handle on one entry of a parsed {@link CompileUnit}. It is
 * cheap (a unit and an index); attributes are decoded from the unit's bytes on each call. Two handles on the same
 * entry are equal.
 */
public final class Die {
  /** Bound on {@code DW_AT_abstract_origin}/{@code DW_AT_specification} chains followed for names and attributes. */
  static final int MAX_ORIGIN_CHAIN = 16;

  private final CompileUnit unit;
  private final int index;

  Die(CompileUnit unit, int index) {
    this.unit = unit;
    this.index = index;
  }

  public CompileUnit unit() {
    return unit;
  }

  /** Index of this DIE in its unit's pre-order. */
  public int index() {
    return index;
  }

  /** Section-relative offset (as llvm-dwarfdump prints it). */
  public long offset() {
    return unit.dieOffset(index);
  }

  public DwTag tag() {
    return DwTag.of(unit.dieAbbrev(index).tagCode());
  }

  public int tagCode() {
    return unit.dieAbbrev(index).tagCode();
  }

  public boolean hasChildren() {
    return unit.dieAbbrev(index).hasChildren();
  }

  /** The abbreviation this DIE is encoded with. */
  public Abbreviation abbreviation() {
    return unit.dieAbbrev(index);
  }

  /** The parent DIE, or null for the unit DIE. */
  public Die parent() {
    unit.parseDies();
    int p = unit.parentIndex(index);
    return p < 0 ? null : new Die(unit, p);
  }

  /** The children, in order (parses the unit if needed). */
  public List<Die> children() {
    unit.parseDies();
    List<Die> out = new ArrayList<>();
    int end = unit.subtreeEnd(index);
    for (int j = index + 1; j < end; j = unit.subtreeEnd(j)) {
      out.add(new Die(unit, j));
    }
    return out;
  }

  /** The children with a given tag. */
  public List<Die> children(DwTag tag) {
    List<Die> out = new ArrayList<>();
    for (Die c : children()) {
      if (c.tagCode() == tag.code()) {
        out.add(c);
      }
    }
    return out;
  }

  /** Whether the DIE has attribute {@code at} (without decoding it). */
  public boolean has(DwAt at) {
    return unit.dieAbbrev(index).indexOf(at.code()) >= 0;
  }

  /** The attribute's value, or null when the DIE does not have it. */
  public AttributeValue attribute(DwAt at) {
    return unit.attribute(index, at.code());
  }

  /** All attributes in encoding order. */
  public List<AttributeValue> attributes() {
    return unit.attributes(index);
  }

  /**
   * The attribute from this DIE or, when absent, from the DIEs its {@code DW_AT_abstract_origin} or
   * {@code DW_AT_specification} names, recursively (as LLVM's {@code findRecursively}).
   */
  public AttributeValue attributeRecursive(DwAt at) {
    Set<Long> seen = new HashSet<>();
    List<Die> work = new ArrayList<>();
    work.add(this);
    for (int i = 0; i < work.size() && i < MAX_ORIGIN_CHAIN; i++) {
      Die d = work.get(i);
      if (!seen.add(d.unit.header().offset() * 31 + d.offset())) {
        continue;
      }
      AttributeValue v = d.attribute(at);
      if (v != null) {
        return v;
      }
      AttributeValue o = d.attribute(DwAt.DW_AT_abstract_origin);
      if (o != null) {
        work.add(o.asReference());
      }
      AttributeValue s = d.attribute(DwAt.DW_AT_specification);
      if (s != null) {
        work.add(s.asReference());
      }
    }
    return null;
  }

  /** {@code DW_AT_name}, or null. */
  public String name() {
    AttributeValue v = attribute(DwAt.DW_AT_name);
    return v != null ? v.asString() : null;
  }

  /** {@code DW_AT_name} here or through abstract origin / specification, or null. */
  public String nameRecursive() {
    AttributeValue v = attributeRecursive(DwAt.DW_AT_name);
    return v != null ? v.asString() : null;
  }

  /** {@code DW_AT_linkage_name} (or {@code DW_AT_MIPS_linkage_name}) here or through origins, or null. */
  public String linkageName() {
    AttributeValue v = attributeRecursive(DwAt.DW_AT_MIPS_linkage_name);
    if (v == null) {
      v = attributeRecursive(DwAt.DW_AT_linkage_name);
    }
    return v != null ? v.asString() : null;
  }

  /** The DIE that {@code DW_AT_type} names, or null (for example {@code void}). */
  public Die type() {
    AttributeValue v = attribute(DwAt.DW_AT_type);
    return v != null ? v.asReference() : null;
  }

  /** A flag attribute: true when present and set. */
  public boolean flag(DwAt at) {
    AttributeValue v = attribute(at);
    return v != null && v.asFlag();
  }

  /** An unsigned constant attribute, or {@code dflt} when absent. */
  public long unsigned(DwAt at, long dflt) {
    AttributeValue v = attribute(at);
    return v != null ? v.asUnsigned() : dflt;
  }

  /**
   * The address ranges of the DIE: {@code DW_AT_low_pc} with {@code DW_AT_high_pc} (an address, or since DWARF 4
   * a constant length), or {@code DW_AT_ranges}; empty when it has neither. A lone low_pc is a range of one byte
   * only for labels; for other DIEs it gives no range, as in LLVM.
   */
  public RangeList addressRanges() {
    AttributeValue low = attribute(DwAt.DW_AT_low_pc);
    if (low != null) {
      AttributeValue high = attribute(DwAt.DW_AT_high_pc);
      if (high != null) {
        long lo = low.asAddress();
        long hi = high.formClass() == AttributeValue.FormClass.ADDRESS ? high.asAddress()
            : (lo + high.asUnsigned()) & RangeList.addressMask(unit.header().addressSize());
        return RangeList.of(lo, hi);
      }
    }
    AttributeValue ranges = attribute(DwAt.DW_AT_ranges);
    if (ranges != null) {
      return ranges.asRangeList();
    }
    return RangeList.empty();
  }

  /** {@code DW_AT_low_pc} resolved, or -1 when absent. */
  public long lowPc() {
    AttributeValue low = attribute(DwAt.DW_AT_low_pc);
    return low != null ? low.asAddress() : -1;
  }

  /**
   * The qualified name of this DIE from the DIE tree (DWARF 5 section 2.15 and 3.2): the names of the enclosing
   * namespaces, modules, classes, structures, unions and enumerations joined by {@code ::}, after following
   * {@code DW_AT_abstract_origin} and {@code DW_AT_specification} to the declaration that sits in the scope. Null
   * when the DIE has no name.
   */
  public String qualifiedName() {
    Die d = this;
    for (int i = 0; i < MAX_ORIGIN_CHAIN; i++) {
      if (d.attribute(DwAt.DW_AT_name) != null) {
        break;
      }
      AttributeValue o = d.attribute(DwAt.DW_AT_abstract_origin);
      if (o == null) {
        o = d.attribute(DwAt.DW_AT_specification);
      }
      if (o == null) {
        break;
      }
      d = o.asReference();
    }
    String name = d.name();
    if (name == null) {
      return null;
    }
    // The declaration (specification) is the DIE nested in the class or namespace; definitions may be at the top.
    Die scopeOf = d;
    for (int i = 0; i < MAX_ORIGIN_CHAIN; i++) {
      AttributeValue s = scopeOf.attribute(DwAt.DW_AT_specification);
      if (s == null) {
        break;
      }
      scopeOf = s.asReference();
    }
    StringBuilder sb = new StringBuilder(name);
    Die p = scopeOf.parent();
    for (int guard = 0; p != null && guard < CompileUnit.MAX_DIE_DEPTH; guard++) {
      int t = p.tagCode();
      if (t == 0x39 || t == 0x1e || t == 0x02 || t == 0x13 || t == 0x17 || t == 0x04 || t == 0x38) {
        String n = p.name();
        sb.insert(0, (n != null ? n : (t == 0x39 ? "(anonymous namespace)" : "(anonymous)")) + "::");
      } else if (t == 0x2e) {
        // A type or static declared in a function: qualified by the function.
        String n = p.qualifiedName();
        if (n != null) {
          sb.insert(0, n + "::");
        }
        break;
      } else if (t == 0x11 || t == 0x3c || t == 0x41) {
        break;
      }
      p = p.parent();
    }
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Die && ((Die) o).unit == unit && ((Die) o).index == index;
  }

  @Override
  public int hashCode() {
    return Objects.hash(System.identityHashCode(unit), index);
  }

  @Override
  public String toString() {
    String n;
    try {
      n = name();
    } catch (MalformedInputException e) {
      n = null;
    }
    return "0x" + Long.toHexString(offset()) + " " + tag() + (n != null ? " \"" + n + "\"" : "");
  }
}
