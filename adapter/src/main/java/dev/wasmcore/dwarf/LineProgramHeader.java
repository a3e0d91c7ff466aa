package dev.wasmcore.dwarf;

import dev.wasmcore.binary.ByteReader;
import dev.wasmcore.binary.ByteRegion;
import dev.wasmcore.binary.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The header of a line number program in {@code .debug_line} (DWARF 5 section 6.2.4; DWARF 2-4 section 6.2.4).
 *
 * <pre>
 * unit_length (4, or 0xffffffff + 8)   version (2)
 * v5: address_size (1), segment_selector_size (1)
 * header_length (offset size)          minimum_instruction_length (1)
 * v4+: maximum_operations_per_instruction (1)
 * default_is_stmt (1)  line_base (s1)  line_range (1)  opcode_base (1)  standard_opcode_lengths (opcode_base - 1)
 * v2-4: include_directories (strings, ended by an empty string), file_names (name, dir ULEB, mtime ULEB,
 *       length ULEB; ended by an empty name)
 * v5:   directory_entry_format_count (1), (content type ULEB, form ULEB) pairs, directories_count (ULEB), entries;
 *       file_name_entry_format_count (1), pairs, file_names_count (ULEB), entries
 * </pre>
 *
 * In v5 directory 0 is the compilation directory and file 0 the primary source file; in v2-4 both tables are
 * 1-based and index 0 means the compilation directory (directories) or nothing (files).
 */
public final class LineProgramHeader {
  /** Line number header entry content types (DWARF 5 section 7.22, table 7.27) and LLVM's source extension. */
  public static final int DW_LNCT_path = 0x1;
  public static final int DW_LNCT_directory_index = 0x2;
  public static final int DW_LNCT_timestamp = 0x3;
  public static final int DW_LNCT_size = 0x4;
  public static final int DW_LNCT_MD5 = 0x5;
  public static final int DW_LNCT_LLVM_source = 0x2001;

  private final long offset;
  private final int version;
  private final boolean dwarf64;
  private final int addressSize;
  private final int minInstLength;
  private final int maxOpsPerInst;
  private final boolean defaultIsStmt;
  private final int lineBase;
  private final int lineRange;
  private final int opcodeBase;
  private final int[] standardOpcodeLengths;
  private final List<String> includeDirectories;
  private final List<FileEntry> fileNames;
  private final long programStart;
  private final long programEnd;

  private LineProgramHeader(long offset, int version, boolean dwarf64, int addressSize, int minInstLength,
      int maxOpsPerInst, boolean defaultIsStmt, int lineBase, int lineRange, int opcodeBase,
      int[] standardOpcodeLengths, List<String> includeDirectories, List<FileEntry> fileNames, long programStart,
      long programEnd) {
    this.offset = offset;
    this.version = version;
    this.dwarf64 = dwarf64;
    this.addressSize = addressSize;
    this.minInstLength = minInstLength;
    this.maxOpsPerInst = maxOpsPerInst;
    this.defaultIsStmt = defaultIsStmt;
    this.lineBase = lineBase;
    this.lineRange = lineRange;
    this.opcodeBase = opcodeBase;
    this.standardOpcodeLengths = standardOpcodeLengths;
    this.includeDirectories = includeDirectories;
    this.fileNames = fileNames;
    this.programStart = programStart;
    this.programEnd = programEnd;
  }

