package dev.wasmcore.dap.handler;

import dev.wasmcore.dap.protocol.Request;
import java.util.List;

/**
 * Serves one DAP request (or a family of requests with one behaviour). Each handler is small and typed: it gets its
 * arguments already converted to {@link #argumentsType()} (an lsp4j model class, or a gson {@code JsonObject} when
 * the arguments need hand validation) and returns the response body, or throws
 * {@link dev.wasmcore.dap.protocol.DapException} with the message the user sees.
 *
 * @param <A> the arguments type
 */
public interface RequestHandler<A> {
  /** The commands served. */
  List<String> commands();

  /** Arguments are converted to this type; absent arguments arrive as an instance built from {@code {}}. */
  Class<A> argumentsType();

  /** The response body, or null for none. */
  Object handle(A arguments, Request request);

  /**
   * True when the handler must run as soon as the request is read, ahead of queued work ({@code cancel}); false
   * (the default) runs it in request order on the connection's worker.
   */
  default boolean immediate() {
    return false;
  }
}
