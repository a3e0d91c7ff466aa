package dev.wasmcore.dap;

import com.google.gson.Gson;
import dev.wasmcore.dap.handler.CancelHandler;
import dev.wasmcore.dap.handler.ConfigurationDoneHandler;
import dev.wasmcore.dap.handler.CrashAnnouncer;
import dev.wasmcore.dap.handler.DisassembleHandler;
import dev.wasmcore.dap.handler.DisconnectHandler;
import dev.wasmcore.dap.handler.EvaluateHandler;
import dev.wasmcore.dap.handler.ExceptionInfoHandler;
import dev.wasmcore.dap.handler.HandlerRegistry;
import dev.wasmcore.dap.handler.InitializeHandler;
import dev.wasmcore.dap.handler.LaunchHandler;
import dev.wasmcore.dap.handler.LoadedSourcesHandler;
import dev.wasmcore.dap.handler.ModulesHandler;
import dev.wasmcore.dap.handler.NotRunningHandler;
import dev.wasmcore.dap.handler.ReadMemoryHandler;
import dev.wasmcore.dap.handler.ScopesHandler;
import dev.wasmcore.dap.handler.SetBreakpointsHandler;
import dev.wasmcore.dap.handler.SetExceptionBreakpointsHandler;
import dev.wasmcore.dap.handler.SetFunctionBreakpointsHandler;
import dev.wasmcore.dap.handler.SourceHandler;
import dev.wasmcore.dap.handler.StackTraceHandler;
import dev.wasmcore.dap.handler.ThreadsHandler;
import dev.wasmcore.dap.handler.VariablesHandler;
import dev.wasmcore.dap.protocol.DapException;
import dev.wasmcore.dap.protocol.ErrorBodies;
import dev.wasmcore.dap.protocol.ErrorId;
import dev.wasmcore.dap.protocol.FrameReader;
import dev.wasmcore.dap.protocol.OutgoingChannel;
import dev.wasmcore.dap.session.ConnectionState;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import org.eclipse.lsp4j.debug.services.IDebugProtocolClient;
import org.eclipse.lsp4j.jsonrpc.Endpoint;
import org.eclipse.lsp4j.jsonrpc.debug.DebugRemoteEndpoint;
import org.eclipse.lsp4j.jsonrpc.debug.json.DebugMessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.json.StreamMessageConsumer;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints;

/**
 * One client connection: one debug session, isolated from every other (its own state, threads, variable references
 * and model session).
 *
 * <p>The lsp4j.debug pieces are assembled here, the way {@code DebugLauncher.Builder} does, with each of its
 * 0.24.0 pitfalls handled in one place:
 * <ul>
 *   <li>gson with HTML escaping off (else {@code =} in base64 and {@code <>&'} in C++ names go out as
 *       {@code \u003d});
 *   <li>{@link OutgoingChannel}: seq at write time, error bodies; {@link RequestDispatcher}: responses before the
 *       events that follow them; {@link FrameReader}: bounded frames from untrusted input;
 *   <li>all threads are daemon threads and the connection completes {@link #run()}'s future when the input ends, the
 *       client disconnects or a write fails, so the process can exit (stdio) or the socket be shut down (TCP).
 * </ul>
 * lsp4j's {@code RemoteEndpoint} is kept for what it does well: the typed {@link IDebugProtocolClient} proxy that
 * sends events.
 */
public final class DapConnection {
  private final InputStream input;
  private final ServerConfig config;
  private final Consumer<String> log;
  private final String label;
  private final ConnectionState state = new ConnectionState();
  private final OutgoingChannel out;
  private final FrameReader reader;
  private final RequestDispatcher dispatcher;
  private final ThreadPoolExecutor worker;
  private final CompletableFuture<Void> ended = new CompletableFuture<>();
  private final AtomicBoolean started = new AtomicBoolean();

