package dev.wasmcore.dap.protocol;

import org.eclipse.lsp4j.jsonrpc.JsonRpcException;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.debug.messages.DebugNotificationMessage;
import org.eclipse.lsp4j.jsonrpc.debug.messages.DebugRequestMessage;
import org.eclipse.lsp4j.jsonrpc.debug.messages.DebugResponseMessage;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;

/**
 * The only way out to the client: every response and event passes here.
 *
 * <p>Decisions, each fixing an lsp4j.debug 0.24.0 behaviour:
 * <ul>
 *   <li>{@code seq} is assigned here, at write time under the write lock. lsp4j's {@code DebugRemoteEndpoint}
 *       numbers a message when it is created, so an event created on one thread and a response created on another
 *       could reach the wire as 5, 4.
 *   <li>Every error response gets a non-blank {@code message} and {@code body.error} ({@link ErrorBodies}); lsp4j's
 *       own errors (parse issues, cancellation) carry a stack trace or nothing.
 *   <li>A write that fails (the client went away) closes the channel once; later messages are dropped and
 *       {@code onWriteFailure} ends the connection.
 * </ul>
 */
public final class OutgoingChannel implements MessageConsumer {
  private final MessageConsumer writer;
  private final Runnable onWriteFailure;
  private int seq;
  private boolean closed;

  /**
   * @param writer lsp4j's stream writer (serialises with the connection's gson and flushes)
   * @param onWriteFailure called once when a write fails
   */
  public OutgoingChannel(MessageConsumer writer, Runnable onWriteFailure) {
    this.writer = writer;
    this.onWriteFailure = onWriteFailure;
  }

  @Override
  public void consume(Message message) {
    boolean failed = false;
    synchronized (this) {
      if (closed) {
        return;
      }
      int next = seq + 1;
      if (message instanceof DebugResponseMessage response) {
        response.setResponseId(next);
        normalizeError(response);
      } else if (message instanceof DebugNotificationMessage event) {
        event.setId(next);
      } else if (message instanceof DebugRequestMessage request) {
        request.setId(next);
      }
      try {
        writer.consume(message);
        seq = next;
      } catch (JsonRpcException | IllegalStateException e) {
        closed = true;
        failed = true;
      }
    }
    if (failed) {
      onWriteFailure.run();
    }
  }

  /** Drops every later message (the connection is over). */
  public synchronized void close() {
    closed = true;
  }

  /** Number of messages written so far (the last seq). */
  public synchronized int written() {
    return seq;
  }

  private static void normalizeError(DebugResponseMessage response) {
    ResponseError error = response.getError();
    if (error == null) {
      return;
    }
    String message = error.getMessage();
    if (message == null || message.isBlank()) {
      message = "request '" + response.getMethod() + "' failed";
    }
    if (!ErrorBodies.isDapBody(error.getData())) {
      response.setError(ErrorBodies.error(ErrorId.REQUEST_FAILED, message));
    } else {
      error.setMessage(message);
    }
  }
}
