package dev.wasmcore.dwarf;

import dev.wasmcore.binary.ByteReader;
import dev.wasmcore.binary.ByteRegion;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The line number matrix of one line program (DWARF 5 section 6.2): the rows the state machine emits, grouped into
 * sequences, with lookup by address the way LLVM's {@code LineTable::lookupAddress} does it (sequences ordered by
 * end address; within the sequence holding the address, the last row whose address is not above it).
 *
 * <p>Rows are stored column-wise in arrays. Every standard opcode (section 6.2.5.2), every extended opcode
 * (6.2.5.3: end_sequence, set_address, define_file, set_discriminator; unknown ones are skipped by their length)
 * and special opcodes (6.2.5.1) are executed, including VLIW {@code op_index} arithmetic when
 * {@code maximum_operations_per_instruction > 1}.
 */
public final class LineTable {
  /** Standard opcodes (section 7.22, table 7.25). */
  static final int DW_LNS_copy = 1;
  static final int DW_LNS_advance_pc = 2;
  static final int DW_LNS_advance_line = 3;
  static final int DW_LNS_set_file = 4;
  static final int DW_LNS_set_column = 5;
  static final int DW_LNS_negate_stmt = 6;
  static final int DW_LNS_set_basic_block = 7;
  static final int DW_LNS_const_add_pc = 8;
  static final int DW_LNS_fixed_advance_pc = 9;
  static final int DW_LNS_set_prologue_end = 10;
  static final int DW_LNS_set_epilogue_begin = 11;
  static final int DW_LNS_set_isa = 12;
  /** Extended opcodes (table 7.26). */
  static final int DW_LNE_end_sequence = 1;
  static final int DW_LNE_set_address = 2;
  static final int DW_LNE_define_file = 3;
  static final int DW_LNE_set_discriminator = 4;

  /** Row flag bits. */
  public static final int IS_STMT = 1;
  public static final int BASIC_BLOCK = 2;
  public static final int END_SEQUENCE = 4;
  public static final int PROLOGUE_END = 8;
  public static final int EPILOGUE_BEGIN = 16;

  /** One row of the matrix. */
  public record Row(long address, int opIndex, long file, long line, long column, int flags, long discriminator,
      long isa) {
    public boolean isStmt() {
      return (flags & IS_STMT) != 0;
    }

    public boolean endSequence() {
      return (flags & END_SEQUENCE) != 0;
    }

    public boolean prologueEnd() {
      return (flags & PROLOGUE_END) != 0;
    }

    public boolean epilogueBegin() {
      return (flags & EPILOGUE_BEGIN) != 0;
    }

    public boolean basicBlock() {
      return (flags & BASIC_BLOCK) != 0;
    }
  }

  /** A sequence: rows {@code [firstRow, endRow)}, covering addresses {@code [lowPc, highPc)}. */
  public record Sequence(long lowPc, long highPc, int firstRow, int endRow) {}

  /** A source position resolved from a row: the joined file path, the line and the column. */
  public record Location(String file, long line, long column, int row) {}

  private final LineProgramHeader header;
  private final List<FileEntry> definedFiles;
  private final String compDir;
  private final int rowCount;
  private final long[] addr;
  /** Null when every row's op-index is 0 (so for discriminator and isa). */
  private final int[] opIndex;
  private final long[] file;
  private final int[] line;
  private final int[] column;
  private final byte[] flags;
  private final int[] discriminator;
  private final int[] isa;
  private final Sequence[] sequences;

  private LineTable(LineProgramHeader header, List<FileEntry> definedFiles, String compDir, int rowCount,
      long[] addr, int[] opIndex, long[] file, int[] line, int[] column, byte[] flags, int[] discriminator,
      int[] isa, Sequence[] sequences) {
    this.header = header;
    this.definedFiles = definedFiles;
    this.compDir = compDir;
    this.rowCount = rowCount;
    this.addr = addr;
    this.opIndex = opIndex;
    this.file = file;
    this.line = line;
    this.column = column;
    this.flags = flags;
    this.discriminator = discriminator;
    this.isa = isa;
    this.sequences = sequences;
  }

  /** Parses and runs the line program at section-relative {@code offset} for {@code unit}. */
  public static LineTable read(ByteRegion section, long offset, CompileUnit unit) {
    LineProgramHeader h = LineProgramHeader.read(section, offset, unit);
    String compDir = null;
    if (unit != null) {
      compDir = unit.compilationDirectory();
    }
    return run(section, h, compDir);
  }