  /**
   * @param label names the connection in logs and thread names
   * @param log one-line diagnostics (never stdout)
   */
  public DapConnection(InputStream input, OutputStream output, ServerConfig config, String label,
      Consumer<String> log) {
    this.input = input;
    this.config = config;
    this.label = label;
    this.log = line -> log.accept("[" + label + "] " + line);
    MessageJsonHandler json = new DebugMessageJsonHandler(Map.of(), gson -> gson.disableHtmlEscaping());
    this.out = new OutgoingChannel(new StreamMessageConsumer(output, json), this::end);
    DebugRemoteEndpoint remote = new DebugRemoteEndpoint(out, NO_LOCAL_ENDPOINT, EXCEPTION_HANDLER);
    json.setMethodProvider(remote);
    remote.setJsonHandler(json);
    IDebugProtocolClient client = ServiceEndpoints.toServiceObject(remote, IDebugProtocolClient.class);

    this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(1024), r -> {
      Thread t = new Thread(r, "wasmcore-dap-worker-" + label);
      t.setDaemon(true);
      return t;
    });
    HandlerRegistry registry = registry(client);
    Gson gson = json.getGson();
    this.dispatcher = new RequestDispatcher(registry, state, out, gson, worker, this.log);
    this.reader = new FrameReader(input, json, out::consume, this.log, config.maxMessageBytes());
  }

  private HandlerRegistry registry(IDebugProtocolClient client) {
    CrashAnnouncer announcer = new CrashAnnouncer(state, client);
    return new HandlerRegistry()
        .register(new InitializeHandler(state, client))
        .register(new LaunchHandler(state, client, config.opener(), config.policy(), config.scheduler(), announcer,
            log))
        .register(new ConfigurationDoneHandler(state, announcer))
        .register(new ThreadsHandler(state))
        .register(new StackTraceHandler(state))
        .register(new ScopesHandler(state))
        .register(new VariablesHandler(state))
        .register(new EvaluateHandler(state))
        .register(new ReadMemoryHandler(state))
        .register(new DisassembleHandler(state))
        .register(new ExceptionInfoHandler(state))
        .register(new ModulesHandler(state))
        .register(new LoadedSourcesHandler(state))
        .register(new SourceHandler())
        .register(new SetBreakpointsHandler(state))
        .register(new SetFunctionBreakpointsHandler())
        .register(new SetExceptionBreakpointsHandler())
        .register(new NotRunningHandler())
        .register(new DisconnectHandler(state, client, this::end))
        .register(new CancelHandler(state));
  }

  /**
   * Starts reading on a daemon thread.
   *
   * @return completes when the connection is over
   */
  public CompletableFuture<Void> run() {
    if (!started.compareAndSet(false, true)) {
      throw new IllegalStateException("already running");
    }
    Thread t = new Thread(() -> {
      try {
        reader.listen(dispatcher);
      } finally {
        end();
      }
    }, "wasmcore-dap-reader-" + label);
    t.setDaemon(true);
    t.start();
    return ended;
  }

  /** Ends the connection: stops reading and the worker, closes the session. Idempotent. */
  public void end() {
    if (ended.isDone()) {
      return;
    }
    reader.close();
    state.end();
    worker.shutdown();
    out.close();
    ended.complete(null);
  }

  /** Whether a session is open (for tests and the server's bookkeeping). */
  public boolean hasSession() {
    return state.hasSession();
  }

  /** Requests never reach lsp4j's endpoint (the dispatcher serves them); this refuses any that would. */
  private static final Endpoint NO_LOCAL_ENDPOINT = new Endpoint() {
    @Override
    public CompletableFuture<?> request(String method, Object parameter) {
      return CompletableFuture.failedFuture(new DapException(ErrorId.UNKNOWN_COMMAND, "unknown command '"
          + method + "'"));
    }

    @Override
    public void notify(String method, Object parameter) {}
  };

  /** lsp4j's handler for failures inside its endpoint: the exception's own message, in the DAP error form. */
  static final Function<Throwable, ResponseError> EXCEPTION_HANDLER = t -> {
    Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    if (cause instanceof DapException d) {
      return ErrorBodies.error(d.id(), d.getMessage());
    }
    String message = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    return ErrorBodies.error(ErrorId.INTERNAL, message);
  };
}
