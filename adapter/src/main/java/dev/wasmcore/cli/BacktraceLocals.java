package dev.wasmcore.cli;

import dev.wasmcore.inspect.DebugSession;
import dev.wasmcore.inspect.DebugThread;
import dev.wasmcore.inspect.FrameView;
import dev.wasmcore.inspect.ScopeView;
import dev.wasmcore.inspect.SessionException;
import dev.wasmcore.inspect.SessionOptions;
import dev.wasmcore.inspect.Sessions;
import dev.wasmcore.inspect.VariableView;
import java.io.PrintStream;

/** {@code wasmcore bt --locals}: each source frame followed by its parameters and locals, as the session shows them. */
final class BacktraceLocals {
  private BacktraceLocals() {}

  static int print(SessionOptions options, PrintStream out, PrintStream err) {
    try (DebugSession s = Sessions.open(options, null)) {
      print(s, out);
      return Command.OK;
    } catch (SessionException e) {
      err.println("wasmcore: " + e.getMessage());
      return Command.FAILURE;
    }
  }

  static void print(DebugSession s, PrintStream out) {
    for (DebugThread t : s.threads()) {
      out.println("thread " + t.id() + " \"" + t.name() + "\" (" + t.frames().size() + " frames)");
      for (FrameView f : t.frames()) {
        out.println("  " + frameLine(f));
        for (ScopeView sc : f.scopes()) {
          if (sc.kind() != ScopeView.ScopeKind.ARGUMENTS && sc.kind() != ScopeView.ScopeKind.LOCALS) {
            continue;
          }
          for (VariableView v : sc.variables()) {
            out.println("        " + (sc.kind() == ScopeView.ScopeKind.ARGUMENTS ? "arg " : "    ") + v.type()
                + " " + v.name() + " = " + v.value(false) + (v.reconstructed() ? "  (reconstructed)" : ""));
          }
        }
      }
    }
  }

  static String frameLine(FrameView f) {
    StringBuilder sb = new StringBuilder("#").append(f.index()).append(' ');
    sb.append(f.inlined() ? "[inlined] " : "").append(f.function());
    if (f.location() != null) {
      sb.append("  at ").append(f.location().displayPath()).append(':').append(f.location().line());
      if (f.location().column() > 0) {
        sb.append(':').append(f.location().column());
      }
    } else {
      sb.append("  (func ").append(f.funcIndex()).append(" +0x").append(Long.toHexString(f.codeOffset()))
          .append(", no source)");
    }
    return sb.toString();
  }
}
