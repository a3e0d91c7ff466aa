package dev.wasmcore.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import dev.wasmcore.inspect.DebugSession;
import dev.wasmcore.inspect.FrameView;
import dev.wasmcore.inspect.SessionException;
import dev.wasmcore.inspect.Sessions;
import dev.wasmcore.inspect.VariableView;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code wasmcore eval CORE --module WASM --frame N EXPR [--json]}: evaluates an expression in source frame N (as
 * {@code bt} numbers them, inlined levels included, 0 the youngest) and prints its value; {@code --json} prints
 * {@code {"type", "value", "children": [...]}} one level deep.
 */
public final class EvalCommand implements Command {
  @Override
  public String name() {
    return "eval";
  }

  @Override
  public String summary() {
    return "evaluate an expression in a frame of a core dump";
  }

  @Override
  public String usage() {
    return "usage: wasmcore eval CORE [--module WASM]... --frame N EXPR [--json] [--hex] [--source-map FROM=TO]..."
        + " [--debug-dir DIR]... [--source-path DIR]... [--thread ID] [--max-string N] [--max-array N] [--max-bytes N]"
        + " [--max-depth N] [--max-die-nesting N]\n"
        + "  --frame N      the frame as bt numbers it (inlined levels included, 0 the youngest); default 0\n"
        + "  EXPR           C-like expression: acc->name, a[3], *p, (struct Account *)0x11468, rec.shape.Rect.__0,\n"
        + "                 $local3, $__stack_pointer; or a console command (p, ptype, x/8xw ADDR, info locals, bt)\n"
        + "  --json         print {\"type\", \"value\", \"children\": [...]} one level deep\n"
        + "  --hex          integers in hexadecimal\n"
        + "resource limits (also the DAP launch argument \"limits\"):\n" + SessionArgs.limitsUsage();
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) {
    Set<String> values = new HashSet<>(SessionArgs.VALUE_OPTIONS);
    values.add("--frame");
    values.add("--thread");
    Args a = Args.parse(args, values, Set.of("--json", "--hex"));
    if (a.positional().size() < 2) {
      throw new UsageException(a.positional().isEmpty() ? "missing CORE" : "missing EXPR");
    }
    String core = a.positional().get(0);
    String expr = String.join(" ", a.positional().subList(1, a.positional().size()));
    int frameIndex = intOption(a, "--frame", 0);
    int threadId = intOption(a, "--thread", 1);
    try (DebugSession s = Sessions.open(SessionArgs.options(a, core), null)) {
      List<FrameView> frames = s.thread(threadId).frames();
      if (frameIndex < 0 || frameIndex >= frames.size()) {
        err.println("wasmcore: no frame " + frameIndex + " (the thread has frames 0 to " + (frames.size() - 1) + ")");
        return FAILURE;
      }
      FrameView f = frames.get(frameIndex);
      boolean hex = a.flag("--hex");
      VariableView v;
      if (looksLikeCommand(expr)) {
        var r = s.console(f, expr);
        if (r.value() == null || !a.flag("--json")) {
          // The console's text honours the command's own format (p/x); --hex applies on top of it.
          out.println(r.value() != null && hex ? r.value().value(true) : r.text());
          return OK;
        }
        v = r.value();
      } else {
        v = s.evaluate(f, expr);
      }
      if (a.flag("--json")) {
        out.println(json(v, hex, s.crash() == null ? 100 : 100));
      } else {
        out.println(v.value(hex));
      }
      return OK;
    } catch (SessionException e) {
      err.println("wasmcore: " + e.getMessage());
      return FAILURE;
    }
  }

  private static boolean looksLikeCommand(String expr) {
    String w = expr.strip().split("[\\s/]", 2)[0];
    return Set.of("p", "print", "ptype", "whatis", "x", "info", "bt", "backtrace", "list", "frame", "help")
        .contains(w);
  }

  private static int intOption(Args a, String name, int dflt) {
    String v = a.value(name).orElse(null);
    if (v == null) {
      return dflt;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new UsageException(name + " needs a number, got '" + v + "'");
    }
  }

  /** {"type", "value", "children": [{"name", "type", "value"}, ...]} (named children, then indexed ones). */
  static String json(VariableView v, boolean hex, int maxIndexed) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("name", v.name());
    o.put("type", v.type());
    o.put("value", v.value(hex));
    o.put("state", v.state().name());
    if (v.memoryReference() != null) {
      o.put("memoryReference", v.memoryReference());
    }
    List<Map<String, Object>> children = new ArrayList<>();
    for (VariableView c : v.namedChildren()) {
      children.add(child(c, hex));
    }
    for (VariableView c : v.indexedChildren(0, Math.min(v.indexedCount(), maxIndexed))) {
      children.add(child(c, hex));
    }
    o.put("children", children);
    if (v.indexedCount() > maxIndexed) {
      o.put("indexedCount", v.indexedCount());
    }
    Gson gson = new GsonBuilder().disableHtmlEscaping().setPrettyPrinting().create();
    return gson.toJson(o);
  }

  private static Map<String, Object> child(VariableView c, boolean hex) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", c.name());
    m.put("type", c.type());
    m.put("value", c.value(hex));
    if (c.evaluateName() != null) {
      m.put("evaluateName", c.evaluateName());
    }
    return m;
  }
}
