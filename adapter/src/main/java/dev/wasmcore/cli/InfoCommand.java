package dev.wasmcore.cli;

import dev.wasmcore.binary.MalformedInputException;
import dev.wasmcore.coredump.CallSiteCheck;
import dev.wasmcore.coredump.CoreDump;
import dev.wasmcore.coredump.CoreFrame;
import dev.wasmcore.coredump.CoreGlobal;
import dev.wasmcore.coredump.CoreInstance;
import dev.wasmcore.coredump.CoreModule;
import dev.wasmcore.coredump.CoreThread;
import dev.wasmcore.coredump.MemoryImage;
import dev.wasmcore.coredump.ProducerInfo;
import dev.wasmcore.wasm.WasmModule;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code wasmcore info CORE [--module WASM]}: what the dump holds (process, producer and layout, modules, instances,
 * threads, memories, globals) and, with the module, whether the module fits the dump.
 */
public final class InfoCommand implements Command {
  @Override
  public String name() {
    return "info";
  }

  @Override
  public String summary() {
    return "summarise a core dump (and check it against its module)";
  }

  @Override
  public String usage() {
    return "usage: wasmcore info CORE [--module WASM]...\n"
        + "  CORE           the core dump (tool-conventions Coredump.md)\n"
        + "  --module WASM  also describe the module and check that it belongs to the dump\n";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) {
    Args a = Args.parse(args, Set.of("--module"), Set.of());
    if (a.positional().size() != 1) {
      throw new UsageException(a.positional().isEmpty() ? "missing CORE" : "expected one CORE, got "
          + a.positional());
    }
    String corePath = a.positional().get(0);
    try (CoreDump dump = CoreDump.open(Path.of(corePath)); ModuleSet modules = new ModuleSet(a.values("--module"))) {
      describe(dump, corePath, out);
      for (WasmModule m : modules.all()) {
        describeModule(dump, modules, m, out);
      }
    }
    return OK;
  }

  private static void describe(CoreDump dump, String corePath, PrintStream out) {
    out.println("core:       " + corePath);
    out.println("process:    " + quoteOrNone(dump.process().executableName()));
    ProducerInfo p = dump.producer();
    out.println("producer:   " + p.producer().displayName() + (p.localsRecorded() ? "" : " (no locals recorded)"));
    out.println("layout:     " + p.layout().description());
    for (String e : p.evidence()) {
      out.println("            - " + e);
    }
    out.println("modules:    " + dump.modules().size());
    for (CoreModule m : dump.modules()) {
      out.println("  [" + m.index() + "] " + quoteOrNone(m.name()));
    }
    out.println("instances:  " + dump.instances().size());
    for (CoreInstance i : dump.instances()) {
      out.println("  [" + i.index() + "] module " + i.moduleIndex() + ", memories " + i.memories() + ", globals "
          + i.globals());
    }
    out.println("threads:    " + dump.threads().size());
    for (CoreThread t : dump.threads()) {
      out.println("  [" + (t.index() + 1) + "] " + quoteOrNone(t.name()) + ": " + t.frames().size() + " frames");
    }
    out.println("memories:   " + dump.memories().size());
    for (MemoryImage m : dump.memories()) {
      out.println("  [" + m.index() + "] " + m.pages() + " pages" + (m.limits().is64() ? " (memory64)" : "")
          + " = " + m.size() + " bytes, " + m.segmentCount() + " data segments, " + m.coveredBytes()
          + " bytes covered" + (m.clippedBytes() > 0 ? ", " + m.clippedBytes() + " bytes past the end ignored"
              : ""));
    }
    out.println("globals:    " + dump.globals().size());
    for (CoreGlobal g : dump.globals()) {
      out.println("  [" + g.index() + "] " + g.type() + " = " + g.value().format());
    }
  }

  private static void describeModule(CoreDump dump, ModuleSet modules, WasmModule m, PrintStream out) {
    out.println("module:     " + m.name());
    out.println("  functions:    " + m.functionCount() + " (" + m.importedFunctionCount() + " imported)");
    if (m.hasCode()) {
      out.println("  code section: " + m.codeSection().length() + " bytes, payload at file offset 0x"
          + Long.toHexString(m.codePayloadStart().value()) + ", sha256 " + m.codeIdentity());
    }
    out.println("  build id:     " + m.buildIdHex().orElse("(none)"));
    m.names().flatMap(n -> n.moduleName()).ifPresent(n -> out.println("  name:         " + n));
    out.println("  DWARF:        " + (m.debugSections().isEmpty() ? "none"
        : String.join(" ", m.debugSections().keySet())));
    m.externalDebugInfo().ifPresent(x -> out.println("  external debug info: " + x));
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (CoreThread t : dump.threads()) {
      for (CoreFrame f : t.frames()) {
        WasmModule owner;
        try {
          owner = modules.moduleOf(dump, f);
        } catch (MalformedInputException e) {
          continue;
        }
        if (owner != m) {
          continue;
        }
        checked++;
        try {
          dump.dwarfAddress(f, m);
        } catch (MalformedInputException e) {
          problems.add("thread " + (t.index() + 1) + " " + e.reason() + " (dump offset 0x"
              + Long.toHexString(e.offset()) + ")");
        }
      }
    }
    if (problems.isEmpty() && modules.all().size() == 1) { // with several, a thread's callers span modules
      for (CoreThread t : dump.threads()) {
        CallSiteCheck.mismatch(dump, t, f -> modules.moduleOf(dump, f)).ifPresent(e -> problems.add("thread "
            + (t.index() + 1) + " " + e.reason() + " (dump offset 0x" + Long.toHexString(e.offset()) + ")"));
      }
    }
    boolean nameMatches = dump.modules().isEmpty() || dump.modules().stream()
        .anyMatch(cm -> ModuleSet.baseName(cm.name()).equals(ModuleSet.baseName(m.name())));
    if (!nameMatches) {
      problems.add("no coremodules entry is named " + ModuleSet.baseName(m.name()));
    }
    out.println("  matches:      " + (problems.isEmpty() ? "yes (" + checked
        + " frames name functions and offsets inside this module)" : "NO"));
    for (String p : problems) {
      out.println("    - " + p);
    }
  }

  private static String quoteOrNone(String s) {
    return s == null || s.isEmpty() ? "(unnamed)" : s;
  }
}
