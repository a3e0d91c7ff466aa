package dev.wasmcore.inspect.session;

import dev.wasmcore.binary.MalformedInputException;
import dev.wasmcore.dwarf.CompileUnit;
import dev.wasmcore.dwarf.LineTable;
import dev.wasmcore.inspect.Instruction;
import dev.wasmcore.inspect.SourceLocation;
import dev.wasmcore.wasm.DwarfAddress;
import dev.wasmcore.wasm.FunctionBody;
import dev.wasmcore.wasm.disasm.FunctionDisassembly;
import dev.wasmcore.wasm.disasm.SymbolResolver;
import dev.wasmcore.wasm.disasm.WasmInstruction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * DAP-style disassembly around an instruction reference: instructions decoded per function (cached), stepping
 * across function boundaries in both directions, each with its function name at the function's first instruction
 * and its source position from the line table; positions outside any function come back as invalid entries, so the
 * answer always has {@code count} entries.
 */
final class Disassembly {
  private Disassembly() {}

  /** A position: a function and an instruction index in it. */
  private record Pos(long func, int index) {}

  static List<Instruction> disassemble(CoreSession s, String reference, long byteOffset, int instructionOffset,
      int count, boolean resolveSymbols) {
    long ref = CoreSession.parseAddress(reference) + byteOffset;
    int moduleIndex = (int) (ref >>> 32);
    if (moduleIndex < 0 || moduleIndex >= s.modules.size()) {
      moduleIndex = 0;
    }
    LoadedModule m = s.modules.get(moduleIndex);
    long addr = ref & 0xFFFFFFFFL;
    int n = Math.max(0, Math.min(count, 10_000));
    List<Instruction> out = new ArrayList<>(n);
    Pos start = locate(m, addr);
    if (start == null) {
      for (int i = 0; i < n; i++) {
        out.add(invalid(moduleIndex, addr + instructionOffset + i));
      }
      return out;
    }
    // Step from the reference by instructionOffset, crossing functions; count what falls off the ends.
    Pos p = start;
    int frontInvalid = 0;
    int off = instructionOffset;
    while (off < 0 && p != null) {
      Pos prev = previous(m, p);
      if (prev == null) {
        frontInvalid = -off;
        break;
      }
      p = prev;
      off++;
    }
    while (off > 0 && p != null) {
      p = next(m, p);
      off--;
    }
    long firstAddr = p == null ? addr : address(m, p);
    for (int i = 0; i < frontInvalid && out.size() < n; i++) {
      out.add(invalid(moduleIndex, Math.max(0, firstAddr - (frontInvalid - i))));
    }
    SymbolResolver symbols = resolveSymbols ? resolver(m) : SymbolResolver.NONE;
    long lastAddr = firstAddr;
    while (out.size() < n) {
      if (p == null) {
        out.add(invalid(moduleIndex, ++lastAddr));
        continue;
      }
      FunctionDisassembly fd = m.disassembly.get(p.func());
      WasmInstruction insn = fd.instructions().get(p.index());
      long a = insn.fileOffset() - m.wasm.codePayloadStart().value();
      lastAddr = a;
      String symbol = p.index() == 0 ? functionLabel(s, m, p.func()) : null;
      out.add(new Instruction(CoreSession.instructionReference(moduleIndex, a), fd.hexBytes(insn),
          insn.text(symbols, p.func()), symbol, location(s, m, a), false));
      p = next(m, p);
    }
    return out;
  }

  private static Instruction invalid(int module, long addr) {
    return new Instruction(CoreSession.instructionReference(module, Math.max(0, addr)), "", "??", null, null, true);
  }

  private static long address(LoadedModule m, Pos p) {
    WasmInstruction insn = m.disassembly.get(p.func()).instructions().get(p.index());
    return insn.fileOffset() - m.wasm.codePayloadStart().value();
  }

  /** The instruction containing a DWARF address (the first one when it points into the local declarations). */
  private static Pos locate(LoadedModule m, long addr) {
    Optional<FunctionBody> fb;
    try {
      fb = m.wasm.functionAt(new DwarfAddress(addr));
    } catch (IllegalArgumentException | MalformedInputException e) {
      return null;
    }
    if (fb.isEmpty()) {
      return null;
    }
    long func = fb.get().funcIndex();
    FunctionDisassembly fd = m.disassembly.get(func);
    if (fd == null || fd.instructions().isEmpty()) {
      return null;
    }
    int i = fd.indexAt(m.wasm.codePayloadStart().value() + addr);
    if (i < 0) {
      long file = m.wasm.codePayloadStart().value() + addr;
      i = file < fd.instructions().get(0).fileOffset() ? 0 : fd.instructions().size() - 1;
    }
    return new Pos(func, i);
  }

  private static Pos previous(LoadedModule m, Pos p) {
    if (p.index() > 0) {
      return new Pos(p.func(), p.index() - 1);
    }
    long first = m.wasm.importedFunctionCount();
    for (long f = p.func() - 1; f >= first && f >= p.func() - 64; f--) {
      FunctionDisassembly fd = m.disassembly.get(f);
      if (fd != null && !fd.instructions().isEmpty()) {
        return new Pos(f, fd.instructions().size() - 1);
      }
    }
    return null;
  }

  private static Pos next(LoadedModule m, Pos p) {
    FunctionDisassembly fd = m.disassembly.get(p.func());
    if (p.index() + 1 < fd.instructions().size()) {
      return new Pos(p.func(), p.index() + 1);
    }
    long end = m.wasm.functionCount();
    for (long f = p.func() + 1; f < end && f <= p.func() + 64; f++) {
      FunctionDisassembly nf = m.disassembly.get(f);
      if (nf != null && !nf.instructions().isEmpty()) {
        return new Pos(f, 0);
      }
    }
    return null;
  }

  static String functionLabel(CoreSession s, LoadedModule m, long func) {
    String n = m.functionName(func);
    return n != null ? n : "func[" + func + "]";
  }

  private static SymbolResolver resolver(LoadedModule m) {
    return new SymbolResolver() {
      @Override
      public Optional<String> functionName(long funcIndex) {
        return Optional.ofNullable(m.functionName(funcIndex));
      }

      @Override
      public Optional<String> globalName(long globalIndex) {
        return Optional.ofNullable(m.globalName(globalIndex));
      }

      @Override
      public Optional<String> localName(long funcIndex, long localIndex) {
        return Optional.ofNullable(m.localName(funcIndex, localIndex));
      }
    };
  }

  private static SourceLocation location(CoreSession s, LoadedModule m, long addr) {
    if (m.dwarf == null) {
      return null;
    }
    try {
      CompileUnit cu = m.dwarf.unitForAddress(addr);
      if (cu == null) {
        return null;
      }
      LineTable lt = cu.lineTable();
      LineTable.Location loc = lt == null ? null : lt.find(addr);
      if (loc == null || loc.line() <= 0) {
        return null;
      }
      String mapped = s.sourceMap.apply(loc.file());
      Path local = s.sources.resolve(mapped);
      return new SourceLocation(loc.file(), local, (int) loc.line(), (int) Math.max(0, loc.column()));
    } catch (MalformedInputException e) {
      return null;
    }
  }
}
