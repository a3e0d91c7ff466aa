package dev.wasmcore.inspect.session;

import dev.wasmcore.inspect.ConsoleResult;
import dev.wasmcore.inspect.DebugThread;
import dev.wasmcore.inspect.FrameView;
import dev.wasmcore.inspect.Instruction;
import dev.wasmcore.inspect.MemoryRead;
import dev.wasmcore.inspect.ScopeView;
import dev.wasmcore.inspect.SessionException;
import dev.wasmcore.inspect.SourceLocation;
import dev.wasmcore.inspect.VariableView;
import dev.wasmcore.inspect.expr.Command;
import dev.wasmcore.inspect.expr.ConsoleParser;
import dev.wasmcore.inspect.expr.ExamineState;
import dev.wasmcore.inspect.expr.ExprSyntaxException;
import dev.wasmcore.inspect.types.TypeInfo;
import dev.wasmcore.inspect.value.Strings;
import dev.wasmcore.inspect.value.Value;
import dev.wasmcore.inspect.value.ValueNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

/**
 * The gdb-like console: {@code bt}, {@code frame N}, {@code up}/{@code down}, {@code info locals|args|frame|registers},
 * {@code p[/F] EXPR}, {@code ptype}/{@code whatis}, {@code x/NFU ADDR}, {@code list}, {@code help}, and bare
 * expressions. Output is plain text for a debug console.
 */
final class Console {
  private static final int LIST_LINES = 10;
  private final CoreSession session;
  private final FrameImpl frame;

  Console(CoreSession session, FrameImpl frame) {
    this.session = session;
    this.frame = frame;
  }

  ConsoleResult run(String line) {
    if (frame == null) {
      throw new SessionException("the dump has no frames");
    }
    ExpressionEvaluator ev = new ExpressionEvaluator(session, frame);
    Command cmd;
    try {
      cmd = new ConsoleParser(ev.parser()).parse(line);
    } catch (ExprSyntaxException e) {
      throw new SessionException(e.getMessage());
    }
    if (cmd instanceof Command.Empty) {
      return text("");
    }
    if (cmd instanceof Command.Help) {
      return text(ConsoleParser.HELP);
    }
    if (cmd instanceof Command.Backtrace b) {
      return text(backtrace(b));
    }
    if (cmd instanceof Command.Frame f) {
      FrameView sel = f.index().isPresent() ? frameAt(f.index().getAsInt()) : frame;
      return new ConsoleResult(describeFrame(sel), null, sel);
    }
    if (cmd instanceof Command.Up u) {
      FrameView sel = frameAt(Math.min(thread().frames().size() - 1, frame.index() + u.count()));
      return new ConsoleResult(describeFrame(sel), null, sel);
    }
    if (cmd instanceof Command.Down d) {
      FrameView sel = frameAt(Math.max(0, frame.index() - d.count()));
      return new ConsoleResult(describeFrame(sel), null, sel);
    }
    if (cmd instanceof Command.Info i) {
      return text(info(i.topic()));
    }
    if (cmd instanceof Command.Print p) {
      VariableView v = ev.evaluate(p.expression(), p.text());
      char f = p.format().orElse('x');
      boolean hex = p.format().isPresent() && f == 'x';
      String formatted = p.format().isPresent() && !hex && v instanceof ValueNode vn
          ? formatScalar(vn.valueObject(), f) : null;
      return new ConsoleResult(formatted != null ? formatted : v.value(hex), v, null);
    }
    if (cmd instanceof Command.Evaluate e) {
      VariableView v = ev.evaluate(e.expression(), e.text());
      return new ConsoleResult(v.value(false), v, null);
    }
    if (cmd instanceof Command.PrintType pt) {
      TypeInfo t = pt.type().isPresent() ? ev.resolveType(pt.type().get())
          : ev.value(pt.expression().get(), pt.text()).type();
      return text(pt.whatis() ? "type = " + t.displayName() : "type = " + ptype(t));
    }
    if (cmd instanceof Command.Examine x) {
      return text(examine(x, ev));
    }
    if (cmd instanceof Command.ListSource l) {
      return text(list(l));
    }
    throw new SessionException("unsupported command: " + line);
  }

  private static ConsoleResult text(String s) {
    return new ConsoleResult(s, null, null);
  }

  private DebugThread thread() {
    return session.thread(frame.threadId());
  }

  private FrameView frameAt(int index) {
    List<FrameView> fs = thread().frames();
    if (index < 0 || index >= fs.size()) {
      throw new SessionException("no frame " + index + " (frames 0 to " + (fs.size() - 1) + ")");
    }
    return fs.get(index);
  }

