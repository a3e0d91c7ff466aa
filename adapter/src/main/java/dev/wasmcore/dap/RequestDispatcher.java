package dev.wasmcore.dap;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.wasmcore.dap.handler.HandlerRegistry;
import dev.wasmcore.dap.handler.RequestHandler;
import dev.wasmcore.dap.protocol.DapException;
import dev.wasmcore.dap.protocol.ErrorBodies;
import dev.wasmcore.dap.protocol.ErrorId;
import dev.wasmcore.dap.protocol.OutgoingChannel;
import dev.wasmcore.dap.protocol.Request;
import dev.wasmcore.dap.session.ConnectionState;
import dev.wasmcore.inspect.SessionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.debug.messages.DebugResponseMessage;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.jsonrpc.messages.RequestMessage;

/**
 * Serves the requests of one connection. Requests run one at a time, in the order they came, on the connection's
 * worker ({@code cancel} runs at once on the reader thread so it can stop a running launch). For each request: the
 * lifecycle gate, the handler from the registry, the arguments converted to the handler's type, then the response
 * (body, or error with a message and {@code body.error}) written, then the handler's after-response actions (events
 * that must follow the response).
 *
 * <p>Responses are written here rather than through lsp4j's {@code RemoteEndpoint.handleRequest}, which writes a
 * response whenever the handler's future completes and so lets events sent inside a handler overtake it.
 */
public final class RequestDispatcher implements MessageConsumer {
  private final HandlerRegistry registry;
  private final ConnectionState state;
  private final OutgoingChannel out;
  private final Gson gson;
  private final ExecutorService worker;
  private final Consumer<String> log;

  public RequestDispatcher(HandlerRegistry registry, ConnectionState state, OutgoingChannel out, Gson gson,
      ExecutorService worker, Consumer<String> log) {
    this.registry = registry;
    this.state = state;
    this.out = out;
    this.gson = gson;
    this.worker = worker;
    this.log = log;
  }

  /** Receives a message from the reader thread. */
  @Override
  public void consume(Message message) {
    if (!(message instanceof RequestMessage request)) {
      log.accept("ignored a " + message.getClass().getSimpleName() + " from the client (it should send requests)");
      return;
    }
    String command = request.getMethod();
    RequestHandler<?> handler = registry.find(command).orElse(null);
    if (handler != null && handler.immediate()) {
      serve(request, handler);
      return;
    }
    if ("disconnect".equals(command) || "terminate".equals(command)) {
      state.cancelRunningLaunch();
    }
    try {
      worker.execute(() -> serve(request, handler));
    } catch (RejectedExecutionException e) {
      if (!worker.isShutdown()) {
        respondError(request, new DapException(ErrorId.BUSY, "too many requests are pending on this connection"));
      }
    }
  }

  private void serve(RequestMessage message, RequestHandler<?> handler) {
    Request request = new Request(seqOf(message), message.getMethod());
    Object body;
    try {
      if (message.getMethod() == null) {
        throw new DapException(ErrorId.INVALID_MESSAGE, "a request without 'command'");
      }
      state.admit(message.getMethod());
      if (handler == null) {
        throw new DapException(ErrorId.UNKNOWN_COMMAND, "unknown command '" + message.getMethod()
            + "': this debug adapter does not serve it");
      }
      body = invoke(handler, message.getParams(), request);
    } catch (Throwable t) {
      respondError(message, t);
      if (t instanceof Error e && !(t instanceof StackOverflowError) && !(t instanceof OutOfMemoryError)) {
        throw e;
      }
      return;
    }
    DebugResponseMessage response = response(message);
    response.setResult(body);
    out.consume(response);
    for (Runnable action : request.afterResponseActions()) {
      try {
        action.run();
      } catch (RuntimeException e) {
        log.accept("after '" + message.getMethod() + "': " + e);
      }
    }
  }

  private <A> Object invoke(RequestHandler<A> handler, Object params, Request request) {
    return handler.handle(arguments(handler, params, request.command()), request);
  }

  /** Converts the raw arguments (a JsonElement, or null for absent or {}) to the handler's type. */
  private <A> A arguments(RequestHandler<A> handler, Object params, String command) {
    Class<A> type = handler.argumentsType();
    if (type == Void.class) {
      return null;
    }
    JsonElement json = params == null ? new JsonObject()
        : params instanceof JsonElement e ? e : gson.toJsonTree(params);
    if (json.isJsonNull()) {
      json = new JsonObject();
    }
    if (!json.isJsonObject()) {
      throw new DapException(ErrorId.INVALID_ARGUMENTS, "invalid arguments for '" + command
          + "': expected an object");
    }
    try {
      A value = gson.fromJson(json, type);
      if (value == null) {
        throw new DapException(ErrorId.INVALID_ARGUMENTS, "invalid arguments for '" + command + "'");
      }
      return value;
    } catch (RuntimeException e) {
      if (e instanceof DapException d) {
        throw d;
      }
      throw new DapException(ErrorId.INVALID_ARGUMENTS, "invalid arguments for '" + command + "': "
          + rootMessage(e));
    }
  }

  private void respondError(RequestMessage message, Throwable t) {
    DebugResponseMessage response = response(message);
    response.setError(ErrorBodies.error(idOf(t), messageOf(t, message.getMethod())));
    out.consume(response);
  }

  private ErrorId idOf(Throwable t) {
    if (t instanceof DapException d) {
      return d.id();
    }
    if (t instanceof SessionException) {
      return ErrorId.REQUEST_FAILED;
    }
    return ErrorId.INTERNAL;
  }

  private String messageOf(Throwable t, String command) {
    if (t instanceof DapException || t instanceof SessionException) {
      return t.getMessage();
    }
    log.accept("internal error in '" + command + "': " + t);
    for (StackTraceElement e : t.getStackTrace()) {
      log.accept("    at " + e);
    }
    return "internal error in '" + command + "': " + t.getClass().getSimpleName()
        + (t.getMessage() != null ? ": " + t.getMessage() : "");
  }

  private static DebugResponseMessage response(RequestMessage message) {
    DebugResponseMessage response = new DebugResponseMessage();
    response.setRawId(message.getRawId());
    response.setMethod(message.getMethod() == null ? "unknown" : message.getMethod());
    return response;
  }

  private static int seqOf(RequestMessage message) {
    try {
      return Integer.parseInt(message.getId());
    } catch (RuntimeException e) {
      return 0;
    }
  }

  private static String rootMessage(Throwable t) {
    Throwable root = t;
    for (int i = 0; i < 10 && root.getCause() != null; i++) {
      root = root.getCause();
    }
    String m = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    return m.length() > 200 ? m.substring(0, 200) + "..." : m;
  }
}
