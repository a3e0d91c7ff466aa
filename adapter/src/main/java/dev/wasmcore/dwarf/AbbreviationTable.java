package dev.wasmcore.dwarf;

import dev.wasmcore.binary.ByteReader;
import dev.wasmcore.binary.ByteRegion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The abbreviations that start at one offset of {@code .debug_abbrev} (DWARF 5 section 7.5.3): a series of
 * declarations ended by a 0 code. Each declaration is {@code code(ULEB) tag(ULEB) children(u8)} followed by
 * {@code attribute(ULEB) form(ULEB)} pairs, with an SLEB value after {@code DW_FORM_implicit_const}, ended by a 0,0
 * pair. Codes are usually 1..n; they are kept in an array when dense and in a map otherwise.
 */
public final class AbbreviationTable {
  private final long offset;
  private final Abbreviation[] dense;
  private final Map<Long, Abbreviation> sparse;
  private final List<Abbreviation> all;

  private AbbreviationTable(long offset, Abbreviation[] dense, Map<Long, Abbreviation> sparse,
      List<Abbreviation> all) {
    this.offset = offset;
    this.dense = dense;
    this.sparse = sparse;
    this.all = all;
  }

  /** Parses the table at section-relative {@code offset}. */
  public static AbbreviationTable read(ByteRegion section, long offset) {
    ByteReader r = section.readerAt(offset);
    List<Abbreviation> list = new ArrayList<>();
    long maxCode = 0;
    // Every declaration takes at least 4 bytes, so the loop is bounded by the section size.
    while (true) {
      long at = r.position();
      long code = r.uleb128();
      if (code == 0) {
        break;
      }
      long tag = r.uleb128();
      if (tag > 0xffff) {
        throw r.error(at, ".debug_abbrev: abbreviation " + code + " has tag 0x" + Long.toHexString(tag)
            + " beyond the 16-bit range");
      }
      int children = r.u8();
      if (children > 1) {
        throw r.error(r.position() - 1, ".debug_abbrev: abbreviation " + code + " has children flag " + children);
      }
      List<long[]> specs = new ArrayList<>();
      while (true) {
        long atAttr = r.position();
        long name = r.uleb128();
        long form = r.uleb128();
        if (name == 0 && form == 0) {
          break;
        }
        if (name > 0xffff || form > 0xffff || name == 0 || form == 0) {
          throw r.error(atAttr, ".debug_abbrev: abbreviation " + code + " has attribute 0x" + Long.toHexString(name)
              + " with form 0x" + Long.toHexString(form));
        }
        long implicit = form == 0x21 ? r.sleb128() : 0;
        specs.add(new long[] {name, form, implicit});
      }
      int n = specs.size();
      int[] attrs = new int[n];
      int[] forms = new int[n];
      long[] consts = new long[n];
      for (int i = 0; i < n; i++) {
        attrs[i] = (int) specs.get(i)[0];
        forms[i] = (int) specs.get(i)[1];
        consts[i] = specs.get(i)[2];
      }
      list.add(new Abbreviation(list.size(), code, (int) tag, children == 1, attrs, forms, consts));
      maxCode = Math.max(maxCode, code);
    }
    Abbreviation[] dense = null;
    Map<Long, Abbreviation> sparse = null;
    if (maxCode <= 4L * list.size() + 16) {
      dense = new Abbreviation[(int) maxCode + 1];
      for (Abbreviation a : list) {
        dense[(int) a.code()] = a;
      }
    } else {
      sparse = new HashMap<>();
      for (Abbreviation a : list) {
        sparse.put(a.code(), a);
      }
    }
    return new AbbreviationTable(offset, dense, sparse, List.copyOf(list));
  }

  /** Section-relative offset of the table. */
  public long offset() {
    return offset;
  }

  /** The declaration for {@code code}, or null. */
  public Abbreviation get(long code) {
    if (dense != null) {
      return code >= 0 && code < dense.length ? dense[(int) code] : null;
    }
    return sparse.get(code);
  }

  public List<Abbreviation> all() {
    return all;
  }
}
