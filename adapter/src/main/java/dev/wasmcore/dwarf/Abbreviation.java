package dev.wasmcore.dwarf;

import java.util.ArrayList;
import java.util.List;

/**
 * One abbreviation declaration of {@code .debug_abbrev} (DWARF 5 section 7.5.3): a code, a tag, a children flag and
 * a list of (attribute, form) pairs, where {@code DW_FORM_implicit_const} carries its value in the declaration.
 */
public final class Abbreviation {
  private final long code;
  private final int tag;
  private final boolean hasChildren;
  private final int[] attributes;
  private final int[] forms;
  private final long[] implicitConsts;
  private final int ordinal;

  Abbreviation(int ordinal, long code, int tag, boolean hasChildren, int[] attributes, int[] forms,
      long[] implicitConsts) {
    this.ordinal = ordinal;
    this.code = code;
    this.tag = tag;
    this.hasChildren = hasChildren;
    this.attributes = attributes;
    this.forms = forms;
    this.implicitConsts = implicitConsts;
  }

  /** Position of this declaration in its table (0-based), used to index per-unit caches. */
  public int ordinal() {
    return ordinal;
  }

  public long code() {
    return code;
  }

  public DwTag tag() {
    return DwTag.of(tag);
  }

  /** The tag code, for fast comparisons. */
  public int tagCode() {
    return tag;
  }

  public boolean hasChildren() {
    return hasChildren;
  }

  /** Number of attribute specifications. */
  public int attributeCount() {
    return attributes.length;
  }

  /** The attribute code of specification {@code i}. */
  public int attributeCode(int i) {
    return attributes[i];
  }

  /** The form code of specification {@code i}. */
  public int formCode(int i) {
    return forms[i];
  }

  /** The value of a {@code DW_FORM_implicit_const} specification {@code i}. */
  public long implicitConst(int i) {
    return implicitConsts[i];
  }

  /** The index of the specification for {@code attribute}, or -1. */
  public int indexOf(int attribute) {
    for (int i = 0; i < attributes.length; i++) {
      if (attributes[i] == attribute) {
        return i;
      }
    }
    return -1;
  }

  /** The attribute specifications as readable pairs (for tools and tests). */
  public List<String> describe() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < attributes.length; i++) {
      out.add(DwAt.of(attributes[i]) + " " + DwForm.of(forms[i]));
    }
    return out;
  }

  @Override
  public String toString() {
    return "[" + code + "] " + tag() + (hasChildren ? " children" : "") + " " + describe();
  }
}
