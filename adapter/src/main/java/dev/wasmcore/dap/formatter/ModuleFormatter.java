package dev.wasmcore.dap.formatter;

import dev.wasmcore.dap.session.ClientConventions;
import dev.wasmcore.inspect.ModuleView;
import org.eclipse.lsp4j.debug.Module;

/** DAP modules: name, path, and the symbol status (where DWARF was found, build id, producer). */
public final class ModuleFormatter {
  private final ClientConventions conventions;

  public ModuleFormatter(ClientConventions conventions) {
    this.conventions = conventions;
  }

  public Module module(ModuleView m) {
    Module out = new Module();
    out.setId(m.index());
    out.setName(m.name() == null || m.name().isBlank() ? "module " + m.index() : m.name());
    if (m.path() != null) {
      out.setPath(conventions.toClientPath(m.path()));
    }
    StringBuilder status = new StringBuilder(m.symbolStatus() == null ? "unknown" : m.symbolStatus());
    if (m.buildId() != null) {
      status.append("; build id ").append(m.buildId());
    }
    out.setSymbolStatus(status.toString());
    if (m.producer() != null) {
      out.setVersion(m.producer());
    }
    return out;
  }
}