  /** Runs the program of an already read header (tests and tools). */
  public static LineTable run(ByteRegion section, LineProgramHeader h, String compDir) {
    ByteRegion prog = ArraySliceSource.copyOf(section.sub(h.programStart(), h.programEnd() - h.programStart()));
    ByteReader r = prog.reader();
    // The program's heap copy, read directly for the opcodes that make most rows (special opcodes, copy, and the
    // standard opcodes with a one-byte operand): a cold JVM interprets this loop, and a call per byte shows. All
    // other opcodes, and every error, go through the checked reader.
    byte[] bytes = ArraySliceSource.arrayOf(prog);
    long base = prog.start();
    int p = 0;
    int progEnd = bytes.length;
    // About one row per 3-4 program bytes in compiler output; the arrays grow when a program is denser.
    Builder b = new Builder((int) Math.min(prog.length() / 4 + 16, 1 << 20));
    List<FileEntry> defined = new ArrayList<>();
    int minInst = h.minimumInstructionLength();
    int maxOps = Math.max(1, h.maximumOperationsPerInstruction());
    int lineRange = h.lineRange();
    int opcodeBase = h.opcodeBase();
    int lineBase = h.lineBase();
    long mask = RangeList.addressMask(h.addressSize());
    // State machine registers (section 6.2.2).
    long address = 0;
    int opIdx = 0;
    long fileReg = 1;
    long lineReg = 1;
    long col = 0;
    boolean isStmt = h.defaultIsStmt();
    boolean basicBlock = false;
    boolean prologueEnd = false;
    boolean epilogueBegin = false;
    long isaReg = 0;
    long disc = 0;
    while (p < progEnd) {
      long at = base + p;
      int op = bytes[p] & 0xFF;
      if (op >= opcodeBase) {
        p++;
        if (lineRange == 0) {
          throw r.error(at, ".debug_line: special opcode with line_range 0");
        }
        int adjusted = op - opcodeBase;
        long advance = adjusted / lineRange;
        long a = opIdx + advance;
        address = (address + (long) minInst * (a / maxOps)) & mask;
        opIdx = (int) (a % maxOps);
        lineReg += lineBase + (adjusted % lineRange);
        b.add(address, opIdx, fileReg, lineReg, col, flags(isStmt, basicBlock, false, prologueEnd, epilogueBegin),
            disc, isaReg);
        basicBlock = false;
        prologueEnd = false;
        epilogueBegin = false;
        disc = 0;
        continue;
      }
      if (op == DW_LNS_copy) {
        p++;
        b.add(address, opIdx, fileReg, lineReg, col, flags(isStmt, basicBlock, false, prologueEnd, epilogueBegin),
            disc, isaReg);
        basicBlock = false;
        prologueEnd = false;
        epilogueBegin = false;
        disc = 0;
        continue;
      }
      if (p + 1 < progEnd && bytes[p + 1] >= 0 && (op == DW_LNS_set_column || op == DW_LNS_advance_line
          || op == DW_LNS_advance_pc || op == DW_LNS_set_file)) {
        int v = bytes[p + 1]; // a one-byte LEB128 operand
        p += 2;
        if (op == DW_LNS_set_column) {
          col = v;
        } else if (op == DW_LNS_advance_line) {
          lineReg += (v << 25) >> 25; // sign-extend the 7-bit SLEB128
        } else if (op == DW_LNS_set_file) {
          fileReg = v;
        } else {
          long a = opIdx + v;
          address = (address + (long) minInst * (a / maxOps)) & mask;
          opIdx = (int) (a % maxOps);
        }
        continue;
      }
      r.seek(at + 1);
      switch (op) {
        case 0: {
          long len = r.uleb128();
          if (len == 0 || len > r.remaining()) {
            throw r.error(at, ".debug_line: extended opcode length " + len + " with " + r.remaining()
                + " bytes left");
          }
          long end = r.position() + len;
          int sub = r.u8();
          switch (sub) {
            case DW_LNE_end_sequence:
              b.add(address, opIdx, fileReg, lineReg, col,
                  flags(isStmt, basicBlock, true, prologueEnd, epilogueBegin), disc, isaReg);
              b.endSequence();
              address = 0;
              opIdx = 0;
              fileReg = 1;
              lineReg = 1;
              col = 0;
              isStmt = h.defaultIsStmt();
              basicBlock = false;
              prologueEnd = false;
              epilogueBegin = false;
              isaReg = 0;
              disc = 0;
              break;
            case DW_LNE_set_address: {
              long n = end - r.position();
              if (n != 1 && n != 2 && n != 4 && n != 8) {
                throw r.error(at, ".debug_line: DW_LNE_set_address with a " + n + "-byte operand");
              }
              address = r.unsigned((int) n);
              opIdx = 0;
              break;
            }
            case DW_LNE_define_file: {
              String name = r.cstring();
              long dir = r.uleb128();
              long mtime = r.uleb128();
              long size = r.uleb128();
              defined.add(new FileEntry(name, dir, mtime, size, null, null));
              break;
            }
            case DW_LNE_set_discriminator:
              disc = r.uleb128();
              break;
            default:
              break; // unknown extended opcodes are skipped by their length
          }
          if (r.position() > end) {
            throw r.error(at, ".debug_line: extended opcode " + sub + " overruns its length " + len);
          }
          r.seek(end);
          break;
        }
        case DW_LNS_advance_pc: {
          long a = opIdx + r.uleb128();
          address = (address + (long) minInst * (a / maxOps)) & mask;
          opIdx = (int) (a % maxOps);
          break;
        }
        case DW_LNS_advance_line:
          lineReg += r.sleb128();
          break;
        case DW_LNS_set_file:
          fileReg = r.uleb128();
          break;
        case DW_LNS_set_column:
          col = r.uleb128();
          break;
        case DW_LNS_negate_stmt:
          isStmt = !isStmt;
          break;
        case DW_LNS_set_basic_block:
          basicBlock = true;
          break;
        case DW_LNS_const_add_pc: {
          if (lineRange == 0) {
            throw r.error(at, ".debug_line: DW_LNS_const_add_pc with line_range 0");
          }
          long a = opIdx + (255 - opcodeBase) / lineRange;
          address = (address + (long) minInst * (a / maxOps)) & mask;
          opIdx = (int) (a % maxOps);
          break;
        }
        case DW_LNS_fixed_advance_pc:
          address = (address + r.u16()) & mask;
          opIdx = 0;
          break;
        case DW_LNS_set_prologue_end:
          prologueEnd = true;
          break;
        case DW_LNS_set_epilogue_begin:
          epilogueBegin = true;
          break;
        case DW_LNS_set_isa:
          isaReg = r.uleb128();
          break;
        default: {
          // A standard opcode this reader does not know: skip the ULEB operands the header declares for it.
          int n = h.standardOpcodeLength(op);
          for (int i = 0; i < n; i++) {
            r.uleb128();
          }
        }
      }
      p = (int) (r.position() - base);
    }
    return b.build(h, defined, compDir);
  }

