package dev.wasmcore.dap.formatter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wasmcore.dap.session.ClientConventions;
import dev.wasmcore.inspect.CrashInfo;
import dev.wasmcore.inspect.ModuleView;
import org.eclipse.lsp4j.debug.Module;
import org.junit.jupiter.api.Test;

/** The modules row names the dump's producer and layout after the module's own symbol status. */
class ModuleFormatterTest {
  private static final ModuleView MODULE =
      new ModuleView(0, "app.wasm", "/w/app.wasm", "DWARF in module", null, "C11 clang 19");

  private static Module format(CrashInfo crash) {
    return new ModuleFormatter(ClientConventions.DEFAULT, crash).module(MODULE);
  }

  @Test
  void producerAndLayoutFollowTheSymbolStatus() {
    Module m = format(new CrashInfo("unreachable", "unreachable", "wasmtime", "tool-conventions Coredump.md", "s"));
    assertEquals("DWARF in module; dump: wasmtime, tool-conventions Coredump.md", m.getSymbolStatus());
    assertEquals("C11 clang 19", m.getVersion());
  }

  @Test
  void rewriterLayoutIsShownAsTheSessionWordsIt() {
    String layout = "rewriter 0.1.14-0.2.1 (LEB128 counts, no instance index); this producer recorded no code"
        + " offsets: each frame shows its function's first instruction";
    Module m = format(new CrashInfo("trap", "trap", "wasm-coredump rewriter", layout, "s"));
    assertEquals("DWARF in module; dump: wasm-coredump rewriter, " + layout, m.getSymbolStatus());
  }

  @Test
  void missingPartsAreLeftOut() {
    assertEquals("DWARF in module; dump: wasmtime",
        format(new CrashInfo("trap", "trap", "wasmtime", " ", "s")).getSymbolStatus());
    assertEquals("DWARF in module; dump: tool-conventions Coredump.md",
        format(new CrashInfo("trap", "trap", null, "tool-conventions Coredump.md", "s")).getSymbolStatus());
    assertEquals("DWARF in module", format(null).getSymbolStatus());
  }
}
