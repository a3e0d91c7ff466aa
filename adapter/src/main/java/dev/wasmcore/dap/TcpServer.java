package dev.wasmcore.dap;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * {@code wasmcore dap --port N}: many sessions over TCP, one {@link DapConnection} per accepted connection, each
 * isolated (its own threads, state and model session); a failure in one never touches another. A connection that
 * closes without a byte (IDEs probe ports) simply ends.
 *
 * <p>Ending a connection shuts down output (the client reads the end), then input (our reader returns), then closes
 * the socket so no descriptor leaks.
 */
public final class TcpServer implements Closeable {
  /** Connections served at once; more are accepted and closed at once. */
  public static final int MAX_CONNECTIONS = 256;

  private final ServerSocket socket;
  private final ServerConfig config;
  private final Consumer<String> log;
  private final Set<Socket> live = ConcurrentHashMap.newKeySet();
  private final AtomicInteger served = new AtomicInteger();
  private volatile boolean closed;

  private TcpServer(ServerSocket socket, ServerConfig config, Consumer<String> log) {
    this.socket = socket;
    this.config = config;
    this.log = log;
  }

  /** Binds {@code host:port} (port 0 picks a free one). */
  public static TcpServer bind(String host, int port, ServerConfig config, Consumer<String> log)
      throws IOException {
    ServerSocket s = new ServerSocket();
    s.setReuseAddress(true);
    s.bind(new InetSocketAddress(InetAddress.getByName(host), port), 128);
    return new TcpServer(s, config, log);
  }

  /** True when {@code host} is a loopback address: then clients can only come from this machine. */
  public static boolean isLoopback(String host) throws IOException {
    InetAddress a = InetAddress.getByName(host);
    return a.isLoopbackAddress();
  }

  /** The bound port. */
  public int port() {
    return socket.getLocalPort();
  }

  /** The ready line's address: {@code HOST:PORT}, IPv6 hosts in brackets. */
  public String address() {
    String host = socket.getInetAddress().getHostAddress();
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
  }

  /** Accepts connections until {@link #close()}. */
  public void serve() {
    while (!closed) {
      Socket client;
      try {
        client = socket.accept();
      } catch (IOException e) {
        if (closed) {
          return;
        }
        log.accept("accept failed: " + e.getMessage());
        sleepQuietly();
        continue;
      }
      start(client);
    }
  }

  private void start(Socket client) {
    if (live.size() >= MAX_CONNECTIONS) {
      log.accept("refused a connection: " + MAX_CONNECTIONS + " sessions are open");
      closeQuietly(client);
      return;
    }
    live.add(client);
    String label = "tcp-" + served.incrementAndGet();
    try {
      client.setTcpNoDelay(true);
      DapConnection connection = new DapConnection(client.getInputStream(), client.getOutputStream(), config, label,
          log);
      connection.run().whenComplete((v, e) -> finish(client));
    } catch (IOException | RuntimeException e) {
      log.accept("[" + label + "] could not start: " + e);
      finish(client);
    }
  }

  private void finish(Socket client) {
    try {
      if (!client.isClosed()) {
        client.shutdownOutput();
        client.shutdownInput();
      }
    } catch (IOException e) {
      // the peer is gone already
    } finally {
      closeQuietly(client);
      live.remove(client);
    }
  }

  /** Connections open now. */
  public int liveConnections() {
    return live.size();
  }

  /** Stops accepting and ends every connection. */
  @Override
  public void close() {
    closed = true;
    closeQuietly(socket);
    for (Socket s : live) {
      finish(s);
    }
  }

  private static void closeQuietly(Closeable c) {
    try {
      c.close();
    } catch (IOException e) {
      // nothing more to do
    }
  }

  private static void sleepQuietly() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

}
