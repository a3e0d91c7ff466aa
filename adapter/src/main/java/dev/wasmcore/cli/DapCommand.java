package dev.wasmcore.cli;

import dev.wasmcore.dap.ServerConfig;
import dev.wasmcore.dap.StdioServer;
import dev.wasmcore.dap.TcpServer;
import dev.wasmcore.dap.session.FileAccessPolicy;
import dev.wasmcore.dap.session.SessionOpener;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code wasmcore dap}: the Debug Adapter Protocol server. Without options it serves one session on stdin/stdout;
 * with {@code --port N} it serves many sessions over TCP on {@code --host} (default 127.0.0.1).
 */
public final class DapCommand implements Command {
  @Override
  public String name() {
    return "dap";
  }

  @Override
  public String summary() {
    return "Debug Adapter Protocol server (stdio, or TCP with --port)";
  }

  @Override
  public String usage() {
    return """
        usage: wasmcore dap                                   one session on stdin/stdout
               wasmcore dap --port N [--host H] [--allow-dir DIR]...
                                                              sessions over TCP (N = 0 picks a free port)
          --host H        address to bind (default 127.0.0.1); a non-loopback address needs --allow-dir
          --allow-dir DIR clients may only open dumps, modules and debug info inside DIR (repeatable)
        In TCP mode the line 'DAP server listening at: HOST:PORT' is printed when the server accepts.
        """;
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) {
    Args a = Args.parse(args, Set.of("--port", "--host", "--allow-dir"), Set.of());
    if (!a.positional().isEmpty()) {
      throw new UsageException("unexpected argument " + a.positional().get(0));
    }
    List<Path> allow = new ArrayList<>();
    for (String d : a.values("--allow-dir")) {
      allow.add(Path.of(d));
    }
    FileAccessPolicy policy;
    try {
      policy = allow.isEmpty() ? FileAccessPolicy.unrestricted() : FileAccessPolicy.within(allow);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    ServerConfig config = ServerConfig.of(SessionOpener.MODEL, policy);
    if (a.value("--port").isEmpty()) {
      if (a.value("--host").isPresent()) {
        throw new UsageException("--host needs --port");
      }
      return stdio(out, err, config);
    }
    return tcp(a, out, err, config, policy);
  }

  /** Stdio: stdout is the DAP channel, so System.out goes to stderr before anything else runs. */
  private static int stdio(PrintStream out, PrintStream err, ServerConfig config) {
    OutputStream channel = out == System.out ? new FileOutputStream(FileDescriptor.out) : out;
    System.setOut(err);
    try {
      StdioServer.serve(new FileInputStream(FileDescriptor.in), channel, config, err::println);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return OK;
  }

  private static int tcp(Args a, PrintStream out, PrintStream err, ServerConfig config, FileAccessPolicy policy) {
    int port;
    try {
      port = Integer.parseInt(a.value("--port").get());
    } catch (NumberFormatException e) {
      throw new UsageException("--port needs a number");
    }
    if (port < 0 || port > 65535) {
      throw new UsageException("--port must be 0..65535");
    }
    String host = a.value("--host").orElse("127.0.0.1");
    try {
      if (!TcpServer.isLoopback(host)) {
        if (!policy.restricted()) {
          throw new UsageException("--host " + host + " accepts clients from the network: give --allow-dir DIR to "
              + "restrict which files they may open");
        }
        err.println("wasmcore dap: warning: listening on " + host
            + ", which other machines can reach; clients may open files under " + policy.allowedDirectories());
      }
      TcpServer server = TcpServer.bind(host, port, config, err::println);
      out.println("DAP server listening at: " + server.address());
      out.flush();
      server.serve();
      return OK;
    } catch (IOException e) {
      err.println("wasmcore dap: cannot listen on " + host + ":" + port + ": " + e.getMessage());
      return FAILURE;
    }
  }
}
