package dev.wasmcore.dap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmcore.dap.session.FileAccessPolicy;
import dev.wasmcore.dap.support.FakeSession;
import dev.wasmcore.dap.support.Harness;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.debug.ConfigurationDoneArguments;
import org.eclipse.lsp4j.debug.DisconnectArguments;
import org.eclipse.lsp4j.debug.StackTraceArguments;
import org.eclipse.lsp4j.debug.launch.DSPLauncher;
import org.eclipse.lsp4j.debug.services.IDebugProtocolClient;
import org.eclipse.lsp4j.debug.services.IDebugProtocolServer;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TCP server: isolated sessions per connection, empty connections, garbage next to good sessions. */
class TcpServerTest {
  @TempDir
  Path dir;

  private TcpServer server;
  private Thread acceptor;
  private final List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final ExecutorService pool = Executors.newCachedThreadPool();

  @BeforeEach
  void start() throws Exception {
    server = TcpServer.bind("127.0.0.1", 0, ServerConfig.of((o, p) -> new FakeSession(o),
        FileAccessPolicy.within(List.of(dir))), log::add);
    acceptor = new Thread(server::serve, "test-acceptor");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    pool.shutdownNow();
  }

  /** One full session over its own socket; returns the top frame's name. */
  private String session(Path core) throws Exception {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      Launcher<IDebugProtocolServer> l = DSPLauncher.createClientLauncher(new IDebugProtocolClient() {},
          s.getInputStream(), s.getOutputStream(), pool, null);
      l.startListening();
      IDebugProtocolServer remote = l.getRemoteProxy();
      remote.initialize(Harness.vscode()).get(10, TimeUnit.SECONDS);
      remote.launch(Map.of("coreFile", core.toString())).get(10, TimeUnit.SECONDS);
      remote.configurationDone(new ConfigurationDoneArguments()).get(10, TimeUnit.SECONDS);
      StackTraceArguments st = new StackTraceArguments();
      st.setThreadId(1);
      String top = remote.stackTrace(st).get(10, TimeUnit.SECONDS).getStackFrames()[1].getName();
      remote.disconnect(new DisconnectArguments()).get(10, TimeUnit.SECONDS);
      return top;
    }
  }

  @Test
  void parallelSessionsEmptyConnectionsAndGarbageDoNotDisturbEachOther() throws Exception {
    Path core = Files.writeString(dir.resolve("c.core"), "x");
    new Socket("127.0.0.1", server.port()).close(); // a probe: connects and closes without a byte
    CompletableFuture<Void> garbage = CompletableFuture.runAsync(() -> {
      for (int i = 0; i < 20; i++) {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
          OutputStream out = s.getOutputStream();
          out.write(("Content-Length: 12\r\n\r\nnot json at all" + i).getBytes(StandardCharsets.US_ASCII));
          out.write("Content-Length: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
          out.flush();
          InputStream in = s.getInputStream();
          s.setSoTimeout(5000);
          while (in.read() >= 0) {
            // until the server closes
          }
        } catch (Exception e) {
          // the server may reset it
        }
      }
    }, pool);
    List<CompletableFuture<String>> sessions = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      sessions.add(CompletableFuture.supplyAsync(() -> {
        try {
          return session(core);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }, pool));
    }
    for (CompletableFuture<String> s : sessions) {
      assertEquals("level3", s.get(30, TimeUnit.SECONDS));
    }
    garbage.get(30, TimeUnit.SECONDS);
    assertEquals("level3", session(core));
    long deadline = System.currentTimeMillis() + 5000;
    while (server.liveConnections() > 0 && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    assertEquals(0, server.liveConnections(), "every connection ended");
  }

  @Test
  void filesOutsideTheAllowedDirectoriesAreRefused() throws Exception {
    Path core = Files.writeString(Files.createTempFile("outside", ".core"), "x");
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      Launcher<IDebugProtocolServer> l = DSPLauncher.createClientLauncher(new IDebugProtocolClient() {},
          s.getInputStream(), s.getOutputStream(), pool, null);
      l.startListening();
      IDebugProtocolServer remote = l.getRemoteProxy();
      remote.initialize(Harness.vscode()).get(10, TimeUnit.SECONDS);
      Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
          () -> remote.launch(Map.of("coreFile", core.toString())).get(10, TimeUnit.SECONDS));
      assertTrue(e.getCause().getMessage().contains("--allow-dir"), e.getCause().getMessage());
    } finally {
      Files.deleteIfExists(core);
    }
  }
}
