package dev.wasmcore.dap.formatter;

import dev.wasmcore.dap.session.ClientConventions;
import dev.wasmcore.inspect.Instruction;
import org.eclipse.lsp4j.debug.DisassembledInstruction;
import org.eclipse.lsp4j.debug.DisassembledInstructionPresentationHint;

/** DAP disassembled instructions: wasm text, bytes, the function name at its first instruction, source lines. */
public final class InstructionFormatter {
  private final ClientConventions conventions;
  private final SourceFormatter sources;

  public InstructionFormatter(ClientConventions conventions, SourceFormatter sources) {
    this.conventions = conventions;
    this.sources = sources;
  }

  public DisassembledInstruction instruction(Instruction i) {
    DisassembledInstruction out = new DisassembledInstruction();
    out.setAddress(i.address());
    out.setInstructionBytes(i.bytes());
    out.setInstruction(i.text() == null ? "??" : i.text());
    out.setSymbol(i.symbol());
    if (i.invalid()) {
      out.setPresentationHint(DisassembledInstructionPresentationHint.INVALID);
    } else if (i.location() != null) {
      out.setLocation(sources.source(i.location()));
      int line = conventions.toClientLine(i.location().line());
      if (line > 0) {
        out.setLine(line);
      }
      int column = conventions.toClientColumn(i.location().column());
      if (column > 0) {
        out.setColumn(column);
      }
    }
    return out;
  }
}
