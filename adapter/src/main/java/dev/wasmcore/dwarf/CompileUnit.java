package dev.wasmcore.dwarf;

import dev.wasmcore.binary.ByteReader;
import dev.wasmcore.binary.ByteRegion;
import dev.wasmcore.binary.MalformedInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One unit of {@code .debug_info} or {@code .debug_types} (any DWARF 5 unit type: compile, partial, type, skeleton,
 * split): its {@link UnitHeader}, and, parsed the first time they are needed and then cached, its DIE tree and its
 * line table. A parse failure is cached too, so a malformed unit fails the same way every time while other units
 * keep working.
 *
 * <p>DIE storage is compact: per DIE its unit-relative offset, its abbreviation, its parent and the index just past
 * its subtree, in int arrays. Attribute values are decoded from the bytes when asked for. The unit's bytes are copied
 * to the heap while it is in use (one unit, never a whole section).
 */
public final class CompileUnit {
  /** Deepest DIE nesting accepted; deeper trees are reported as malformed. */
  public static final int MAX_DIE_DEPTH = 4096;

  /** Unsigned address order (a named class rather than a method reference: this is on the cold start path). */
  private static final java.util.Comparator<Long> UNSIGNED = new java.util.Comparator<Long>() {
    @Override
    public int compare(Long a, Long b) {
      return Long.compareUnsigned(a, b);
    }
  };

  private final DwarfInfo info;
  private final UnitHeader header;
  private final ByteRegion section;
  private final int index;

  private final Object lock = new Object();
  private AbbreviationTable abbrevs;
  /** The unit's bytes (copied once DIEs are parsed; until then the mapped section). */
  private ByteRegion bytes;
  private int dieCount;
  private int[] dieOffsets;
  private Abbreviation[] dieAbbrevs;
  private int[] parents;
  private int[] subtreeEnds;
  private boolean fullyParsed;
  private MalformedInputException parseError;

  private boolean basesRead;
  private long strOffsetsBase;
  private long addrBase;
  private long rnglistsBase;
  private long loclistsBase;
  private long baseAddress;

  private LineTable lineTable;
  private MalformedInputException lineError;
  private boolean lineTried;

  private RangeList unitRanges;
  private AddressMap subroutineMap;
  /** See {@link #rootValues()}. */
  private volatile AttributeValue[] rootValues;
  private volatile boolean rootValuesFailed;

  CompileUnit(DwarfInfo info, UnitHeader header, ByteRegion section, int index) {
    this.info = info;
    this.header = header;
    this.section = section;
    this.index = index;
  }

  public DwarfInfo info() {
    return info;
  }

  public UnitHeader header() {
    return header;
  }

  /** Position of the unit among all units of its {@link DwarfInfo} (info units first, then .debug_types). */
  public int index() {
    return index;
  }

  /** Section-relative offset of the unit. */
  public long offset() {
    return header.offset();
  }

  String fileName() {
    return section.source().name();
  }

  long absolute(long sectionOffset) {
    return section.start() + sectionOffset;
  }

  // ---------------------------------------------------------------------------------------------- parsing

  private MalformedInputException wrap(MalformedInputException e) {
    if (e.reason().startsWith(header.section())) {
      return e;
    }
    return e.within(header.section() + " unit at 0x" + Long.toHexString(header.offset()));
  }

  private AbbreviationTable abbrevTable() {
    if (abbrevs == null) {
      try {
        abbrevs = info.abbreviations(header.abbrevOffset());
      } catch (MalformedInputException e) {
        throw wrap(e);
      }
    }
    return abbrevs;
  }

  /** Reads only the unit DIE (for the address index and base attributes), unless the tree is already parsed. */
  private void ensureRoot() {
    synchronized (lock) {
      if (dieCount > 0 || fullyParsed) {
        return;
      }
      if (parseError != null) {
        throw parseError;
      }
      try {
        AbbreviationTable t = abbrevTable();
        ByteRegion unitRegion = section.sub(header.offset(), header.end() - header.offset());
        ByteReader r = unitRegion.readerAt(header.firstDieOffset() - header.offset());
        long at = r.position();
        long code = r.uleb128();
        if (code == 0) {
          throw r.error(at, header.section() + ": unit has no unit DIE");
        }
        Abbreviation a = t.get(code);
        if (a == null) {
          throw r.error(at, header.section() + ": unknown abbreviation code " + code);
        }
        bytes = unitRegion;
        dieOffsets = new int[] {(int) (header.firstDieOffset() - header.offset())};
        dieAbbrevs = new Abbreviation[] {a};
        parents = new int[] {-1};
        subtreeEnds = new int[] {1};
        dieCount = 1;
      } catch (MalformedInputException e) {
        parseError = wrap(e);
        throw parseError;
      }
    }
  }