  private static int flags(boolean isStmt, boolean bb, boolean end, boolean pe, boolean eb) {
    return (isStmt ? IS_STMT : 0) | (bb ? BASIC_BLOCK : 0) | (end ? END_SEQUENCE : 0) | (pe ? PROLOGUE_END : 0)
        | (eb ? EPILOGUE_BEGIN : 0);
  }

  /** Sequences by end address, unsigned (a named comparator: no lambda bootstrap on the cold path). */
  private static final java.util.Comparator<Sequence> BY_HIGH_PC = new java.util.Comparator<Sequence>() {
    @Override
    public int compare(Sequence x, Sequence y) {
      return Long.compareUnsigned(x.highPc(), y.highPc());
    }
  };

  private static final class Builder {
    int n;
    long[] addr;
    int[] opIndex;
    long[] file;
    int[] line;
    int[] column;
    byte[] flags;
    int[] disc;
    int[] isa;
    int seqStart;
    final List<Sequence> seqs = new ArrayList<>();

    /**
     * Op-index, discriminator and ISA are 0 in nearly every row, so their columns are made only when a row has
     * another value (a third less memory for a large table, and less for a cold JVM to zero and fault in).
     */
    Builder(int cap) {
      cap = Math.max(cap, 8);
      addr = new long[cap];
      file = new long[cap];
      line = new int[cap];
      column = new int[cap];
      flags = new byte[cap];
    }

