package dev.wasmcore.dap.formatter;

import dev.wasmcore.dap.session.ClientConventions;
import dev.wasmcore.inspect.CrashInfo;
import dev.wasmcore.inspect.ModuleView;
import org.eclipse.lsp4j.debug.Module;

/**
 * DAP modules: name, path, and the symbol status (where DWARF was found, build id, and which producer wrote the
 * dump in which layout). The module's own producers section goes into {@code version}.
 *
 * <p>The dump's producer and layout are a property of the dump, not of a module, but the DAP {@code Module} type
 * has no field for them; {@code symbolStatus} is free text shown in every client's modules view, so they are
 * appended there ("...; dump: wasmtime, tool-conventions Coredump.md") rather than as a vendor attribute that
 * clients only show with a matching column descriptor.
 */
public final class ModuleFormatter {
  private final ClientConventions conventions;
  private final CrashInfo crash;

  /**
   * @param conventions path conversions of the client
   * @param crash the session's crash summary (producer and layout), or null when unknown
   */
  public ModuleFormatter(ClientConventions conventions, CrashInfo crash) {
    this.conventions = conventions;
    this.crash = crash;
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
    String dump = dumpDescription();
    if (dump != null) {
      status.append("; dump: ").append(dump);
    }
    out.setSymbolStatus(status.toString());
    if (m.producer() != null) {
      out.setVersion(m.producer());
    }
    return out;
  }

  /** "producer, layout", either part alone when the other is unknown, or null. */
  private String dumpDescription() {
    if (crash == null) {
      return null;
    }
    String producer = blankToNull(crash.producer());
    String layout = blankToNull(crash.layout());
    if (producer == null) {
      return layout;
    }
    return layout == null ? producer : producer + ", " + layout;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
