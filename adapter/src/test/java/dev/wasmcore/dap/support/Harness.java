package dev.wasmcore.dap.support;

import dev.wasmcore.dap.DapConnection;
import dev.wasmcore.dap.ServerConfig;
import dev.wasmcore.dap.session.FileAccessPolicy;
import dev.wasmcore.dap.session.SessionOpener;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.debug.InitializeRequestArguments;
import org.eclipse.lsp4j.debug.launch.DSPLauncher;
import org.eclipse.lsp4j.debug.services.IDebugProtocolClient;
import org.eclipse.lsp4j.debug.services.IDebugProtocolServer;
import org.eclipse.lsp4j.jsonrpc.Launcher;

/**
 * A server connection on in-memory pipes with lsp4j's DAP client launcher on the other side; every byte the server
 * writes passes a {@link WireRecorder} (schema, seq, order). {@link #raw(String)} writes bytes to the server as a
 * hostile client would.
 */
public final class Harness implements AutoCloseable {
  public final WireRecorder wire;
  public final IDebugProtocolServer server;
  public final DapConnection connection;
  public final CompletableFuture<Void> ended;
  public final List<String> log = new CopyOnWriteArrayList<>();
  private final BytePipe toServer = new BytePipe();
  private final BytePipe toClient = new BytePipe();
  private final ExecutorService clientThreads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "test-dap-client");
    t.setDaemon(true);
    return t;
  });
  private final boolean withClient;

  public Harness(SessionOpener opener) {
    this(opener, FileAccessPolicy.unrestricted(), true);
  }

  /**
   * @param withClient false: no lsp4j client reads the output (raw tests read {@link #wire})
   */
  public Harness(SessionOpener opener, FileAccessPolicy policy, boolean withClient) {
    this.withClient = withClient;
    this.wire = new WireRecorder(withClient ? toClient.out() : null, DapSchema.locate());
    ServerConfig config = ServerConfig.of(opener, policy);
    this.connection = new DapConnection(toServer.in(), wire, config, "test", log::add);
    this.ended = connection.run();
    if (withClient) {
      Launcher<IDebugProtocolServer> launcher = DSPLauncher.createClientLauncher(new IDebugProtocolClient() {},
          toClient.in(), toServer.out(), clientThreads, null);
      launcher.startListening();
      this.server = launcher.getRemoteProxy();
    } else {
      this.server = null;
    }
  }

  /** VS Code's initialize arguments. */
  public static InitializeRequestArguments vscode() {
    InitializeRequestArguments a = new InitializeRequestArguments();
    a.setClientID("vscode");
    a.setAdapterID("wasmcore");
    a.setLinesStartAt1(true);
    a.setColumnsStartAt1(true);
    a.setPathFormat("path");
    a.setSupportsVariableType(true);
    a.setSupportsVariablePaging(true);
    a.setSupportsMemoryReferences(true);
    return a;
  }

  /** Writes bytes to the server as they are. */
  public void rawBytes(byte[] bytes) throws IOException {
    OutputStream out = toServer.out();
    out.write(bytes);
    out.flush();
  }

  /** Writes one framed message. */
  public void raw(String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    rawBytes(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    rawBytes(body);
  }

  /** Ends the client's input to the server (as closing stdin). */
  public void closeInput() {
    toServer.close();
  }

  @Override
  public void close() throws Exception {
    toServer.close();
    toClient.close();
    connection.end();
    clientThreads.shutdownNow();
    clientThreads.awaitTermination(2, TimeUnit.SECONDS);
  }

  public boolean hasClient() {
    return withClient;
  }
}