    void add(long a, int op, long f, long l, long c, int fl, long d, long is) {
      if (n == addr.length) {
        int nc = n * 2;
        addr = Arrays.copyOf(addr, nc);
        file = Arrays.copyOf(file, nc);
        line = Arrays.copyOf(line, nc);
        column = Arrays.copyOf(column, nc);
        flags = Arrays.copyOf(flags, nc);
        opIndex = opIndex != null ? Arrays.copyOf(opIndex, nc) : null;
        disc = disc != null ? Arrays.copyOf(disc, nc) : null;
        isa = isa != null ? Arrays.copyOf(isa, nc) : null;
      }
      addr[n] = a;
      file[n] = f;
      line[n] = (int) l;
      column[n] = (int) c;
      flags[n] = (byte) fl;
      if (op != 0) {
        opIndex = opIndex != null ? opIndex : new int[addr.length];
        opIndex[n] = op;
      }
      if (d != 0) {
        disc = disc != null ? disc : new int[addr.length];
        disc[n] = (int) d;
      }
      if (is != 0) {
        isa = isa != null ? isa : new int[addr.length];
        isa[n] = (int) is;
      }
      n++;
    }

    void endSequence() {
      long low = addr[seqStart];
      long high = addr[n - 1];
      // As LLVM: a sequence is kept for lookups only when it covers at least one address.
      if (Long.compareUnsigned(low, high) < 0 && n - seqStart >= 2) {
        seqs.add(new Sequence(low, high, seqStart, n));
      }
      seqStart = n;
    }

    LineTable build(LineProgramHeader h, List<FileEntry> defined, String compDir) {
      Sequence[] s = seqs.toArray(new Sequence[0]);
      // Ordered by end address (stable), as LLVM orders them for its upper_bound lookup.
      Arrays.sort(s, BY_HIGH_PC);
      return new LineTable(h, List.copyOf(defined), compDir, n, addr, opIndex, file, line, column, flags, disc, isa,
          s);
    }
  }

  public LineProgramHeader header() {
    return header;
  }

  /** Files added by {@code DW_LNE_define_file} (DWARF 2-4), numbered after the header's file_names. */
  public List<FileEntry> definedFiles() {
    return definedFiles;
  }

  public int rowCount() {
    return rowCount;
  }

  public Row row(int i) {
    if (i < 0 || i >= rowCount) {
      throw new IndexOutOfBoundsException("row " + i + " of " + rowCount);
    }
    return new Row(addr[i], opIndex != null ? opIndex[i] : 0, file[i], line[i] & 0xffffffffL,
        column[i] & 0xffffffffL, flags[i], discriminator != null ? discriminator[i] & 0xffffffffL : 0,
        isa != null ? isa[i] & 0xffffffffL : 0);
  }

  /** All rows in program order. */
  public List<Row> rows() {
    List<Row> out = new ArrayList<>(rowCount);
    for (int i = 0; i < rowCount; i++) {
      out.add(row(i));
    }
    return out;
  }

  /** The sequences that cover addresses, ordered by end address. */
  public List<Sequence> sequences() {
    return List.of(sequences);
  }

  /** The index of the row that describes {@code address}, or -1 when no sequence covers it. */
  public int lookup(long address) {
    // First sequence whose highPc is above the address (upper_bound on highPc), then check that it starts below.
    int lo = 0;
    int hi = sequences.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (Long.compareUnsigned(sequences[mid].highPc(), address) <= 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    if (lo == sequences.length) {
      return -1;
    }
    Sequence s = sequences[lo];
    if (Long.compareUnsigned(address, s.lowPc()) < 0 || Long.compareUnsigned(address, s.highPc()) >= 0) {
      return -1;
    }
    // upper_bound over rows (first+1 .. end-1) for an address above ours, minus one.
    int a = s.firstRow() + 1;
    int b = s.endRow() - 1;
    while (a < b) {
      int mid = (a + b) >>> 1;
      if (Long.compareUnsigned(addr[mid], address) <= 0) {
        a = mid + 1;
      } else {
        b = mid;
      }
    }
    return a - 1;
  }

  /** The file path of a row's file number, joined as {@link LineProgramHeader#filePath} does; null if none. */
  public String filePath(long fileNumber) {
    String p = header.filePath(fileNumber, compDir);
    if (p == null && header.version() < 5) {
      long k = fileNumber - 1 - header.fileNames().size();
      if (k >= 0 && k < definedFiles.size()) {
        FileEntry e = definedFiles.get((int) k);
        return e.name();
      }
    }
    return p;
  }

  /** The source position of {@code address}, or null when no row or file covers it. */
  public Location find(long address) {
    int i = lookup(address);
    if (i < 0) {
      return null;
    }
    String f = filePath(file[i]);
    if (f == null) {
      return null;
    }
    return new Location(f, line[i] & 0xffffffffL, column[i] & 0xffffffffL, i);
  }
}
