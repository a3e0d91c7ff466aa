package dev.wasmcore.symbolize;

import dev.wasmcore.binary.MalformedInputException;
import dev.wasmcore.dwarf.AttributeValue;
import dev.wasmcore.dwarf.CompileUnit;
import dev.wasmcore.dwarf.Die;
import dev.wasmcore.dwarf.DwAt;
import dev.wasmcore.dwarf.DwarfInfo;
import dev.wasmcore.dwarf.LineTable;
import java.util.ArrayList;
import java.util.List;

/**
 * DWARF address to source frames, following LLVM's {@code DWARFContext::getInliningInfoForAddress}: the unit that
 * covers the address, the innermost subroutine DIE there and the chain of inlined subroutines up to the subprogram;
 * the innermost level takes file, line and column from the line table, each outer level from the
 * {@code DW_AT_call_file}/{@code call_line}/{@code call_column} of the level inside it. Names are the demangled
 * linkage names (as the symbolizer prints them), else {@code DW_AT_name}, following abstract origins and
 * specifications.
 */
public final class AddressSymbolizer {
  private final DwarfInfo dwarf;
  private final SourceMap sourceMap;

  public AddressSymbolizer(DwarfInfo dwarf, SourceMap sourceMap) {
    this.dwarf = dwarf;
    this.sourceMap = sourceMap != null ? sourceMap : SourceMap.empty();
  }

  public DwarfInfo dwarf() {
    return dwarf;
  }

  public SourceMap sourceMap() {
    return sourceMap;
  }

  /**
   * The source frames at {@code address}, innermost first, all but the last marked inlined. Empty when no unit
   * covers the address. A malformed unit fails with its {@link MalformedInputException}.
   */
  public List<SourceFrame> symbolize(long address) {
    CompileUnit cu = dwarf.unitForAddress(address);
    if (cu == null) {
      return List.of();
    }
    List<Die> chain = cu.inlinedChain(address);
    LineTable lines = lineTableOrNull(cu);
    List<SourceFrame> out = new ArrayList<>();
    if (chain.isEmpty()) {
      LineTable.Location loc = lines != null ? lines.find(address) : null;
      if (loc != null) {
        out.add(new SourceFrame(null, null, null, sourceMap.apply(loc.file()), loc.file(), loc.line(), loc.column(),
            false, true, null, cu));
      }
      return out;
    }
    long callFile = 0;
    long callLine = 0;
    long callColumn = 0;
    for (int i = 0; i < chain.size(); i++) {
      Die fn = chain.get(i);
      String linkage = fn.linkageName();
      String shortName = fn.nameRecursive();
      String name = linkage != null ? ItaniumDemangler.demangle(linkage) : shortName;
      String qualified = qualifiedName(fn);
      String file = null;
      long line = 0;
      long column = 0;
      if (i == 0) {
        LineTable.Location loc = lines != null ? lines.find(address) : null;
        if (loc != null) {
          file = loc.file();
          line = loc.line();
          column = loc.column();
        }
      } else {
        file = lines != null ? lines.filePath(callFile) : null;
        line = callLine;
        column = callColumn;
      }
      if (i + 1 < chain.size()) {
        callFile = unsigned(fn, DwAt.DW_AT_call_file);
        callLine = unsigned(fn, DwAt.DW_AT_call_line);
        callColumn = unsigned(fn, DwAt.DW_AT_call_column);
      }
      out.add(new SourceFrame(name, qualified, linkage, sourceMap.apply(file), file, line, column,
          i + 1 < chain.size(), true, fn, cu));
    }
    return out;
  }

  private static LineTable lineTableOrNull(CompileUnit cu) {
    try {
      return cu.lineTable();
    } catch (MalformedInputException e) {
      return null; // the frames still get names; the line table's error is available from the unit
    }
  }

  private static long unsigned(Die d, DwAt at) {
    AttributeValue v = d.attribute(at);
    return v != null && v.isConstant() ? v.asUnsigned() : 0;
  }

  private static String qualifiedName(Die fn) {
    try {
      return fn.qualifiedName();
    } catch (MalformedInputException e) {
      return null;
    }
  }
}
