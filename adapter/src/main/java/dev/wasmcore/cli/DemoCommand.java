package dev.wasmcore.cli;

import dev.wasmcore.inspect.CrashInfo;
import dev.wasmcore.inspect.DebugSession;
import dev.wasmcore.inspect.DebugThread;
import dev.wasmcore.inspect.FrameKind;
import dev.wasmcore.inspect.FrameView;
import dev.wasmcore.inspect.ScopeView;
import dev.wasmcore.inspect.SessionException;
import dev.wasmcore.inspect.SessionOptions;
import dev.wasmcore.inspect.Sessions;
import dev.wasmcore.inspect.SourceLocation;
import dev.wasmcore.inspect.VariableView;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code wasmcore demo}: opens the sample dump embedded in the jar (the project's C sample, built by
 * {@code src/build.sh}) and prints its post-mortem: the trap, the backtrace with source lines, and the locals of the
 * top frames of user code.
 */
public final class DemoCommand implements Command {
  /** Jar resources: the sample's module, dump and source, under {@code /demo/}. */
  static final String MODULE = "/demo/out/c_dw5_O0.wasm";
  static final String CORE = "/demo/out/c_dw5_O0.core";
  static final String SOURCE = "/demo/c/inventory.c";
  private static final int FRAMES_WITH_LOCALS = 3;

  @Override
  public String name() {
    return "demo";
  }

  @Override
  public String summary() {
    return "open the embedded sample core dump and print its post-mortem";
  }

  @Override
  public String usage() {
    return "usage: wasmcore demo\n  Opens the sample dump shipped in the jar (a C program that crashed reading out of"
        + " bounds)\n  and prints the trap, the backtrace with source lines and the top frames' variables.\n";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) {
    if (!args.isEmpty()) {
      throw new UsageException("demo takes no arguments");
    }
    Path dir;
    try {
      dir = Files.createTempDirectory("wasmcore-demo");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      Path module = extract(MODULE, dir.resolve("c_dw5_O0.wasm"));
      Path core = extract(CORE, dir.resolve("c_dw5_O0.core"));
      Path src = dir.resolve("src");
      extract(SOURCE, src.resolve("c/inventory.c"));
      SessionOptions o = new SessionOptions(core, List.of(module), List.of(),
          Map.of("/wasmcore/src", src.toString()), List.of(), null);
      try (DebugSession s = Sessions.open(o, null)) {
        print(s, out);
      }
      return OK;
    } catch (SessionException e) {
      err.println("wasmcore: " + e.getMessage());
      return FAILURE;
    } finally {
      delete(dir);
    }
  }

  private static Path extract(String resource, Path to) {
    try (InputStream in = DemoCommand.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new SessionException("the jar lacks the demo resource " + resource + " (rebuild with mvn package)");
      }
      Files.createDirectories(to.getParent());
      Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
      return to;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary folder left behind is harmless
    }
  }

  static void print(DebugSession s, PrintStream out) {
    CrashInfo c = s.crash();
    out.println("wasmcore demo: " + s.coreFile().getFileName() + " (written by " + c.producer() + ")");
    out.println();
    out.println(c.summary());
    out.println();
    int withLocals = 0;
    for (DebugThread t : s.threads()) {
      out.println("Backtrace of thread " + t.id() + " \"" + t.name() + "\":");
      for (FrameView f : t.frames()) {
        out.println("  " + BacktraceLocals.frameLine(f));
        String line = sourceLine(f.location());
        if (line != null) {
          out.println("        " + f.location().line() + " | " + line.strip());
        }
        if (f.kind() == FrameKind.USER && withLocals < FRAMES_WITH_LOCALS) {
          withLocals++;
          for (ScopeView sc : f.scopes()) {
            if (sc.kind() != ScopeView.ScopeKind.ARGUMENTS && sc.kind() != ScopeView.ScopeKind.LOCALS) {
              continue;
            }
            for (VariableView v : sc.variables()) {
              out.println("          " + v.type() + " " + v.name() + " = " + v.value(false));
            }
          }
        }
      }
    }
    out.println();
    out.println("Try: wasmcore eval CORE --module WASM --frame 0 'item->name'   or   wasmcore dap (for an editor)");
  }

  private static String sourceLine(SourceLocation loc) {
    if (loc == null || loc.localPath() == null) {
      return null;
    }
    try {
      List<String> lines = Files.readAllLines(loc.localPath(), StandardCharsets.UTF_8);
      return loc.line() >= 1 && loc.line() <= lines.size() ? lines.get(loc.line() - 1) : null;
    } catch (IOException e) {
      return null;
    }
  }
}
