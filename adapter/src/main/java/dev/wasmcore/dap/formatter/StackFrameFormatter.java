package dev.wasmcore.dap.formatter;

import dev.wasmcore.dap.session.ClientConventions;
import dev.wasmcore.inspect.FrameKind;
import dev.wasmcore.inspect.FrameView;
import dev.wasmcore.inspect.SourceLocation;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StackFramePresentationHint;

/**
 * DAP stack frames. One DAP frame per source frame (inlined levels included). Every frame has its
 * {@code instructionPointerReference} and {@code moduleId}; library frames (std, libc, libc++, compiler runtime)
 * are {@code subtle}; a frame without line information has no {@code source}, so editors show the disassembly,
 * and its name says where it is in the module ({@code func[8]+0x7f}).
 */
public final class StackFrameFormatter {
  private final ClientConventions conventions;
  private final SourceFormatter sources;

  public StackFrameFormatter(ClientConventions conventions, SourceFormatter sources) {
    this.conventions = conventions;
    this.sources = sources;
  }

  public StackFrame frame(FrameView f) {
    StackFrame s = new StackFrame();
    s.setId(f.id());
    SourceLocation location = f.location();
    if (location != null) {
      s.setName(f.function());
      s.setSource(sources.source(location));
      s.setLine(conventions.toClientLine(location.line()));
      s.setColumn(conventions.toClientColumn(location.column()));
    } else {
      s.setName(f.function() + " [" + f.module() + " func[" + f.funcIndex() + "]+0x" + Long.toHexString(
          f.codeOffset()) + "]");
      s.setLine(0);
      s.setColumn(0);
    }
    if (f.kind() == FrameKind.LIBRARY) {
      s.setPresentationHint(StackFramePresentationHint.SUBTLE);
    }
    s.setInstructionPointerReference(f.instructionPointerReference());
    s.setModuleId(f.moduleIndex());
    return s;
  }
}