  /**
   * Reads the header at section-relative {@code offset}. {@code unit} supplies the address size for DWARF 2-4 and
   * the string tables and {@code DW_AT_str_offsets_base} for v5 string forms; it may be null for a header read on
   * its own (then v5 {@code strx} forms cannot be resolved).
   */
  public static LineProgramHeader read(ByteRegion section, long offset, CompileUnit unit) {
    ByteReader r = section.readerAt(offset);
    InitialLength il = InitialLength.read(r, ".debug_line", "line program", offset, "");
    boolean is64 = il.dwarf64();
    long length = il.length();
    ByteReader p = r.subReader(length);
    long programEnd = p.limit() - section.start();
    int version = p.u16();
    if (version < 2 || version > 5) {
      throw p.error(p.position() - 2, ".debug_line: unsupported line table version " + version);
    }
    int addressSize = unit != null ? unit.header().addressSize() : 4;
    if (version >= 5) {
      addressSize = p.u8();
      int segSel = p.u8();
      if (segSel != 0) {
        throw p.error(p.position() - 1, ".debug_line: segment_selector_size " + segSel + " is not supported");
      }
    }
    int offSize = is64 ? 8 : 4;
    long headerLength = p.unsigned(offSize);
    if (headerLength > p.remaining()) {
      throw p.error(p.position() - offSize, ".debug_line: header_length " + headerLength + " exceeds the "
          + p.remaining() + " bytes of the line program");
    }
    long programStartAbs = p.position() + headerLength;
    int minInst = p.u8();
    int maxOps = version >= 4 ? p.u8() : 1;
    boolean defaultIsStmt = p.u8() != 0;
    int lineBase = (byte) p.u8();
    int lineRange = p.u8();
    int opcodeBase = p.u8();
    int[] lengths = new int[Math.max(0, opcodeBase - 1)];
    for (int i = 0; i < lengths.length; i++) {
      lengths[i] = p.u8();
    }
    List<String> dirs = new ArrayList<>();
    List<FileEntry> files = new ArrayList<>();
    ByteReader h = p.subReader(programStartAbs - p.position());
    if (version >= 5) {
      int[][] dirFormat = entryFormat(h, "directory");
      long dirCount = h.uleb128();
      h.count(dirCount, 1, ".debug_line: directory");
      for (long i = 0; i < dirCount; i++) {
        FileEntry e = entry(h, dirFormat, unit, version, offSize);
        dirs.add(e.name());
      }
      int[][] fileFormat = entryFormat(h, "file name");
      long fileCount = h.uleb128();
      h.count(fileCount, 1, ".debug_line: file name");
      for (long i = 0; i < fileCount; i++) {
        files.add(entry(h, fileFormat, unit, version, offSize));
      }
    } else {
      while (true) {
        String d = h.cstring();
        if (d.isEmpty()) {
          break;
        }
        dirs.add(d);
      }
      while (true) {
        String n = h.cstring();
        if (n.isEmpty()) {
          break;
        }
        long dir = h.uleb128();
        long mtime = h.uleb128();
        long size = h.uleb128();
        files.add(new FileEntry(n, dir, mtime, size, null, null));
      }
    }
    return new LineProgramHeader(offset, version, is64, addressSize, minInst, maxOps, defaultIsStmt, lineBase,
        lineRange, opcodeBase, lengths, List.copyOf(dirs), List.copyOf(files), programStartAbs - section.start(),
        programEnd);
  }

  private static int[][] entryFormat(ByteReader h, String what) {
    int n = h.u8();
    int[][] f = new int[n][2];
    for (int i = 0; i < n; i++) {
      long at = h.position();
      long type = h.uleb128();
      long form = h.uleb128();
      if (type > 0xffff || form > 0xffff) {
        throw h.error(at, ".debug_line: " + what + " entry format has content type 0x" + Long.toHexString(type)
            + " form 0x" + Long.toHexString(form));
      }
      f[i][0] = (int) type;
      f[i][1] = (int) form;
    }
    return f;
  }

  private static FileEntry entry(ByteReader h, int[][] format, CompileUnit unit, int version, int offSize) {
    String name = null;
    long dir = 0;
    long mtime = 0;
    long size = 0;
    byte[] md5 = null;
    String source = null;
    for (int[] f : format) {
      int type = f[0];
      int form = f[1];
      long at = h.position();
      switch (form) {
        case Forms.STRING: case Forms.LINE_STRP: case Forms.STRP: case Forms.STRX: case Forms.STRX1:
        case Forms.STRX2: case Forms.STRX3: case Forms.STRX4: {
          String s = string(h, form, unit, offSize);
          if (type == DW_LNCT_path) {
            name = s;
          } else if (type == DW_LNCT_LLVM_source) {
            source = s;
          }
          break;
        }
        case Forms.UDATA: case Forms.DATA1: case Forms.DATA2: case Forms.DATA4: case Forms.DATA8: {
          long v = form == Forms.UDATA ? h.uleb128()
              : h.unsigned(form == Forms.DATA1 ? 1 : form == Forms.DATA2 ? 2 : form == Forms.DATA4 ? 4 : 8);
          if (type == DW_LNCT_directory_index) {
            dir = v;
          } else if (type == DW_LNCT_timestamp) {
            mtime = v;
          } else if (type == DW_LNCT_size) {
            size = v;
          }
          break;
        }
        case Forms.DATA16: {
          byte[] b = h.bytes(16);
          if (type == DW_LNCT_MD5) {
            md5 = b;
          }
          break;
        }
        case Forms.BLOCK: {
          long n = h.uleb128();
          h.skip(n);
          break;
        }
        default:
          throw h.error(at, ".debug_line: unsupported form " + DwForm.of(form) + " for content type 0x"
              + Integer.toHexString(type));
      }
    }
    if (name == null) {
      name = "";
    }
    return new FileEntry(name, dir, mtime, size, md5, source);
  }

  private static String string(ByteReader h, int form, CompileUnit unit, int offSize) {
    switch (form) {
      case Forms.STRING: {
        long start = h.position();
        Forms.skipCString(h);
        long n = h.position() - 1 - start;
        ByteReader c = h.duplicate();
        c.seek(start);
        return new String(c.bytes(n), StandardCharsets.UTF_8);
      }
      case Forms.LINE_STRP:
      case Forms.STRP: {
        long at = h.position();
        long off = h.unsigned(offSize);
        if (unit == null) {
          throw h.error(at, ".debug_line: string offset without a unit to resolve it");
        }
        return unit.info().stringAt(form == Forms.STRP ? DwarfSections.STR : DwarfSections.LINE_STR, off);
      }
      default: {
        long at = h.position();
        long idx = form == Forms.STRX ? h.uleb128()
            : h.unsigned(form == Forms.STRX1 ? 1 : form == Forms.STRX2 ? 2 : form == Forms.STRX3 ? 3 : 4);
        if (unit == null) {
          throw h.error(at, ".debug_line: string index without a unit to resolve it");
        }
        return unit.info().stringAt(DwarfSections.STR, unit.stringOffsetAtIndex(idx));
      }
    }
  }

