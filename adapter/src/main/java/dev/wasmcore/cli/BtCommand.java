package dev.wasmcore.cli;

import dev.wasmcore.coredump.CallSiteCheck;
import dev.wasmcore.coredump.CoreDump;
import dev.wasmcore.coredump.CoreFrame;
import dev.wasmcore.coredump.CoreThread;
import dev.wasmcore.symbolize.SourceFrame;
import dev.wasmcore.symbolize.SourceMap;
import dev.wasmcore.symbolize.Symbolizer;
import dev.wasmcore.wasm.DwarfAddress;
import dev.wasmcore.wasm.WasmModule;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code wasmcore bt CORE --module WASM [--debug-dir DIR]... [--source-map FROM=TO]... [--json]}: the symbolized
 * backtrace. Each core dump frame gives one entry per source level (inlined levels first, marked inlined), with the
 * function name (DWARF, else the name section), file, line and column, and the function index, code offset and
 * DWARF address of the physical frame. The JSON form is {@link BacktraceJson}.
 */
public final class BtCommand implements Command {
  @Override
  public String name() {
    return "bt";
  }

  @Override
  public String summary() {
    return "print the backtrace of each thread of a core dump";
  }

  @Override
  public String usage() {
    return "usage: wasmcore bt CORE --module WASM [--module WASM]... [--debug-dir DIR]... [--source-map FROM=TO]..."
        + " [--json] [--locals [--source-path DIR]... [--max-string N] [--max-array N] [--max-bytes N]...]\n"
        + "  CORE                the core dump (tool-conventions Coredump.md)\n"
        + "  --module WASM       the module that crashed (repeat for multi-module dumps; matched by file name)\n"
        + "  --debug-dir DIR     where to look for external DWARF (external_debug_info, debug-<build id>.wasm)\n"
        + "  --source-map F=T    print source paths compiled under prefix F as under T (repeatable)\n"
        + "  --json              print {\"core\", \"threads\": [{\"id\", \"name\", \"frames\": [...]}]}\n"
        + "  --locals            also print each frame's parameters and locals (typed values)\n"
        + "  --force             print the frames even when the module does not fit the dump's call sites\n"
        + "  --source-path DIR   with --locals: where to look for source files (repeatable)\n"
        + "resource limits (with --locals):\n" + SessionArgs.limitsUsage();
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) {
    Args a = Args.parse(args, SessionArgs.VALUE_OPTIONS, Set.of("--json", "--locals", "--force"));
    if (a.positional().size() != 1) {
      throw new UsageException(a.positional().isEmpty() ? "missing CORE" : "expected one CORE, got "
          + a.positional());
    }
    if (a.values("--module").isEmpty()) {
      throw new UsageException("missing --module WASM");
    }
    String corePath = a.positional().get(0);
    if (a.flag("--locals")) {
      return BacktraceLocals.print(SessionArgs.options(a, corePath), out, err);
    }
    SourceMap sourceMap;
    try {
      sourceMap = SourceMap.parse(a.values("--source-map"));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    List<Path> debugDirs = new ArrayList<>();
    for (String d : a.values("--debug-dir")) {
      debugDirs.add(Path.of(d));
    }
    try (CoreDump dump = CoreDump.open(Path.of(corePath)); ModuleSet modules = new ModuleSet(a.values("--module"))) {
      Map<WasmModule, Symbolizer> symbolizers = new IdentityHashMap<>();
      List<BacktraceThread> threads;
      try {
        for (WasmModule m : modules.all()) {
          Symbolizer s = Symbolizer.open(m, Path.of(m.name()), debugDirs, sourceMap);
          symbolizers.put(m, s);
          for (String msg : s.messages()) {
            err.println("wasmcore: " + msg);
          }
        }
        threads = backtrace(dump, modules, symbolizers);
        // Every frame lies inside its module (backtrace checked); a module with other code at the call sites (a
        // sibling build with the same function count) is refused before any frame is shown, unless --force asks
        // for the raw backtrace anyway (then the reason is said first).
        for (CoreThread t : dump.threads()) {
          var mismatch = CallSiteCheck.mismatch(dump, t, f -> modules.moduleOf(dump, f));
          if (mismatch.isPresent()) {
            if (!a.flag("--force")) {
              err.println("wasmcore: " + mismatch.get().getMessage()
                  + " (--force prints the frames anyway)");
              return 1;
            }
            err.println("wasmcore: warning: the frames below may be wrong: " + mismatch.get().getMessage());
          }
        }
      } finally {
        symbolizers.values().forEach(Symbolizer::close);
      }
      if (a.flag("--json")) {
        out.print(BacktraceJson.toJson(corePath, threads));
      } else {
        printText(threads, out);
      }
    }
    return OK;
  }

  /**
   * One entry per source frame: each core dump frame's levels from its module's {@link Symbolizer}, innermost
   * first, all but the outermost marked inlined.
   */
  static List<BacktraceThread> backtrace(CoreDump dump, ModuleSet modules, Map<WasmModule, Symbolizer> symbolizers) {
    List<BacktraceThread> out = new ArrayList<>();
    for (CoreThread t : dump.threads()) {
      List<BacktraceEntry> entries = new ArrayList<>();
      for (CoreFrame f : t.frames()) {
        WasmModule m = modules.moduleOf(dump, f);
        DwarfAddress address = dump.dwarfAddress(f, m);
        String moduleName = dump.moduleNameOf(f).orElse(ModuleSet.baseName(m.name()));
        Long instance = f.instanceIndex() < 0 ? null : (long) f.instanceIndex();
        for (SourceFrame sf : symbolizers.get(m).symbolizeAddress(f.funcIndex(), address.value())) {
          boolean hasLine = sf.file() != null && !sf.file().isEmpty();
          entries.add(new BacktraceEntry(entries.size(), f.index(), instance, moduleName, f.funcIndex(),
              f.codeOffset().value(), address.value(), sf.function() != null && !sf.function().isEmpty()
                  ? sf.function() : sf.qualifiedName(), hasLine ? sf.file() : null,
              hasLine ? (int) sf.line() : null, hasLine ? (int) sf.column() : null, sf.inlined()));
        }
      }
      out.add(new BacktraceThread(t.index() + 1, t.name(), entries));
    }
    return out;
  }

  private static void printText(List<BacktraceThread> threads, PrintStream out) {
    for (BacktraceThread t : threads) {
      out.println("thread " + t.id() + " \"" + t.name() + "\" (" + t.frames().size() + " frames)");
      for (BacktraceEntry e : t.frames()) {
        String where = e.file() == null ? "" : "  at " + e.file() + ":" + e.line() + ":" + e.column();
        if (e.inlined()) {
          out.printf("  #%-3d [inlined]  %s%s%n", e.index(), e.function() == null ? "<no name>" : e.function(), where);
          continue;
        }
        out.printf("  #%-3d func %-5d %s  code offset 0x%x  DWARF 0x%x%s%n", e.index(), e.funcIndex(),
            e.function() == null ? "<no name>" : e.function(), e.codeOffset(), e.dwarfAddress(), where);
      }
    }
  }
}
