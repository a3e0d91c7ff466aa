package dev.wasmcore.dwarf;

/**
 * The fast path of the one-pass DIE scan ({@link CompileUnit}): moves past a DIE's attribute values in a unit copied
 * to a heap array, by a plan made once per abbreviation: the run of fixed-size values before each variable-size one
 * (a block, a string, a LEB128), then the fixed-size tail. A cold {@code bt} scans tens of thousands of DIEs before
 * the JIT compiles the loop, and the interpreter pays for every call: this does the whole DIE with a few array reads
 * and no call.
 *
 * <p>It never reports errors. Whatever it does not handle plainly (a value running past the unit, a LEB128 of 10 bytes
 * or more, {@code DW_FORM_indirect}, a form of unknown size) makes it answer -1, and the caller reads that DIE with
 * the bounds-checked {@link dev.wasmcore.binary.ByteReader} path, which reports the error with its offset.
 */
final class AttributeSkipper {
  /** Plan of an abbreviation the fast path leaves to the checked reader. */
  private static final int[] CHECKED = new int[0];

  private final int addressSize;
  private final int offsetSize;
  private final int version;
  /** By abbreviation ordinal: {@code [k, fixed_1, form_1, ..., fixed_k, form_k, tail]}, CHECKED, or null (not made). */
  private int[][] plans = new int[64][];

  AttributeSkipper(int addressSize, int offsetSize, int version) {
    this.addressSize = addressSize;
    this.offsetSize = offsetSize;
    this.version = version;
  }

  /**
   * The array index just past the attribute values of a DIE with abbreviation {@code a} whose values start at
   * {@code p}, or -1 when the checked reader must read this DIE (see the class comment). {@code end} is the index
   * just past the unit.
   */
  int skip(byte[] b, int p, int end, Abbreviation a) {
    int[] plan = plan(a);
    if (plan == CHECKED) {
      return -1;
    }
    int k = plan[0];
    int i = 1;
    for (int v = 0; v < k; v++) {
      p += plan[i++];
      int form = plan[i++];
      if (p >= end) {
        return -1;
      }
      switch (form) {
        case Forms.STRING:
          while (b[p++] != 0) {
            if (p >= end) {
              return -1;
            }
          }
          break;
        case Forms.BLOCK1:
          p += 1 + (b[p] & 0xFF);
          break;
        case Forms.BLOCK2:
          if (end - p < 2) {
            return -1;
          }
          p += 2 + ((b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8);
          break;
        case Forms.BLOCK4: {
          if (end - p < 4) {
            return -1;
          }
          long n = (b[p] & 0xFFL) | (b[p + 1] & 0xFFL) << 8 | (b[p + 2] & 0xFFL) << 16 | (b[p + 3] & 0xFFL) << 24;
          if (n > end - p - 4) {
            return -1;
          }
          p += 4 + (int) n;
          break;
        }
        case Forms.BLOCK:
        case Forms.EXPRLOC: {
          long n = 0;
          int shift = 0;
          int x;
          do {
            if (p >= end || shift > 28) {
              return -1; // past the unit, or a length beyond any unit: the checked reader says which
            }
            x = b[p++];
            n |= (long) (x & 0x7F) << shift;
            shift += 7;
          } while (x < 0);
          if (n > end - p) {
            return -1;
          }
          p += (int) n;
          break;
        }
        default: { // SDATA, UDATA, REF_UDATA and the index forms: one LEB128; 10 bytes may overflow 64 bits, which
          // the checked reader reports, so only up to 9 are taken here
          int last = p + 9;
          while (b[p++] < 0) {
            if (p >= end || p == last) {
              return -1;
            }
          }
          break;
        }
      }
    }
    p += plan[i];
    return p <= end ? p : -1;
  }

  /** The size of all of {@code a}'s values when no value's size depends on the data, else -1. */
  int fixedSize(Abbreviation a) {
    int[] plan = plan(a);
    return plan != CHECKED && plan[0] == 0 ? plan[1] : -1;
  }

  private int[] plan(Abbreviation a) {
    int o = a.ordinal();
    if (o >= plans.length) {
      plans = java.util.Arrays.copyOf(plans, Math.max(o + 1, plans.length * 2));
    }
    int[] plan = plans[o];
    if (plan == null) {
      plans[o] = plan = makePlan(a);
    }
    return plan;
  }

  private int[] makePlan(Abbreviation a) {
    int n = a.attributeCount();
    int[] plan = new int[2 + 2 * n];
    int k = 0;
    int fixed = 0;
    for (int i = 0; i < n; i++) {
      int form = a.formCode(i);
      int size = Forms.fixedSize(form, addressSize, offsetSize, version);
      if (size >= 0) {
        fixed += size;
        continue;
      }
      switch (form) {
        case Forms.STRING: case Forms.BLOCK1: case Forms.BLOCK2: case Forms.BLOCK4: case Forms.BLOCK:
        case Forms.EXPRLOC: case Forms.SDATA: case Forms.UDATA: case Forms.REF_UDATA: case Forms.STRX:
        case Forms.ADDRX: case Forms.LOCLISTX: case Forms.RNGLISTX: case Forms.GNU_ADDR_INDEX:
        case Forms.GNU_STR_INDEX:
          plan[1 + 2 * k] = fixed;
          plan[2 + 2 * k] = form;
          k++;
          fixed = 0;
          break;
        default: // DW_FORM_indirect, or a form of unknown size
          return CHECKED;
      }
    }
    plan[0] = k;
    plan[1 + 2 * k] = fixed;
    return java.util.Arrays.copyOf(plan, 2 + 2 * k);
  }
}
