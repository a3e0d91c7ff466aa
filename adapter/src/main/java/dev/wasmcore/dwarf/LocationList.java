package dev.wasmcore.dwarf;

import dev.wasmcore.binary.ByteReader;
import dev.wasmcore.binary.ByteRegion;
import java.util.ArrayList;
import java.util.List;

/**
 * A location list (DWARF 5 section 2.6.2): entries each giving an address range and the expression that locates the
 * object while the program counter is in that range, and optionally a default entry. Read from {@code .debug_loc}
 * (DWARF 2-4) or {@code .debug_loclists} (DWARF 5, section 7.29).
 */
public final class LocationList {
  /** DWARF 5 location list entry kinds (section 7.29, table 7.31). */
  static final int DW_LLE_end_of_list = 0x00;
  static final int DW_LLE_base_addressx = 0x01;
  static final int DW_LLE_startx_endx = 0x02;
  static final int DW_LLE_startx_length = 0x03;
  static final int DW_LLE_offset_pair = 0x04;
  static final int DW_LLE_default_location = 0x05;
  static final int DW_LLE_base_address = 0x06;
  static final int DW_LLE_start_end = 0x07;
  static final int DW_LLE_start_length = 0x08;

  /** Upper bound on entries in one list, a guard against hostile inputs that loop forever. */
  static final int MAX_ENTRIES = 1 << 20;

  /**
   * One entry: a range and an expression; a default entry has a null range and applies where no other does.
   */
  public record Entry(AddressRange range, DwarfExpression expression) {
    public boolean isDefault() {
      return range == null;
    }
  }

  private final List<Entry> entries;

  public LocationList(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  public List<Entry> entries() {
    return entries;
  }

  /** The expression that applies at {@code address}: the first entry whose range holds it, else the default. */
  public DwarfExpression find(long address) {
    Entry dflt = null;
    for (Entry e : entries) {
      if (e.isDefault()) {
        dflt = e;
      } else if (e.range().contains(address)) {
        return e.expression();
      }
    }
    return dflt != null ? dflt.expression() : null;
  }

  /** Reads a DWARF 2-4 {@code .debug_loc} list: (start, end, u16 length, expression) entries, (0,0) ends. */
  static LocationList readDebugLoc(ByteRegion section, long offset, CompileUnit unit, long baseAddress) {
    ByteReader r = section.readerAt(offset);
    int addressSize = unit.header().addressSize();
    long mask = RangeList.addressMask(addressSize);
    long base = baseAddress;
    List<Entry> out = new ArrayList<>();
    for (int i = 0; i < MAX_ENTRIES; i++) {
      long start = r.unsigned(addressSize);
      long end = r.unsigned(addressSize);
      if (start == 0 && end == 0) {
        return new LocationList(out);
      }
      if (start == mask) {
        base = end;
        continue;
      }
      int len = r.u16();
      ByteRegion expr = r.region(len);
      out.add(new Entry(new AddressRange((base + start) & mask, (base + end) & mask), new DwarfExpression(expr,
          unit)));
    }
    throw r.error(".debug_loc: list at 0x" + Long.toHexString(offset) + " has more than " + MAX_ENTRIES
        + " entries");
  }

  /** Reads a DWARF 5 {@code .debug_loclists} list at a section offset; expressions carry a ULEB length. */
  static LocationList readLocLists(ByteRegion section, long offset, CompileUnit unit, long baseAddress) {
    ByteReader r = section.readerAt(offset);
    int addressSize = unit.header().addressSize();
    long mask = RangeList.addressMask(addressSize);
    long base = baseAddress;
    List<Entry> out = new ArrayList<>();
    for (int i = 0; i < MAX_ENTRIES; i++) {
      long at = r.position();
      int kind = r.u8();
      AddressRange range;
      switch (kind) {
        case DW_LLE_end_of_list:
          return new LocationList(out);
        case DW_LLE_base_addressx:
          base = unit.addressAtIndex(r.uleb128());
          continue;
        case DW_LLE_base_address:
          base = r.unsigned(addressSize);
          continue;
        case DW_LLE_startx_endx: {
          long s = unit.addressAtIndex(r.uleb128());
          long e = unit.addressAtIndex(r.uleb128());
          range = new AddressRange(s, e);
          break;
        }
        case DW_LLE_startx_length: {
          long s = unit.addressAtIndex(r.uleb128());
          range = new AddressRange(s, (s + r.uleb128()) & mask);
          break;
        }
        case DW_LLE_offset_pair: {
          long s = r.uleb128();
          long e = r.uleb128();
          range = new AddressRange((base + s) & mask, (base + e) & mask);
          break;
        }
        case DW_LLE_default_location:
          range = null;
          break;
        case DW_LLE_start_end: {
          long s = r.unsigned(addressSize);
          long e = r.unsigned(addressSize);
          range = new AddressRange(s, e);
          break;
        }
        case DW_LLE_start_length: {
          long s = r.unsigned(addressSize);
          range = new AddressRange(s, (s + r.uleb128()) & mask);
          break;
        }
        default:
          throw r.error(at, ".debug_loclists: unknown location list entry kind 0x" + Integer.toHexString(kind));
      }
      long len = r.uleb128();
      ByteRegion expr = r.region(len);
      out.add(new Entry(range, new DwarfExpression(expr, unit)));
    }
    throw r.error(".debug_loclists: list at 0x" + Long.toHexString(offset) + " has more than " + MAX_ENTRIES
        + " entries");
  }

  @Override
  public String toString() {
    return entries.toString();
  }
}