  static String frameLine(FrameView f) {
    StringBuilder sb = new StringBuilder("#").append(f.index()).append("  ").append(f.function());
    if (f.location() != null) {
      sb.append(" at ").append(f.location().displayPath()).append(':').append(f.location().line());
      if (f.location().column() > 0) {
        sb.append(':').append(f.location().column());
      }
    } else {
      sb.append(" (func[").append(f.funcIndex()).append("]+0x").append(Long.toHexString(f.codeOffset()))
          .append(')');
    }
    if (f.inlined()) {
      sb.append(" [inlined]");
    }
    return sb.toString();
  }

  private String backtrace(Command.Backtrace b) {
    List<FrameView> fs = thread().frames();
    int from = 0;
    int to = fs.size();
    if (b.limit().isPresent()) {
      int n = b.limit().getAsInt();
      if (n >= 0) {
        to = Math.min(fs.size(), n);
      } else {
        from = Math.max(0, fs.size() + n);
      }
    }
    StringBuilder sb = new StringBuilder();
    for (int i = from; i < to; i++) {
      FrameView f = fs.get(i);
      sb.append(f.id() == frame.id() ? "* " : "  ").append(frameLine(f)).append('\n');
      if (b.full()) {
        for (ScopeView s : f.scopes()) {
          if (s.kind() == ScopeView.ScopeKind.ARGUMENTS || s.kind() == ScopeView.ScopeKind.LOCALS) {
            for (VariableView v : s.variables()) {
              sb.append("        ").append(v.name()).append(" = ").append(v.value(false)).append('\n');
            }
          }
        }
      }
    }
    return sb.toString().stripTrailing();
  }

  private String describeFrame(FrameView f) {
    String s = frameLine(f);
    String src = sourceLine(f.location());
    return src == null ? s : s + "\n" + src;
  }

