package dev.wasmcore.cli.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A {@code wasmcore dap --port 0} child process: started, its ready line {@code DAP server listening at: HOST:PORT}
 * read from stdout, then one TCP connection per session. Stopped with SIGTERM (the server has no shutdown request).
 */
public final class ServerProcess implements AutoCloseable {
  private final Process process;
  private final String host;
  private final int port;

  private ServerProcess(Process process, String host, int port) {
    this.process = process;
    this.host = host;
    this.port = port;
  }

  /** Starts the server and waits for its ready line. */
  public static ServerProcess start(List<String> command, Map<String, String> env) {
    Process p;
    try {
      ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
      pb.environment().putAll(env);
      p = pb.start();
      BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String prefix = "DAP server listening at: ";
      String line;
      while ((line = r.readLine()) != null) {
        int at = line.indexOf(prefix);
        if (at >= 0) {
          String hp = line.substring(at + prefix.length()).trim();
          int colon = hp.lastIndexOf(':');
          return new ServerProcess(p, hp.substring(0, colon), Integer.parseInt(hp.substring(colon + 1)));
        }
      }
      p.destroyForcibly();
      throw new IllegalStateException("the DAP server ended without its ready line: " + command);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command, e);
    }
  }

  public long pid() {
    return process.pid();
  }

  /** A new session: a connection to the server with a DAP client on it. */
  public Connection connect(String name) {
    try {
      Socket s = new Socket();
      s.setTcpNoDelay(true);
      s.connect(new InetSocketAddress(host, port), 10_000);
      return new Connection(s, new DapClient(s.getInputStream(), s.getOutputStream(), name));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot connect to " + host + ":" + port, e);
    }
  }

  /** A session's socket and client; closing ends the session. */
  public record Connection(Socket socket, DapClient client) implements AutoCloseable {
    @Override
    public void close() {
      client.close();
      try {
        socket.close();
      } catch (IOException ignored) {
        // the server may have closed first
      }
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
