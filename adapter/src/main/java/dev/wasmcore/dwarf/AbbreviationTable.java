package dev.wasmcore.dwarf;

import dev.wasmcore.binary.ByteReader;
import dev.wasmcore.binary.ByteRegion;
import dev.wasmcore.binary.MalformedInputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The abbreviations that start at one offset of {@code .debug_abbrev} (DWARF 5 section 7.5.3): a series of
 * declarations ended by a 0 code. Each declaration is {@code code(ULEB) tag(ULEB) children(u8)} followed by
 * {@code attribute(ULEB) form(ULEB)} pairs, with an SLEB value after {@code DW_FORM_implicit_const}, ended by a 0,0
 * pair.
 *
 * <p>Declarations are parsed incrementally, up to the one asked for: reading only a unit DIE (code 1, almost always
 * the first declaration) costs one declaration, not the whole table. A malformed declaration fails the lookups that
 * reach it, with its offset, and every later one the same way.
 */
public final class AbbreviationTable {
  private final long offset;
  private final ByteReader reader;
  private final List<Abbreviation> all = new ArrayList<>();
  private final Map<Long, Abbreviation> byCode = new HashMap<>();
  private Abbreviation[] dense = new Abbreviation[16];
  private boolean complete;
  private MalformedInputException error;

  private AbbreviationTable(long offset, ByteReader reader) {
    this.offset = offset;
    this.reader = reader;
  }

  /** A table at section-relative {@code offset}; nothing is parsed until a code is looked up. */
  public static AbbreviationTable at(ByteRegion section, long offset) {
    return new AbbreviationTable(offset, section.readerAt(offset));
  }

  /** Parses the whole table at section-relative {@code offset} at once. */
  public static AbbreviationTable read(ByteRegion section, long offset) {
    AbbreviationTable t = at(section, offset);
    t.all();
    return t;
  }

  /** Section-relative offset of the table. */
  public long offset() {
    return offset;
  }

  /** The declaration for {@code code}, or null when the table has none. */
  public synchronized Abbreviation get(long code) {
    Abbreviation a = cached(code);
    while (a == null && !complete) {
      a = parseNext();
      if (a != null && a.code() != code) {
        a = null;
      }
    }
    return a;
  }

  /** All declarations, in order (parses the rest of the table). */
  public synchronized List<Abbreviation> all() {
    while (!complete) {
      parseNext();
    }
    return List.copyOf(all);
  }

  private Abbreviation cached(long code) {
    if (code >= 0 && code < dense.length) {
      return dense[(int) code];
    }
    return byCode.get(code);
  }

  /** Parses one declaration; null at the end of the table. Failures are remembered and rethrown. */
  private Abbreviation parseNext() {
    if (error != null) {
      throw error;
    }
    try {
      Abbreviation a = parse();
      if (a == null) {
        complete = true;
        return null;
      }
      all.add(a);
      long code = a.code();
      if (code < 4096) {
        if (code >= dense.length) {
          dense = java.util.Arrays.copyOf(dense, (int) Math.max(code + 1, dense.length * 2L));
        }
        if (dense[(int) code] == null) {
          dense[(int) code] = a;
        }
      } else {
        byCode.putIfAbsent(code, a);
      }
      return a;
    } catch (MalformedInputException e) {
      error = e;
      complete = true;
      throw e;
    }
  }

  private Abbreviation parse() {
    ByteReader r = reader;
    long at = r.position();
    long code = r.uleb128();
    if (code == 0) {
      return null;
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
    int[] attrs = new int[8];
    int[] forms = new int[8];
    long[] consts = new long[8];
    int n = 0;
    // Each pair takes at least 2 bytes, so the loop is bounded by the section size.
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
      if (n == attrs.length) {
        attrs = java.util.Arrays.copyOf(attrs, n * 2);
        forms = java.util.Arrays.copyOf(forms, n * 2);
        consts = java.util.Arrays.copyOf(consts, n * 2);
      }
      attrs[n] = (int) name;
      forms[n] = (int) form;
      consts[n] = form == 0x21 ? r.sleb128() : 0;
      n++;
    }
    return new Abbreviation(all.size(), code, (int) tag, children == 1, java.util.Arrays.copyOf(attrs, n),
        java.util.Arrays.copyOf(forms, n), java.util.Arrays.copyOf(consts, n));
  }
}
