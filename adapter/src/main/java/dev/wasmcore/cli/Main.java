package dev.wasmcore.cli;

import dev.wasmcore.binary.MalformedInputException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Entry point of the wasmcore command line: {@code wasmcore COMMAND [ARGS]}, a small dispatcher over
 * {@link CommandRegistry}. Results go to stdout and nothing else does; errors are one line on stderr naming the file
 * and offset, with exit status 1 (2 for usage errors).
 */
public final class Main {
  private final CommandRegistry registry;

  public Main(CommandRegistry registry) {
    this.registry = registry;
  }

  public static void main(String[] args) {
    int status = new Main(CommandRegistry.builtin()).run(Arrays.asList(args), System.out, System.err);
    System.out.flush();
    if (status != 0) {
      System.err.flush();
      // halt rather than exit: nothing is registered to run at exit, and from Java 21 on Runtime.exit first asks for
      // a System.Logger to log the exit, which scans the class path for logging back ends: 20 ms of every failing
      // command on Java 25.
      Runtime.getRuntime().halt(status);
    }
  }

  /** Runs one command line; returns the exit status. */
  public int run(List<String> args, PrintStream out, PrintStream err) {
    if (args.isEmpty()) {
      err.print(overview());
      return Command.USAGE;
    }
    String first = args.get(0);
    if (first.equals("--help") || first.equals("-h")) {
      out.print(overview());
      return Command.OK;
    }
    if (first.equals("help")) {
      if (args.size() < 2) {
        out.print(overview());
        return Command.OK;
      }
      Optional<Command> c = registry.find(args.get(1));
      if (c.isEmpty()) {
        err.println("wasmcore: unknown command '" + args.get(1) + "'");
        return Command.USAGE;
      }
      out.print(c.get().usage());
      return Command.OK;
    }
    Optional<Command> command = registry.find(first);
    if (command.isEmpty()) {
      err.println("wasmcore: unknown command '" + first + "' (see wasmcore --help)");
      return Command.USAGE;
    }
    List<String> rest = args.subList(1, args.size());
    if (rest.contains("--help") || rest.contains("-h")) {
      out.print(command.get().usage());
      return Command.OK;
    }
    try {
      return command.get().run(rest, out, err);
    } catch (UsageException e) {
      err.println("wasmcore " + first + ": " + e.getMessage());
      err.print(command.get().usage());
      return Command.USAGE;
    } catch (MalformedInputException | UncheckedIOException e) {
      err.println("wasmcore: " + e.getMessage());
      return Command.FAILURE;
    } catch (RuntimeException e) {
      err.println("wasmcore: internal error: " + e);
      if (System.getenv("WASMCORE_DEBUG") != null) {
        e.printStackTrace(err);
      }
      return Command.FAILURE;
    }
  }

  private String overview() {
    StringBuilder b = new StringBuilder();
    b.append("wasmcore: post-mortem debugger for WebAssembly core dumps\n\n");
    b.append("usage: wasmcore COMMAND [ARGS]   (wasmcore help COMMAND for details)\n\ncommands:\n");
    for (Command c : registry.all()) {
      b.append(String.format("  %-8s %s%n", c.name(), c.summary()));
    }
    // Served by the launcher script, not by this jar: it runs the Node capture tool of src/capture.
    b.append(String.format("  %-8s %s%n", "capture",
        "run a wasm program under Node and write a core dump when it traps (adapter/wasmcore capture --help)"));
    return b.toString();
  }
}