  /** Parses every DIE of the unit once; later calls return at once (or rethrow the cached failure). */
  public void parseDies() {
    synchronized (lock) {
      if (fullyParsed) {
        return;
      }
      if (parseError != null) {
        throw parseError;
      }
      try {
        scan();
        fullyParsed = true;
      } catch (MalformedInputException e) {
        parseError = wrap(e);
        throw parseError;
      }
    }
  }

  /** The cached parse failure of this unit, or null. */
  public MalformedInputException parseError() {
    synchronized (lock) {
      return parseError;
    }
  }

  /** Whether the unit's DIE tree has been parsed (for tests of laziness). */
  public boolean isParsed() {
    synchronized (lock) {
      return fullyParsed;
    }
  }

  private void scan() {
    AbbreviationTable t = abbrevTable();
    ByteRegion unitRegion = ArraySliceSource.copyOf(section.sub(header.offset(), header.end() - header.offset()));
    long unitStart = unitRegion.start();
    byte[] b = ArraySliceSource.arrayOf(unitRegion);
    int end = (int) unitRegion.length();
    int cap = (int) Math.max(16, Math.min(unitRegion.length() / 6 + 16, Integer.MAX_VALUE / 2));
    int[] offs = new int[cap];
    Abbreviation[] abbs = new Abbreviation[cap];
    int[] par = new int[cap];
    int[] ends = new int[cap];
    int n = 0;
    int[] stack = new int[64];
    int depth = 0;
    int addr = header.addressSize();
    int off = header.offsetSize();
    int ver = header.version();
    AttributeSkipper skipper = new AttributeSkipper(addr, off, ver);
    // Abbreviations by code for the array path, filled as codes are met.
    Abbreviation[] byCode = new Abbreviation[256];
    int p = (int) (header.firstDieOffset() - header.offset());
    while (p < end) {
      int at = p;
      // The array path: the code (LEB128 of up to 3 bytes), its abbreviation, the values skipped by plan. Anything
      // else (and every error) goes to the checked reader below, which reads this DIE again from its start.
      long code = -1;
      int x = b[p];
      if (x >= 0) {
        code = x;
        p++;
      } else if (p + 1 < end && b[p + 1] >= 0) {
        code = (x & 0x7F) | b[p + 1] << 7;
        p += 2;
      } else if (p + 2 < end && b[p + 1] < 0 && b[p + 2] >= 0) {
        code = (x & 0x7F) | (b[p + 1] & 0x7F) << 7 | b[p + 2] << 14;
        p += 3;
      }
      if (code == 0) {
        if (depth > 0) {
          depth--;
          ends[stack[depth]] = n;
        }
        // A 0 at depth 0 is padding after the unit DIE: tolerated, as LLVM does.
        continue;
      }
      Abbreviation a = code > 0 && code < byCode.length ? byCode[(int) code] : null;
      int next = a != null ? skipper.skip(b, p, end, a) : -1;
      if (next < 0) {
        ByteReader r = unitRegion.readerAt(at);
        long c = r.uleb128();
        if (c == 0) { // a null entry in a long encoding
          if (depth > 0) {
            depth--;
            ends[stack[depth]] = n;
          }
          p = (int) (r.position() - unitStart);
          continue;
        }
        a = t.get(c);
        if (a == null) {
          throw r.error(unitStart + at, header.section() + ": DIE at 0x" + Long.toHexString(unitStart + at
              - section.start()) + " uses unknown abbreviation code " + c);
        }
        if (c < byCode.length) {
          byCode[(int) c] = a;
        } else if (c < 65536) {
          byCode = java.util.Arrays.copyOf(byCode, (int) Math.max(c + 1, byCode.length * 2L));
          byCode[(int) c] = a;
        }
        int fixed = skipper.fixedSize(a);
        if (fixed >= 0) {
          r.skip(fixed);
        } else {
          for (int i = 0; i < a.attributeCount(); i++) {
            Forms.skip(r, a.formCode(i), addr, off, ver);
          }
        }
        next = (int) (r.position() - unitStart);
      }
      p = next;
      if (n == offs.length) {
        int nc = (int) Math.min((long) n * 2, Integer.MAX_VALUE - 8);
        offs = java.util.Arrays.copyOf(offs, nc);
        abbs = java.util.Arrays.copyOf(abbs, nc);
        par = java.util.Arrays.copyOf(par, nc);
        ends = java.util.Arrays.copyOf(ends, nc);
      }
      offs[n] = at;
      abbs[n] = a;
      par[n] = depth > 0 ? stack[depth - 1] : -1;
      ends[n] = n + 1;
      if (a.hasChildren()) {
        if (depth == MAX_DIE_DEPTH) {
          throw new MalformedInputException(fileName(), unitStart + at, header.section()
              + ": DIEs nested deeper than " + MAX_DIE_DEPTH);
        }
        if (depth == stack.length) {
          stack = java.util.Arrays.copyOf(stack, stack.length * 2);
        }
        stack[depth++] = n;
      }
      n++;
    }
    // Children lists left open at the end of the unit end there (LLVM tolerates missing trailing nulls too).
    while (depth > 0) {
      depth--;
      ends[stack[depth]] = n;
    }
    if (n == 0) {
      throw new MalformedInputException(fileName(), absolute(header.firstDieOffset()),
          header.section() + ": unit has no unit DIE");
    }
    bytes = unitRegion;
    dieOffsets = offs;
    dieAbbrevs = abbs;
    parents = par;
    subtreeEnds = ends;
    dieCount = n;
  }

