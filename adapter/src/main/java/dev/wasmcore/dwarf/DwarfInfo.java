package dev.wasmcore.dwarf;

import dev.wasmcore.binary.ByteReader;
import dev.wasmcore.binary.ByteRegion;
import dev.wasmcore.binary.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The DWARF of one object (a wasm module or its external debug file): entry point of the {@code dwarf} package.
 *
 * <p>{@link #open(Map)} reads only the unit headers of {@code .debug_info} and {@code .debug_types}; each unit's DIEs
 * and line table are read the first time they are needed and then cached ({@link CompileUnit}). The address index
 * that maps code addresses to units is built on the first address lookup, from {@code .debug_aranges} when present
 * and otherwise from each unit DIE's ranges (only the unit DIEs are read for it). A malformed unit header stops the
 * walk of its section only when its length is unusable; other errors are per unit and recorded in
 * {@link #errors()}.
 *
 * <p>Thread-safe: lazily built parts are guarded; handles ({@link Die}) are immutable.
 */
public final class DwarfInfo {
  private final DwarfSections sections;
  private final List<CompileUnit> units;
  private final List<CompileUnit> infoUnits;
  private final long[] infoUnitOffsets;
  private final List<CompileUnit> typesUnits;
  private final long[] typesUnitOffsets;
  private final List<MalformedInputException> errors;
  private final Map<Long, AbbreviationTable> abbrevCache = new ConcurrentHashMap<>();
  private final Map<Long, MalformedInputException> abbrevErrors = new ConcurrentHashMap<>();
  private final Object indexLock = new Object();
  /** The address index: disjoint segments owned by unit numbers; null until built. */
  private AddressMap index;
  private Map<Long, CompileUnit> typeUnitsBySignature;

  private DwarfInfo(DwarfSections sections) {
    this.sections = sections;
    List<MalformedInputException> errs = new ArrayList<>();
    List<CompileUnit> all = new ArrayList<>();
    this.infoUnits = readUnits(DwarfSections.INFO, all, errs);
    this.typesUnits = readUnits(DwarfSections.TYPES, all, errs);
    this.units = Collections.unmodifiableList(all);
    this.infoUnitOffsets = offsets(infoUnits);
    this.typesUnitOffsets = offsets(typesUnits);
    this.errors = Collections.unmodifiableList(errs);
  }

  /**
   * Opens the DWARF in {@code sections} (names such as {@code .debug_info}, with or without the dot). Reads the unit
   * headers only. Never fails on malformed content: problems are in {@link #errors()} and in the affected units.
   */
  public static DwarfInfo open(Map<String, ByteRegion> sections) {
    return new DwarfInfo(DwarfSections.of(sections));
  }

  private static long[] offsets(List<CompileUnit> us) {
    long[] o = new long[us.size()];
    for (int i = 0; i < o.length; i++) {
      o[i] = us.get(i).offset();
    }
    return o;
  }

  private List<CompileUnit> readUnits(String name, List<CompileUnit> all, List<MalformedInputException> errs) {
    ByteRegion sec = sections.get(name);
    List<CompileUnit> out = new ArrayList<>();
    if (sec == null) {
      return out;
    }
    long off = 0;
    // Each unit takes at least 11 bytes, so the loop is bounded by the section length.
    while (off < sec.length()) {
      long next;
      try {
        next = nextUnitOffset(sec, name, off);
      } catch (MalformedInputException e) {
        errs.add(e);
        break;
      }
      try {
        UnitHeader h = UnitHeader.read(sec, name, off);
        CompileUnit u = new CompileUnit(this, h, sec, all.size());
        all.add(u);
        out.add(u);
      } catch (MalformedInputException e) {
        errs.add(e);
      }
      off = next;
    }
    return Collections.unmodifiableList(out);
  }

  private static long nextUnitOffset(ByteRegion sec, String name, long off) {
    ByteReader r = sec.readerAt(off);
    InitialLength len = InitialLength.read(r, name, "unit", off, " (the rest of the section cannot be read)");
    return r.position() + len.length() - sec.start();
  }

  public DwarfSections sections() {
    return sections;
  }

  /** All units: those of {@code .debug_info} in order, then those of {@code .debug_types}. */
  public List<CompileUnit> units() {
    return units;
  }

  /** Units of {@code .debug_info}. */
  public List<CompileUnit> infoUnits() {
    return infoUnits;
  }

  /** Header-level errors met while opening (units that could not be listed). */
  public List<MalformedInputException> errors() {
    return errors;
  }

  /** Whether there is any unit at all. */
  public boolean isEmpty() {
    return units.isEmpty();
  }

  /** The abbreviation table at {@code offset} of {@code .debug_abbrev}, shared by the units that use it. */
  AbbreviationTable abbreviations(long offset) {
    AbbreviationTable t = abbrevCache.get(offset);
    if (t != null) {
      return t;
    }
    MalformedInputException err = abbrevErrors.get(offset);
    if (err != null) {
      throw err;
    }
    ByteRegion sec = sections.get(DwarfSections.ABBREV);
    try {
      if (sec == null) {
        throw new MalformedInputException(name(), anchor(), "there is no .debug_abbrev section");
      }
      t = AbbreviationTable.at(sec, offset);
    } catch (MalformedInputException e) {
      abbrevErrors.put(offset, e);
      throw e;
    }
    AbbreviationTable prev = abbrevCache.putIfAbsent(offset, t);
    return prev != null ? prev : t;
  }

  private String name() {
    ByteRegion info = sections.get(DwarfSections.INFO);
    if (info != null) {
      return info.source().name();
    }
    // Without .debug_info (a truncated module) any other section still names the file.
    for (ByteRegion r : sections.all().values()) {
      return r.source().name();
    }
    return "<dwarf>";
  }

  /** Where an error about a missing section points: the start of {@code .debug_info} (0 without one). */
  private long anchor() {
    ByteRegion info = sections.get(DwarfSections.INFO);
    return info != null ? info.start() : 0;
  }

  /** The NUL-terminated string at {@code offset} of a string section ({@code .debug_str}, {@code .debug_line_str}). */
  public String stringAt(String section, long offset) {
    ByteRegion sec = sections.get(section);
    if (sec == null) {
      throw new MalformedInputException(name(), anchor(), "string at 0x" + Long.toHexString(offset) + " of " + section
          + " requested but there is no such section");
    }
    if (offset < 0 || offset >= sec.length()) {
      throw new MalformedInputException(sec.source().name(), sec.start(), section + ": string offset 0x"
          + Long.toHexString(offset) + " is outside the " + sec.length() + "-byte section");
    }
    ByteReader r = sec.readerAt(offset);
    long start = r.position();
    // Scan for the NUL, then copy once: strings are short and this avoids a per-byte builder.
    long end = start;
    long limit = r.limit();
    while (end < limit && sec.source().get(end) != 0) {
      end++;
    }
    if (end >= limit) {
      throw r.error(start, section + ": string at 0x" + Long.toHexString(offset) + " has no terminating NUL");
    }
    byte[] b = r.bytes(end - start);
    return new String(b, StandardCharsets.UTF_8);
  }

  /** The unit of {@code section} that contains section-relative {@code offset}, or null. */
  public CompileUnit unitContaining(String section, long offset) {
    boolean types = DwarfSections.TYPES.equals(section);
    List<CompileUnit> us = types ? typesUnits : infoUnits;
    long[] offs = types ? typesUnitOffsets : infoUnitOffsets;
    int i = Arrays.binarySearch(offs, offset);
    if (i < 0) {
      i = -i - 2;
    }
    if (i < 0) {
      return null;
    }
    CompileUnit u = us.get(i);
    return offset < u.header().end() ? u : null;
  }

  /** The DIE at section-relative {@code offset} of {@code .debug_info}, or null. */
  public Die dieAt(long offset) {
    CompileUnit u = unitContaining(DwarfSections.INFO, offset);
    return u != null ? u.dieAtOffset(offset) : null;
  }

  Die dieAt(String section, long offset, long position) {
    CompileUnit u = unitContaining(section, offset);
    Die d = u != null ? u.dieAtOffset(offset) : null;
    if (d == null) {
      throw new MalformedInputException(name(), position, section + ": DW_FORM_ref_addr 0x"
          + Long.toHexString(offset) + " names no DIE");
    }
    return d;
  }

  /** The type unit with {@code signature} (DWARF 4 .debug_types or DWARF 5 type units), or null. */
  public CompileUnit typeUnit(long signature) {
    synchronized (indexLock) {
      if (typeUnitsBySignature == null) {
        Map<Long, CompileUnit> m = new HashMap<>();
        for (CompileUnit u : units) {
          if (u.header().isTypeUnit()) {
            m.putIfAbsent(u.header().typeSignature(), u);
          }
        }
        typeUnitsBySignature = m;
      }
      return typeUnitsBySignature.get(signature);
    }
  }

  Die typeBySignature(long signature, long position) {
    CompileUnit u = typeUnit(signature);
    if (u == null) {
      throw new MalformedInputException(name(), position, "DW_FORM_ref_sig8 0x" + Long.toHexString(signature)
          + " names no type unit");
    }
    return u.typeDie();
  }

  // ------------------------------------------------------------------------------------------- address index

  /**
   * The compile unit whose code covers {@code address}, or null. Where units overlap the one that comes first in
   * {@code .debug_info} wins, as in LLVM's {@code DWARFDebugAranges}.
   */
  public CompileUnit unitForAddress(long address) {
    int u = buildIndex().lookup(address);
    return u < 0 ? null : units.get(u);
  }

  /** Builds the disjoint address index once (aranges, else unit DIE ranges, else subprogram ranges). */
  private AddressMap buildIndex() {
    synchronized (indexLock) {
      if (index != null) {
        return index;
      }
      Spans ranges = new Spans(256);
      boolean[] covered = new boolean[units.size()];
      readAranges(ranges, covered);
      for (CompileUnit u : infoUnits) {
        if (covered[u.index()] || u.header().isTypeUnit()) {
          continue;
        }
        try {
          RangeList rl = u.unitRanges();
          if (rl.isEmpty()) {
            rl = u.subprogramRanges();
          }
          for (int k = 0; k < rl.size(); k++) {
            long lo = rl.low(k);
            long hi = rl.high(k);
            if (Long.compareUnsigned(hi, lo) > 0) {
              ranges.add(lo, hi, u.index());
            }
          }
        } catch (MalformedInputException e) {
          // This unit cannot be indexed; it stays reachable by offset, and its error is reported when it is used.
        }
      }
      Spans segs = disjoint(ranges);
      index = new AddressMap(java.util.Arrays.copyOf(segs.low, segs.n), java.util.Arrays.copyOf(segs.high, segs.n),
          java.util.Arrays.copyOf(segs.unit, segs.n));
      return index;
    }
  }

  /**
   * (low, high, unit) triples in parallel primitive arrays: the address index, and a unit's subprogram map (with DIE
   * indices for units), are built without an object per range.
   */
  static final class Spans {
    long[] low;
    long[] high;
    int[] unit;
    int n;

    Spans(int capacity) {
      low = new long[Math.max(capacity, 4)];
      high = new long[low.length];
      unit = new int[low.length];
    }

    void add(long lo, long hi, int u) {
      if (n == low.length) {
        low = java.util.Arrays.copyOf(low, 2 * n);
        high = java.util.Arrays.copyOf(high, 2 * n);
        unit = java.util.Arrays.copyOf(unit, 2 * n);
      }
      low[n] = lo;
      high[n] = hi;
      unit[n] = u;
      n++;
    }

    /** Adds {@code [lo, hi)} for unit {@code u}, or extends the last span when it ends at {@code lo} for {@code u}. */
    void addOrExtend(long lo, long hi, int u) {
      if (n > 0 && high[n - 1] == lo && unit[n - 1] == u) {
        high[n - 1] = hi;
      } else {
        add(lo, hi, u);
      }
    }
  }

  /**
   * Turns possibly overlapping (low, high, unit) ranges into disjoint segments, each owned by the lowest-numbered
   * unit covering it (LLVM's {@code DWARFDebugAranges::construct}). The common case, no overlaps, is a primitive
   * sort and one pass; overlaps fall back to an endpoint sweep. No lambdas: this runs once, cold, at start-up.
   */
  static Spans disjoint(Spans in) {
    int n = in.n;
    // The fast path compares signed: every start and end must be below 2^43 (orderByStart checks the starts).
    boolean small = true;
    for (int i = 0; small && i < n; i++) {
      small = in.high[i] >= 0 && in.high[i] < (1L << 43);
    }
    int[] order = small ? RangeList.orderByStart(in.low, n) : null;
    Spans segs = new Spans(n);
    if (order != null) {
      long maxHigh = -1;
      boolean overlap = false;
      for (int k : order) {
        if (in.low[k] < maxHigh) {
          overlap = true;
          break;
        }
        maxHigh = in.high[k];
        segs.addOrExtend(in.low[k], in.high[k], in.unit[k]);
      }
      if (!overlap) {
        return segs;
      }
      segs.n = 0;
    }
    long[][] ev = new long[2 * n][];
    for (int i = 0; i < n; i++) {
      ev[2 * i] = new long[] {in.low[i], 1, in.unit[i]};
      ev[2 * i + 1] = new long[] {in.high[i], 0, in.unit[i]};
    }
    Arrays.sort(ev, new EndpointOrder());
    java.util.TreeMap<Long, Integer> active = new java.util.TreeMap<>();
    long prev = 0;
    for (long[] e : ev) {
      if (!active.isEmpty() && e[0] != prev) {
        segs.addOrExtend(prev, e[0], (int) (long) active.firstKey());
      }
      Integer c = active.get(e[2]);
      if (e[1] == 1) {
        active.put(e[2], c == null ? 1 : c + 1);
      } else if (c != null) {
        if (c == 1) {
          active.remove(e[2]);
        } else {
          active.put(e[2], c - 1);
        }
      }
      prev = e[0];
    }
    return segs;
  }

  /** Endpoints by address (unsigned), ends before starts at the same address. */
  private static final class EndpointOrder implements java.util.Comparator<long[]> {
    @Override
    public int compare(long[] a, long[] b) {
      return a[0] != b[0] ? Long.compareUnsigned(a[0], b[0]) : Long.compare(a[1], b[1]);
    }
  }

  /**
   * Reads {@code .debug_aranges} (DWARF 5 section 6.1.2) when present: sets of (address, length) tuples per unit.
   * A malformed set is skipped; its unit then falls back to its own ranges.
   */
  private void readAranges(Spans ranges, boolean[] covered) {
    ByteRegion sec = sections.get(DwarfSections.ARANGES);
    if (sec == null) {
      return;
    }
    long off = 0;
    while (off < sec.length()) {
      ByteReader r = sec.readerAt(off);
      long next;
      try {
        long len = r.u32();
        boolean is64 = false;
        if (len == 0xffffffffL) {
          is64 = true;
          len = r.u64();
        }
        if (len < 0 || len > r.remaining()) {
          return;
        }
        next = r.position() + len - sec.start();
        ByteReader s = r.subReader(len);
        int version = s.u16();
        long cuOffset = s.unsigned(is64 ? 8 : 4);
        int addrSize = s.u8();
        int segSize = s.u8();
        if (version != 2 || (addrSize != 4 && addrSize != 8 && addrSize != 2) || segSize != 0) {
          off = next;
          continue;
        }
        // Tuples start at a multiple of twice the address size from the set's start.
        long rel = s.position() - (sec.start() + off);
        long pad = (2L * addrSize - rel % (2L * addrSize)) % (2L * addrSize);
        s.skip(pad);
        CompileUnit u = unitContaining(DwarfSections.INFO, cuOffset);
        Spans mine = new Spans(16);
        while (s.remaining() >= 2L * addrSize) {
          long a = s.unsigned(addrSize);
          long l = s.unsigned(addrSize);
          if (a == 0 && l == 0) {
            break;
          }
          if (l != 0 && u != null) {
            mine.add(a, a + l, u.index());
          }
        }
        if (u != null && u.offset() == cuOffset) {
          covered[u.index()] = true;
          for (int k = 0; k < mine.n; k++) {
            ranges.add(mine.low[k], mine.high[k], mine.unit[k]);
          }
        }
      } catch (MalformedInputException e) {
        return;
      }
      off = next;
    }
  }

  /**
   * The global variables (DW_TAG_variable at namespace scope, or static members) whose qualified name is
   * {@code qualifiedName}, looking first in {@code preferred} (may be null) and then in every other unit. Parses the
   * units it looks at; units that fail to parse are skipped.
   */
  public List<Die> findGlobalVariables(String qualifiedName, CompileUnit preferred) {
    List<Die> out = new ArrayList<>();
    if (preferred != null) {
      collectGlobals(preferred, qualifiedName, out);
      if (!out.isEmpty()) {
        return out;
      }
    }
    for (CompileUnit u : infoUnits) {
      if (u != preferred) {
        collectGlobals(u, qualifiedName, out);
      }
    }
    return out;
  }

  private static void collectGlobals(CompileUnit u, String qualifiedName, List<Die> out) {
    int simple = qualifiedName.lastIndexOf("::");
    String last = simple >= 0 ? qualifiedName.substring(simple + 2) : qualifiedName;
    try {
      u.parseDies();
      int n = u.dieCount();
      for (int i = 0; i < n; i++) {
        if (u.dieAbbrev(i).tagCode() != 0x34) {
          continue;
        }
        Die d = new Die(u, i);
        if (!d.has(DwAt.DW_AT_location) && !d.has(DwAt.DW_AT_const_value)) {
          continue;
        }
        if (!last.equals(d.nameRecursive())) {
          continue;
        }
        if (!isGlobalScope(d)) {
          continue;
        }
        if (qualifiedName.equals(d.qualifiedName())) {
          out.add(d);
        }
      }
    } catch (MalformedInputException e) {
      // a malformed unit contributes nothing to a name search; its error shows when it is used directly
    }
  }

  /** Whether a variable DIE lives at namespace or file scope (or is a function's static, qualified by it). */
  private static boolean isGlobalScope(Die d) {
    Die scopeOf = d;
    AttributeValue spec = d.attribute(DwAt.DW_AT_specification);
    if (spec != null) {
      scopeOf = spec.asReference();
    }
    Die p = scopeOf.parent();
    if (p == null) {
      return false;
    }
    int t = p.tagCode();
    if (t == 0x11 || t == 0x39 || t == 0x1e || t == 0x3c || t == 0x13 || t == 0x02 || t == 0x17) {
      return true;
    }
    // A function's static local: its location is a fixed address (DW_OP_addr), not a frame-relative one.
    if (t == 0x2e || t == 0x0b) {
      AttributeValue loc = d.attribute(DwAt.DW_AT_location);
      return loc != null && loc.formClass() == AttributeValue.FormClass.EXPRLOC && !loc.asBlock().isEmpty()
          && loc.asBlock().u8(0) == 0x03;
    }
    return false;
  }

  @Override
  public String toString() {
    return "DwarfInfo[" + units.size() + " units, " + sections.totalSize() + " bytes]";
  }
}