  /** Section-relative offset of the line program. */
  public long offset() {
    return offset;
  }

  public int version() {
    return version;
  }

  public boolean isDwarf64() {
    return dwarf64;
  }

  public int addressSize() {
    return addressSize;
  }

  public int minimumInstructionLength() {
    return minInstLength;
  }

  public int maximumOperationsPerInstruction() {
    return maxOpsPerInst;
  }

  public boolean defaultIsStmt() {
    return defaultIsStmt;
  }

  public int lineBase() {
    return lineBase;
  }

  public int lineRange() {
    return lineRange;
  }

  public int opcodeBase() {
    return opcodeBase;
  }

  /** Number of ULEB operands of standard opcode {@code opcode} (1-based), as the header declares. */
  public int standardOpcodeLength(int opcode) {
    return standardOpcodeLengths[opcode - 1];
  }

  /** include_directories as written (v5: entry 0 is the compilation directory). */
  public List<String> includeDirectories() {
    return includeDirectories;
  }

  /** file_names as written (v5: 0-based, entry 0 the primary file; v2-4: file number n is entry n - 1). */
  public List<FileEntry> fileNames() {
    return fileNames;
  }

  /** Section-relative offset of the first opcode. */
  public long programStart() {
    return programStart;
  }

  /** Section-relative offset just past the program. */
  public long programEnd() {
    return programEnd;
  }

  /** Whether a row's file number names an entry (v5: 0..n-1; v2-4: 1..n). */
  public boolean hasFile(long file) {
    return version >= 5 ? file >= 0 && file < fileNames.size() : file >= 1 && file <= fileNames.size();
  }

  /** The entry a row's file number names; null when there is none. */
  public FileEntry file(long file) {
    if (!hasFile(file)) {
      return null;
    }
    return fileNames.get((int) (version >= 5 ? file : file - 1));
  }

  /**
   * The path of file number {@code file} joined the way LLVM's symbolizer joins it (its {@code Prologue::
   * getFileNameByIndex} with absolute-path kind): an absolute name is returned as is; otherwise the include
   * directory (v5: entry {@code dir}; v2-4: entry {@code dir - 1}, none for 0) is put before it, and before both
   * the compilation directory, unless the include directory is absolute or (v5) the directory index is 0. Relative
   * results stay relative, e.g. {@code ./build} + {@code ./libc-bottom-half/crt} + {@code crt1-command.c}. Null when
   * the file number names no entry.
   */
  public String filePath(long file, String compDir) {
    FileEntry e = file(file);
    if (e == null) {
      return null;
    }
    String name = e.name();
    if (isAbsolute(name)) {
      return name;
    }
    String includeDir = "";
    long dirIdx = e.directoryIndex();
    if (version >= 5) {
      if (dirIdx < includeDirectories.size()) {
        includeDir = includeDirectories.get((int) dirIdx);
      }
    } else if (dirIdx > 0 && dirIdx <= includeDirectories.size()) {
      includeDir = includeDirectories.get((int) dirIdx - 1);
    }
    StringBuilder path = new StringBuilder();
    if ((version < 5 || dirIdx != 0) && compDir != null && !compDir.isEmpty() && !isAbsolute(includeDir)) {
      append(path, compDir);
    }
    append(path, includeDir);
    append(path, name);
    return path.toString();
  }

  static boolean isAbsolute(String p) {
    if (p.startsWith("/") || p.startsWith("\\")) {
      return true;
    }
    // Windows drive paths (C:\ or C:/), as LLVM's isPathAbsoluteOnWindowsOrPosix.
    return p.length() >= 3 && Character.isLetter(p.charAt(0)) && p.charAt(1) == ':'
        && (p.charAt(2) == '\\' || p.charAt(2) == '/');
  }

  /** LLVM's {@code sys::path::append} (POSIX style): one separator between components, none doubled. */
  private static void append(StringBuilder path, String component) {
    if (component.isEmpty()) {
      return;
    }
    boolean pathHasSep = path.length() > 0 && path.charAt(path.length() - 1) == '/';
    if (pathHasSep) {
      int k = 0;
      while (k < component.length() && component.charAt(k) == '/') {
        k++;
      }
      path.append(component, k, component.length());
      return;
    }
    boolean componentHasSep = component.charAt(0) == '/';
    if (!componentHasSep && path.length() > 0) {
      path.append('/');
    }
    path.append(component);
  }

  MalformedInputException error(ByteRegion section, String what) {
    return new MalformedInputException(section.source().name(), section.start() + offset, ".debug_line: " + what);
  }
}
