package dev.wasmcore.cli;

import dev.wasmcore.coredump.CoreDump;
import dev.wasmcore.coredump.CoreFrame;
import dev.wasmcore.coredump.CoreThread;
import dev.wasmcore.wasm.DwarfAddress;
import dev.wasmcore.wasm.WasmModule;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code wasmcore bt CORE --module WASM [--json]}: the raw backtrace, per frame the function index, its name-section
 * name, the code offset and the DWARF address. The JSON form is {@link BacktraceJson}.
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
    return "usage: wasmcore bt CORE --module WASM [--module WASM]... [--json]\n"
        + "  CORE           the core dump (tool-conventions Coredump.md)\n"
        + "  --module WASM  the module that crashed (repeat for multi-module dumps; matched by file name)\n"
        + "  --json         print {\"core\", \"threads\": [{\"id\", \"name\", \"frames\": [...]}]}\n";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) {
    Args a = Args.parse(args, Set.of("--module"), Set.of("--json"));
    if (a.positional().size() != 1) {
      throw new UsageException(a.positional().isEmpty() ? "missing CORE" : "expected one CORE, got "
          + a.positional());
    }
    if (a.values("--module").isEmpty()) {
      throw new UsageException("missing --module WASM");
    }
    String corePath = a.positional().get(0);
    try (CoreDump dump = CoreDump.open(Path.of(corePath)); ModuleSet modules = new ModuleSet(a.values("--module"))) {
      List<BacktraceThread> threads = rawBacktrace(dump, modules);
      if (a.flag("--json")) {
        out.print(BacktraceJson.toJson(corePath, threads));
      } else {
        printText(threads, out);
      }
    }
    return OK;
  }

  /** One entry per core dump frame, with the name-section name and no source information. */
  static List<BacktraceThread> rawBacktrace(CoreDump dump, ModuleSet modules) {
    List<BacktraceThread> out = new ArrayList<>();
    for (CoreThread t : dump.threads()) {
      List<BacktraceEntry> entries = new ArrayList<>();
      for (CoreFrame f : t.frames()) {
        WasmModule m = modules.moduleOf(dump, f);
        DwarfAddress address = dump.dwarfAddress(f, m);
        String moduleName = dump.moduleNameOf(f).orElse(ModuleSet.baseName(m.name()));
        entries.add(new BacktraceEntry(entries.size(), f.index(), f.instanceIndex() < 0 ? null : f.instanceIndex(),
            moduleName, f.funcIndex(), f.codeOffset().value(), address.value(),
            m.functionName(f.funcIndex()).orElse(null), null, null, null, false));
      }
      out.add(new BacktraceThread(t.index() + 1, t.name(), entries));
    }
    return out;
  }

  private static void printText(List<BacktraceThread> threads, PrintStream out) {
    for (BacktraceThread t : threads) {
      out.println("thread " + t.id() + " \"" + t.name() + "\" (" + t.frames().size() + " frames)");
      for (BacktraceEntry e : t.frames()) {
        out.printf("  #%-3d func %-5d %s  code offset 0x%x  DWARF 0x%x%n", e.index(), e.funcIndex(),
            e.function() == null ? "<no name>" : e.function(), e.codeOffset(), e.dwarfAddress());
      }
    }
  }
}