  // ---------------------------------------------------------------------------------------------- DIE access

  /** The unit DIE ({@code DW_TAG_compile_unit}, {@code DW_TAG_type_unit}, ...), read without parsing the tree. */
  public Die root() {
    ensureRoot();
    return new Die(this, 0);
  }

  /** Number of DIEs (parses the unit). */
  public int dieCount() {
    parseDies();
    return dieCount;
  }

  /** DIE number {@code i} in pre-order (parses the unit). */
  public Die die(int i) {
    parseDies();
    if (i < 0 || i >= dieCount) {
      throw new IndexOutOfBoundsException("DIE index " + i + " of " + dieCount);
    }
    return new Die(this, i);
  }

  /** All DIEs in pre-order (parses the unit). */
  public List<Die> dies() {
    parseDies();
    List<Die> out = new ArrayList<>(dieCount);
    for (int i = 0; i < dieCount; i++) {
      out.add(new Die(this, i));
    }
    return out;
  }

  /** The DIE at a section-relative offset inside this unit, or null when no DIE starts there. */
  public Die dieAtOffset(long sectionOffset) {
    parseDies();
    long rel = sectionOffset - header.offset();
    if (rel < 0 || rel >= header.end() - header.offset()) {
      return null;
    }
    int lo = 0;
    int hi = dieCount - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int v = dieOffsets[mid];
      if (v < rel) {
        lo = mid + 1;
      } else if (v > rel) {
        hi = mid - 1;
      } else {
        return new Die(this, mid);
      }
    }
    return null;
  }

  /** The DIE a unit-relative reference names; an error naming {@code position} when there is none. */
  Die dieAtUnitOffset(long unitOffset, long position) {
    Die d = unitOffset >= 0 && unitOffset < header.end() - header.offset()
        ? dieAtOffset(header.offset() + unitOffset) : null;
    if (d == null) {
      throw new MalformedInputException(fileName(), position, header.section() + ": reference to unit offset 0x"
          + Long.toHexString(unitOffset) + " names no DIE of the unit at 0x" + Long.toHexString(header.offset()));
    }
    return d;
  }

  /** For a type unit, the DIE at its type_offset; else null. */
  public Die typeDie() {
    if (!header.isTypeUnit()) {
      return null;
    }
    return dieAtUnitOffset(header.typeOffset(), absolute(header.offset()));
  }

  long dieOffset(int i) {
    return header.offset() + dieOffsets[i];
  }

  Abbreviation dieAbbrev(int i) {
    return dieAbbrevs[i];
  }

  int parentIndex(int i) {
    return parents[i];
  }

  int subtreeEnd(int i) {
    return subtreeEnds[i];
  }

  boolean treeParsed() {
    synchronized (lock) {
      return fullyParsed;
    }
  }

  /** Decodes attribute {@code attr} of DIE {@code i}, or null when the DIE does not have it. */
  AttributeValue attribute(int i, int attr) {
    Abbreviation a = dieAbbrevs[i];
    int k = a.indexOf(attr);
    if (k < 0) {
      return null;
    }
    if (i == 0) {
      AttributeValue[] root = rootValues();
      if (root != null) {
        return root[k];
      }
    }
    ByteReader r = bytes.readerAt(dieOffsets[i]);
    r.uleb128(); // abbreviation code
    int addr = header.addressSize();
    int off = header.offsetSize();
    int ver = header.version();
    for (int j = 0; j < k; j++) {
      Forms.skip(r, a.formCode(j), addr, off, ver);
    }
    return decode(r, attr, a.formCode(k), a.implicitConst(k));
  }

  /**
   * The unit DIE's attribute values, decoded once in one pass: they are asked for again and again (the list bases,
   * the ranges for the address index, the name, the line table), and each single lookup would skip the values
   * before it anew. Null when one of them cannot be decoded: then each is read alone, and only a value actually
   * asked for reports its error.
   */
  private AttributeValue[] rootValues() {
    AttributeValue[] v = rootValues;
    if (v == null && !rootValuesFailed) {
      try {
        v = attributes(0).toArray(new AttributeValue[0]);
        rootValues = v;
      } catch (MalformedInputException e) {
        rootValuesFailed = true;
      }
    }
    return v;
  }

  /** All attributes of DIE {@code i}, in declaration order. */
  List<AttributeValue> attributes(int i) {
    Abbreviation a = dieAbbrevs[i];
    ByteReader r = bytes.readerAt(dieOffsets[i]);
    r.uleb128();
    List<AttributeValue> out = new ArrayList<>(a.attributeCount());
    for (int j = 0; j < a.attributeCount(); j++) {
      out.add(decode(r, a.attributeCode(j), a.formCode(j), a.implicitConst(j)));
    }
    return out;
  }

  private AttributeValue decode(ByteReader r, int attr, int form, long implicitConst) {
    long pos = r.position();
    int addr = header.addressSize();
    int off = header.offsetSize();
    for (int depth = 0; depth < Forms.MAX_INDIRECT; depth++) {
      switch (form) {
        case Forms.INDIRECT: {
          long f = r.uleb128();
          if (f > 0xffff) {
            throw r.error(pos, header.section() + ": DW_FORM_indirect names form 0x" + Long.toHexString(f));
          }
          form = (int) f;
          continue;
        }
        case Forms.ADDR:
          return value(attr, form, r.unsigned(addr), null, pos);
        case Forms.DATA1: case Forms.REF1: case Forms.FLAG: case Forms.STRX1: case Forms.ADDRX1:
          return value(attr, form, r.u8(), null, pos);
        case Forms.DATA2: case Forms.REF2: case Forms.STRX2: case Forms.ADDRX2:
          return value(attr, form, r.u16(), null, pos);
        case Forms.STRX3: case Forms.ADDRX3:
          return value(attr, form, r.u24(), null, pos);
        case Forms.DATA4: case Forms.REF4: case Forms.REF_SUP4: case Forms.STRX4: case Forms.ADDRX4:
          return value(attr, form, r.u32(), null, pos);
        case Forms.DATA8: case Forms.REF8: case Forms.REF_SIG8: case Forms.REF_SUP8:
          return value(attr, form, r.u64(), null, pos);
        case Forms.DATA16:
          return value(attr, form, 0, r.region(16), pos);
        case Forms.STRP: case Forms.LINE_STRP: case Forms.SEC_OFFSET: case Forms.STRP_SUP: case Forms.GNU_REF_ALT:
        case Forms.GNU_STRP_ALT:
          return value(attr, form, r.unsigned(off), null, pos);
        case Forms.REF_ADDR:
          return value(attr, form, r.unsigned(header.version() <= 2 ? addr : off), null, pos);
        case Forms.FLAG_PRESENT:
          return value(attr, form, 1, null, pos);
        case Forms.IMPLICIT_CONST:
          return value(attr, form, implicitConst, null, pos);
        case Forms.SDATA:
          return value(attr, form, r.sleb128(), null, pos);
        case Forms.UDATA: case Forms.REF_UDATA: case Forms.STRX: case Forms.ADDRX: case Forms.LOCLISTX:
        case Forms.RNGLISTX: case Forms.GNU_ADDR_INDEX: case Forms.GNU_STR_INDEX:
          return value(attr, form, r.uleb128(), null, pos);
        case Forms.STRING: {
          long start = r.position();
          Forms.skipCString(r);
          return value(attr, form, 0, bytes.sub(start - bytes.start(), r.position() - 1 - start), pos);
        }
        case Forms.BLOCK1:
          return value(attr, form, 0, r.region(r.u8()), pos);
        case Forms.BLOCK2:
          return value(attr, form, 0, r.region(r.u16()), pos);
        case Forms.BLOCK4:
          return value(attr, form, 0, r.region(r.u32()), pos);
        case Forms.BLOCK: case Forms.EXPRLOC:
          return value(attr, form, 0, r.region(r.uleb128()), pos);
        default:
          throw r.error(pos, header.section() + ": unknown attribute form 0x" + Integer.toHexString(form));
      }
    }
    throw r.error(pos, header.section() + ": DW_FORM_indirect nested more than " + Forms.MAX_INDIRECT + " times");
  }

  private AttributeValue value(int attr, int form, long v, ByteRegion block, long pos) {
    return new AttributeValue(this, attr, form, v, block, pos);
  }

  // ---------------------------------------------------------------------------------------------- unit attributes

  private void readBases() {
    synchronized (lock) {
      if (basesRead) {
        return;
      }
      Die root = root();
      // DWARF 5 section 3.1.3: the bases apply to the unit's indexed forms. Without DW_AT_str_offsets_base, the
      // first contribution's header (8 or 16 bytes) is skipped, as for split units whose base is implicit.
      AttributeValue v = root.attribute(DwAt.DW_AT_str_offsets_base);
      strOffsetsBase = v != null ? v.asUnsigned() : (header.version() >= 5 ? (header.isDwarf64() ? 16 : 8) : 0);
      v = root.attribute(DwAt.DW_AT_addr_base);
      if (v == null) {
        v = root.attribute(DwAt.DW_AT_GNU_addr_base);
      }
      addrBase = v != null ? v.asUnsigned() : (header.version() >= 5 ? (header.isDwarf64() ? 16 : 8) : 0);
      v = root.attribute(DwAt.DW_AT_rnglists_base);
      rnglistsBase = v != null ? v.asUnsigned() : (header.isDwarf64() ? 20 : 12);
      v = root.attribute(DwAt.DW_AT_loclists_base);
      loclistsBase = v != null ? v.asUnsigned() : (header.isDwarf64() ? 20 : 12);
      basesRead = true;
      // The base address for range and location lists (DWARF 5 section 3.1.1): the unit's DW_AT_low_pc, else 0.
      long base = 0;
      try {
        v = root.attribute(DwAt.DW_AT_low_pc);
        if (v != null && v.formClass() == AttributeValue.FormClass.ADDRESS) {
          base = v.asAddress();
        }
      } catch (MalformedInputException e) {
        base = 0;
      }
      baseAddress = base;
    }
  }

  /** The unit's base address for range and location lists: its {@code DW_AT_low_pc}, else 0. */
  public long baseAddress() {
    readBases();
    return baseAddress;
  }

  /** Entry {@code index} of the unit's {@code .debug_addr} contribution (DWARF 5 section 7.27). */
  public long addressAtIndex(long index) {
    readBases();
    ByteRegion sec = info.sections().get(DwarfSections.ADDR);
    int size = header.addressSize();
    long position = absolute(header.offset());
    if (sec == null) {
      throw new MalformedInputException(fileName(), position, header.section()
          + ": address index " + index + " used but there is no .debug_addr section");
    }
    if (index < 0 || index > (sec.length() - addrBase) / size) {
      throw new MalformedInputException(sec.source().name(), sec.start(), ".debug_addr: index " + index
          + " from base 0x" + Long.toHexString(addrBase) + " is outside the section");
    }
    return sec.readerAt(addrBase + index * size).unsigned(size);
  }

  /** The {@code .debug_str} offset stored at {@code index} of the unit's {@code .debug_str_offsets} table. */
  public long stringOffsetAtIndex(long index) {
    readBases();
    ByteRegion sec = info.sections().get(DwarfSections.STR_OFFSETS);
    int size = header.offsetSize();
    if (sec == null) {
      throw new MalformedInputException(fileName(), absolute(header.offset()), header.section()
          + ": string index " + index + " used but there is no .debug_str_offsets section");
    }
    if (index < 0 || index > (sec.length() - strOffsetsBase) / size) {
      throw new MalformedInputException(sec.source().name(), sec.start(), ".debug_str_offsets: index " + index
          + " from base 0x" + Long.toHexString(strOffsetsBase) + " is outside the section");
    }
    return sec.readerAt(strOffsetsBase + index * size).unsigned(size);
  }

  /** The offset of list {@code index} in an offsets table at {@code base} (DWARF 5 sections 7.28, 7.29). */
  private long listOffsetAtIndex(ByteRegion sec, String name, long base, long index) {
    int size = header.offsetSize();
    if (index < 0 || index > (sec.length() - base) / size) {
      throw new MalformedInputException(sec.source().name(), sec.start(), name + ": list index " + index
          + " from base 0x" + Long.toHexString(base) + " is outside the section");
    }
    return base + sec.readerAt(base + index * size).unsigned(size);
  }

  /** The range list a {@code DW_AT_ranges} (or {@code DW_AT_start_scope}) value names. */
  RangeList rangeList(AttributeValue v) {
    readBases();
    if (header.version() >= 5) {
      ByteRegion sec = info.sections().get(DwarfSections.RNGLISTS);
      if (sec == null) {
        throw new MalformedInputException(fileName(), v.position(), header.section()
            + ": DW_AT_ranges used but there is no .debug_rnglists section");
      }
      long offset = v.formCode() == Forms.RNGLISTX
          ? listOffsetAtIndex(sec, DwarfSections.RNGLISTS, rnglistsBase, v.rawValue()) : v.asUnsigned();
      return RangeList.readRngLists(sec, offset, this, baseAddress);
    }
    ByteRegion sec = info.sections().get(DwarfSections.RANGES);
    if (sec == null) {
      throw new MalformedInputException(fileName(), v.position(), header.section()
          + ": DW_AT_ranges used but there is no .debug_ranges section");
    }
    return RangeList.readDebugRanges(sec, v.asUnsigned(), header.addressSize(), baseAddress);
  }

  /** The location list a location-class attribute value names. */
  LocationList locationList(AttributeValue v) {
    readBases();
    if (header.version() >= 5) {
      ByteRegion sec = info.sections().get(DwarfSections.LOCLISTS);
      if (sec == null) {
        throw new MalformedInputException(fileName(), v.position(), header.section()
            + ": location list used but there is no .debug_loclists section");
      }
      long offset = v.formCode() == Forms.LOCLISTX
          ? listOffsetAtIndex(sec, DwarfSections.LOCLISTS, loclistsBase, v.rawValue()) : v.asUnsigned();
      return LocationList.readLocLists(sec, offset, this, baseAddress);
    }
    ByteRegion sec = info.sections().get(DwarfSections.LOC);
    if (sec == null) {
      throw new MalformedInputException(fileName(), v.position(), header.section()
          + ": location list used but there is no .debug_loc section");
    }
    return LocationList.readDebugLoc(sec, v.asUnsigned(), this, baseAddress);
  }

  // ---------------------------------------------------------------------------------------------- names

  /** {@code DW_AT_name} of the unit DIE (usually the primary source file), or null. */
  public String name() {
    return root().name();
  }

  /** {@code DW_AT_comp_dir} of the unit DIE, or null. */
  public String compilationDirectory() {
    AttributeValue v = root().attribute(DwAt.DW_AT_comp_dir);
    return v != null ? v.asString() : null;
  }

  /** {@code DW_AT_producer}, or null. */
  public String producer() {
    AttributeValue v = root().attribute(DwAt.DW_AT_producer);
    return v != null ? v.asString() : null;
  }

  /** {@code DW_AT_language}, or null. */
  public DwLang language() {
    AttributeValue v = root().attribute(DwAt.DW_AT_language);
    return v != null ? DwLang.of((int) v.asUnsigned()) : null;
  }

  // ---------------------------------------------------------------------------------------------- addresses

  /**
   * The addresses the unit covers according to its unit DIE ({@code DW_AT_ranges} or low/high pc); empty when the
   * unit DIE gives none (the address index then falls back to the unit's subprograms).
   */
  public RangeList unitRanges() {
    synchronized (lock) {
      if (unitRanges == null) {
        unitRanges = root().addressRanges();
      }
      return unitRanges;
    }
  }

  /**
   * The ranges of the unit's subprograms (and inlined subroutines), used when the unit DIE has no ranges of its own.
   */
  RangeList subprogramRanges() {
    AddressMap m = subroutineMap();
    List<AddressRange> out = new ArrayList<>(m.low.length);
    for (int k = 0; k < m.low.length; k++) {
      out.add(new AddressRange(m.low[k], m.high[k]));
    }
    return new RangeList(out);
  }

  /**
   * The unit's subprogram DIEs by address, as LLVM's {@code DWARFUnit::updateAddressDieMap} builds its map (DIEs in
   * pre-order, later ranges splitting earlier ones, empty ranges ignored), but over subprograms only: inlined
   * subroutines are looked up per address, in the subtree of the subprogram found ({@link #subroutineAt}), so their
   * ranges are read only where they matter. For nested, well-formed DWARF this finds the same DIE as LLVM's
   * whole-unit map. Built once per unit, on the first lookup: when no two ranges overlap (the usual case) by one
   * primitive sort, else by LLVM's splitting insertions.
   */
  private AddressMap subroutineMap() {
    synchronized (lock) {
      if (subroutineMap != null) {
        return subroutineMap;
      }
      parseDies();
      DwarfInfo.Spans spans = new DwarfInfo.Spans(64); // (low, high, DIE index)
      for (int i = 0; i < dieCount; i++) {
        RangeList ranges = dieAbbrevs[i].tagCode() == 0x2e ? subroutineRanges(i) : null;
        if (ranges == null) {
          continue;
        }
        for (int k = 0; k < ranges.size(); k++) {
          if (ranges.low(k) != ranges.high(k)) {
            spans.add(ranges.low(k), ranges.high(k), i);
          }
        }
      }
      long[] low = spans.low;
      long[] high = spans.high;
      int[] die = spans.unit;
      int m = spans.n;
      AddressMap map = sortedIfDisjoint(low, high, die, m);
      if (map == null) {
        TreeMap<Long, long[]> tree = new TreeMap<>(UNSIGNED);
        for (int k = 0; k < m; k++) {
          insertRange(tree, low[k], high[k], die[k]);
        }
        int n = tree.size();
        long[] lo = new long[n];
        long[] hi = new long[n];
        int[] di = new int[n];
        int k = 0;
        for (long[] e : tree.values()) {
          lo[k] = e[2];
          hi[k] = e[0];
          di[k] = (int) e[1];
          k++;
        }
        map = new AddressMap(lo, hi, di);
      }
      subroutineMap = map;
      return map;
    }
  }

  /**
   * The ranges sorted by start when no two overlap (then the order of insertion cannot matter); null when they
   * overlap or the starts do not fit {@link RangeList#orderByStart}.
   */
  private static AddressMap sortedIfDisjoint(long[] low, long[] high, int[] die, int m) {
    int[] order = RangeList.orderByStart(low, m);
    if (order == null) {
      return null;
    }
    long[] lo = new long[m];
    long[] hi = new long[m];
    int[] di = new int[m];
    for (int k = 0; k < m; k++) {
      int j = order[k];
      lo[k] = low[j];
      hi[k] = high[j];
      di[k] = die[j];
      if (k > 0 && Long.compareUnsigned(hi[k - 1], lo[k]) > 0) {
        return null;
      }
    }
    return new AddressMap(lo, hi, di);
  }

  /**
   * The ranges of subroutine DIE {@code i}, or null when it has none or they cannot be read (as LLVM, such a DIE
   * does not take part in lookups).
   */
  private RangeList subroutineRanges(int i) {
    Abbreviation a = dieAbbrevs[i];
    if (a.indexOf(0x11) < 0 && a.indexOf(0x55) < 0) {
      return null;
    }
    try {
      return new Die(this, i).addressRanges();
    } catch (MalformedInputException e) {
      return null;
    }
  }

  /**
   * Inserts the non-empty range {@code [low, high)} of DIE {@code die} as LLVM's map does: the part of an earlier
   * range that it covers goes to it, and the earlier range keeps what lies before and after.
   */
  private static void insertRange(TreeMap<Long, long[]> map, long low, long high, int die) {
    Map.Entry<Long, long[]> b = map.floorEntry(low);
    if (b != null && Long.compareUnsigned(low, b.getValue()[0]) < 0) {
      long[] prev = b.getValue();
      if (Long.compareUnsigned(high, prev[0]) < 0) {
        map.put(high, new long[] {prev[0], prev[1], high});
      }
      if (Long.compareUnsigned(low, b.getKey()) > 0) {
        map.put(b.getKey(), new long[] {low, prev[1], b.getKey()});
      }
    }
    map.put(low, new long[] {high, die, low});
  }

  /**
   * The innermost subprogram or inlined subroutine DIE whose ranges contain {@code address}, as LLVM's
   * {@code getSubroutineForAddress} finds it in nested DWARF; null when none does.
   *
   * <p>The subprogram comes from the unit's map ({@link #subroutineMap()}). Inside it the lookup descends as
   * addr2line's does: one pass over the subprogram's subtree in pre-order, where a subroutine DIE that contains the
   * address becomes the answer and is entered, and one that does not is skipped with its whole subtree. So only the
   * ranges of the subroutines on the way down are read, not those of every inlined call of a large function. Other
   * DIEs (lexical blocks, variables, ...) are entered without a test: LLVM does not consider their ranges. Where two
   * subroutines at one level overlap, the later one wins, as in LLVM's map. An inlined subroutine that lies outside
   * the subroutine holding it (not nested, so not valid DWARF) is not found there.
   */
  public Die subroutineAt(long address) {
    int found;
    synchronized (lock) {
      found = subroutineMap().lookup(address);
      if (found < 0) {
        return null;
      }
      int end = subtreeEnds[found];
      int j = found + 1;
      while (j < end) {
        int t = dieAbbrevs[j].tagCode();
        if (t != 0x1d && t != 0x2e) {
          j++;
        } else if (containsAddress(j, address)) {
          found = j;
          j++;
        } else {
          j = subtreeEnds[j];
        }
      }
    }
    return new Die(this, found);
  }

  /** Whether a range of subroutine DIE {@code i} contains {@code address}. */
  private boolean containsAddress(int i, long address) {
    RangeList ranges = subroutineRanges(i);
    return ranges != null && ranges.contains(address);
  }

  /**
   * The chain of subroutine DIEs at {@code address}, innermost first: the inlined subroutines that contain it, then
   * the subprogram that contains them (DWARF 5 section 3.3.8). Empty when no subroutine covers the address.
   */
  public List<Die> inlinedChain(long address) {
    List<Die> chain = new ArrayList<>();
    Die d = subroutineAt(address);
    for (int guard = 0; d != null && guard <= MAX_DIE_DEPTH; guard++) {
      int tag = d.tagCode();
      if (tag == 0x2e) {
        chain.add(d);
        break;
      }
      if (tag == 0x1d) {
        chain.add(d);
      }
      d = d.parent();
    }
    return chain;
  }

  /**
   * The DIEs that make up the lexical scopes at {@code address}, innermost first: lexical blocks, inlined
   * subroutines and the enclosing subprogram (the scopes whose variables are visible there).
   */
  public List<Die> scopesAt(long address) {
    List<Die> chain = inlinedChain(address);
    if (chain.isEmpty()) {
      return chain;
    }
    Die inner = chain.get(0);
    List<Die> out = new ArrayList<>();
    // Lexical blocks below the innermost subroutine that contain the address (innermost first).
    Die cur = inner;
    for (int guard = 0; guard <= MAX_DIE_DEPTH; guard++) {
      Die next = null;
      for (Die c : cur.children()) {
        if (c.tagCode() == 0x0b && c.addressRanges().contains(address)) {
          next = c;
          break;
        }
      }
      if (next == null) {
        break;
      }
      out.add(0, next);
      cur = next;
    }
    // Then each subroutine of the chain, with the lexical blocks between it and the next inner level.
    for (int k = 0; k < chain.size(); k++) {
      Die level = chain.get(k);
      out.add(level);
      Die p = level.parent();
      List<Die> blocks = new ArrayList<>();
      for (int guard = 0; p != null && guard <= MAX_DIE_DEPTH; guard++) {
        if (p.tagCode() == 0x2e || p.tagCode() == 0x1d || p.tagCode() == 0x11) {
          break;
        }
        if (p.tagCode() == 0x0b) {
          blocks.add(p);
        }
        p = p.parent();
      }
      if (k + 1 < chain.size()) {
        out.addAll(blocks);
      }
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------- lines

  /**
   * The unit's line table ({@code DW_AT_stmt_list} in {@code .debug_line}), parsed on first use and cached, or
   * null when the unit has none. A malformed line program fails with its offset every time it is asked for.
   */
  public LineTable lineTable() {
    synchronized (lock) {
      if (lineTried) {
        if (lineError != null) {
          throw lineError;
        }
        return lineTable;
      }
      lineTried = true;
      try {
        AttributeValue v = root().attribute(DwAt.DW_AT_stmt_list);
        ByteRegion sec = info.sections().get(DwarfSections.LINE);
        if (v == null || sec == null) {
          return null;
        }
        lineTable = LineTable.read(sec, v.asUnsigned(), this);
        return lineTable;
      } catch (MalformedInputException e) {
        lineError = e.reason().startsWith(".debug_line") ? e : e.within(".debug_line");
        throw lineError;
      }
    }
  }

  @Override
  public String toString() {
    return header.toString();
  }
}