  private static String sourceLine(SourceLocation loc) {
    if (loc == null || loc.localPath() == null) {
      return null;
    }
    try {
      List<String> lines = Files.readAllLines(loc.localPath(), StandardCharsets.UTF_8);
      if (loc.line() >= 1 && loc.line() <= lines.size()) {
        return loc.line() + "\t" + lines.get(loc.line() - 1);
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
    return null;
  }

  private String info(Command.InfoTopic topic) {
    StringBuilder sb = new StringBuilder();
    switch (topic) {
      case LOCALS, ARGS -> {
        ScopeView.ScopeKind want = topic == Command.InfoTopic.ARGS ? ScopeView.ScopeKind.ARGUMENTS
            : ScopeView.ScopeKind.LOCALS;
        for (ScopeView s : frame.scopes()) {
          if (s.kind() == want) {
            for (VariableView v : s.variables()) {
              sb.append(v.name()).append(" = ").append(v.value(false));
              if (v.reconstructed()) {
                sb.append("  (reconstructed)");
              }
              sb.append('\n');
            }
          }
        }
        if (sb.length() == 0) {
          sb.append(topic == Command.InfoTopic.ARGS ? "No arguments." : "No locals.");
        }
      }
      case FRAME -> {
        PhysicalFrame pf = frame.physical;
        sb.append("Stack level ").append(frame.index()).append(", physical frame ").append(pf.frame.index())
            .append(":\n");
        sb.append("  function ").append(frame.function()).append(" (func[").append(pf.frame.funcIndex())
            .append("] in ").append(pf.module.name).append(", instance ").append(pf.frame.instanceIndex())
            .append(")\n");
        sb.append("  code offset 0x").append(Long.toHexString(pf.frame.codeOffset().value()))
            .append(", DWARF address 0x").append(Long.toHexString(pf.dwarfAddress)).append('\n');
        if (frame.location() != null) {
          sb.append("  source ").append(frame.location().displayPath()).append(':').append(frame.location().line())
              .append('\n');
        }
        sb.append("  kind ").append(frame.kind().name().toLowerCase(java.util.Locale.ROOT)).append('\n');
        if (frame.inlined()) {
          sb.append("  inlined into the next frame\n");
        }
        try {
          long fb = pf.frameBase();
          boolean rebuilt = !pf.dumpHasLocals() && pf.rebuilt() != null && !pf.rebuilt().locals().isEmpty();
          sb.append("  frame base 0x").append(Long.toHexString(fb)).append(rebuilt ? " (reconstructed)" : "")
              .append('\n');
        } catch (RuntimeException e) {
          sb.append("  frame base unavailable: ").append(e.getMessage()).append('\n');
        }
        sb.append("  locals recorded: ").append(pf.frame.locals().size()).append(", operand stack: ")
            .append(pf.frame.stack().size());
      }
      default -> {
        for (ScopeView s : frame.scopes()) {
          if (s.kind() == ScopeView.ScopeKind.WASM) {
            for (VariableView v : s.variables()) {
              sb.append(v.name()).append(" = ").append(v.value(false)).append(v.reconstructed()
                  ? "  (reconstructed)" : "").append('\n');
            }
          }
        }
      }
    }
    return sb.toString().stripTrailing();
  }

  static String ptype(TypeInfo t) {
    TypeInfo st = t.strip();
    if (!st.isAggregate() && st.kind() != TypeInfo.Kind.ENUM) {
      return t.displayName();
    }
    StringBuilder sb = new StringBuilder();
    String kw = switch (st.kind()) {
      case STRUCT -> "struct";
      case CLASS -> "class";
      case UNION -> "union";
      default -> "enum";
    };
    sb.append(kw).append(' ').append(st.name() == null ? "<anonymous>" : st.name()).append(" {\n");
    if (st.kind() == TypeInfo.Kind.ENUM) {
      for (TypeInfo.Enumerator e : st.enumerators()) {
        sb.append("    ").append(e.name()).append(" = ").append(e.value()).append(",\n");
      }
    } else {
      for (TypeInfo.Member m : st.members()) {
        sb.append("    ");
        if (m.inheritance()) {
          sb.append("(base) ");
        }
        sb.append(m.name() != null ? m.typeInfo().declare(m.name()) : m.typeInfo().displayName());
        if (m.bitSize() > 0) {
          sb.append(" : ").append(m.bitSize());
        }
        sb.append(";  // offset ").append(m.offset()).append('\n');
      }
      if (st.variantPart() != null) {
        for (TypeInfo.Variant v : st.variantPart().variants()) {
          sb.append("    variant ").append(v.member().name()).append(": ").append(v.member().typeInfo()
              .displayName()).append(v.isDefault() ? " (default)" : "").append('\n');
        }
      }
    }
    return sb.append('}').toString();
  }

  private String examine(Command.Examine x, ExpressionEvaluator ev) {
    ExamineState.Resolved r = session.examineState().resolve(x);
    long addr;
    if (x.address().isPresent()) {
      Value v = ev.value(x.address().get(), "");
      TypeInfo st = v.type().strip();
      addr = st.kind() == TypeInfo.Kind.ARRAY && v.address() >= 0 ? v.address() : v.asLong() & 0xFFFFFFFFL;
    } else if (session.examineState().nextAddress() >= 0) {
      addr = session.examineState().nextAddress();
    } else {
      throw new SessionException("x needs an address the first time");
    }
    int count = Math.max(1, Math.min(r.count(), 4096));
    StringBuilder sb = new StringBuilder();
    long end = addr;
    switch (r.format()) {
      case 'i' -> {
        List<Instruction> ins = session.disassemble(CoreSession.instructionReference(frame.moduleIndex(),
            addr), 0, 0, count, true);
        for (Instruction i : ins) {
          sb.append(i.address()).append(":  ").append(i.text()).append('\n');
        }
        end = addr;
      }
      case 's' -> {
        for (int i = 0; i < count; i++) {
          MemoryRead m = session.readMemory("0x" + Long.toHexString(end), 0,
              Math.min(session.limits().maxStringLength(), 4096));
          int n = 0;
          while (n < m.data().length && m.data()[n] != 0) {
            n++;
          }
          sb.append("0x").append(Long.toHexString(end)).append(":  ").append(m.data().length == 0
              ? "<unreadable memory>" : Strings.quote(new String(m.data(), 0, n, StandardCharsets.UTF_8)))
              .append('\n');
          end += n + 1;
          if (m.data().length == 0) {
            break;
          }
        }
      }
      default -> {
        int unit = r.unitBytes();
        int perLine = Math.max(1, 16 / unit);
        MemoryRead m = session.readMemory("0x" + Long.toHexString(addr), 0, count * unit);
        for (int i = 0; i < count; i++) {
          if (i % perLine == 0) {
            sb.append(i == 0 ? "" : "\n").append("0x").append(Long.toHexString(addr + (long) i * unit)).append(':');
          }
          int at = i * unit;
          if (at + unit > m.data().length) {
            long limit = session.limits().maxBytesPerRequest();
            if (at + unit > limit && m.data().length >= Math.min(limit, (long) count * unit)) {
              // The read was cut by the per-request limit, not by the memory: say so rather than "unreadable".
              sb.append("\t<stopped at the read limit of ").append(limit).append(" bytes (--max-bytes)>");
              break;
            }
            sb.append("\t<unreadable memory at 0x").append(Long.toHexString(addr + at)).append('>');
            break;
          }
          long v = 0;
          for (int k = unit - 1; k >= 0; k--) {
            v = (v << 8) | (m.data()[at + k] & 0xFF);
          }
          sb.append('\t').append(formatUnit(v, unit, r.format()));
        }
        end = addr + (long) count * unit;
      }
    }
    session.setExamineState(r.next().after(end));
    return sb.toString().stripTrailing();
  }

  /**
   * A scalar (integer, bool, char, enum, pointer) printed in gdb's {@code /d /u /o /t /c} formats, or null when the
   * value is not such a scalar (aggregates, floats, missing values) and keeps its natural form.
   */
  static String formatScalar(Value v, char format) {
    if (v.isMissing()) {
      return null;
    }
    TypeInfo st = v.type().strip();
    boolean integral = st.kind() == TypeInfo.Kind.BASE && st.encoding() != TypeInfo.ATE_FLOAT;
    if (!integral && st.kind() != TypeInfo.Kind.ENUM && !st.isPointerLike()) {
      return null;
    }
    long size = st.size();
    if (size <= 0) {
      size = st.isPointerLike() ? v.env().pointerSize() : st.kind() == TypeInfo.Kind.ENUM ? 4 : 0;
    }
    if (size <= 0 || size > 8) {
      return null;
    }
    try {
      return formatUnit(v.asLong(), (int) size, format);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String formatUnit(long v, int unit, char format) {
    long mask = unit >= 8 ? -1L : (1L << (unit * 8)) - 1;
    long u = v & mask;
    long s = unit >= 8 ? v : (u << (64 - unit * 8)) >> (64 - unit * 8);
    return switch (format) {
      case 'd' -> Long.toString(s);
      case 'u' -> Long.toUnsignedString(u);
      case 'o' -> "0" + Long.toOctalString(u);
      case 't' -> Long.toBinaryString(u);
      case 'c' -> s + " " + Strings.charLiteral(u & 0xFF);
      default -> String.format("0x%0" + (unit * 2) + "x", u);
    };
  }

  private String list(Command.ListSource l) {
    SourceLocation loc = frame.location();
    java.nio.file.Path file = loc == null ? null : loc.localPath();
    int center = loc == null ? 0 : loc.line();
    if (l.target() instanceof Command.Line ln) {
      center = ln.line();
    } else if (l.target() instanceof Command.FileLine fl) {
      center = fl.line();
      file = null;
      for (var s : session.loadedSources()) {
        if (s.localPath() != null && (s.localPath().endsWith("/" + fl.file()) || s.localPath().equals(fl.file()))) {
          file = java.nio.file.Path.of(s.localPath());
          break;
        }
      }
    } else if (l.target() instanceof Command.Continue) {
      int last = session.lastListed(frame.id());
      if (last > 0) {
        center = last + LIST_LINES / 2 + 1;
      }
    } else if (l.target() instanceof Command.Back) {
      int last = session.lastListed(frame.id());
      if (last > 0) {
        center = Math.max(1, last - LIST_LINES - LIST_LINES / 2 + 1);
      }
    }
    if (file == null) {
      return loc == null ? "No source line information for this frame."
          : "Source file " + loc.compiledPath() + " is not on this machine (map its folder with sourceMap).";
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return "Cannot read " + file + ": " + e.getMessage();
    }
    int from = Math.max(1, center - LIST_LINES / 2);
    int to = Math.min(lines.size(), from + LIST_LINES - 1);
    StringBuilder sb = new StringBuilder();
    for (int i = from; i <= to; i++) {
      sb.append(loc != null && i == loc.line() && file.equals(loc.localPath()) ? "=> " : "   ").append(i).append('\t')
          .append(lines.get(i - 1)).append('\n');
    }
    session.setLastListed(frame.id(), to);
    return sb.length() == 0 ? "Line " + center + " is past the end of " + file : sb.toString().stripTrailing();
  }

  /** For CLI and tests: the value view of a console print. */
  static VariableView node(String name, Value v) {
    return new ValueNode(name, v, name);
  }
}
