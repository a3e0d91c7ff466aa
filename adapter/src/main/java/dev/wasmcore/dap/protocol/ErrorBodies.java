package dev.wasmcore.dap.protocol;

import com.google.gson.JsonObject;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/**
 * Builds error responses the way DAP clients read them: a string {@code message} and {@code body.error} = a DAP
 * {@code Message} ({@code id}, {@code format}, {@code showUser}). lsp4j writes {@code ResponseError.data} as the
 * response body, so the Message goes there; without data an lsp4j error response has no body at all.
 */
public final class ErrorBodies {
  private ErrorBodies() {}

  /** The response error for an id and a message (never blank). */
  public static ResponseError error(ErrorId id, String message) {
    String text = message == null || message.isBlank() ? "request failed" : message;
    return new ResponseError(ResponseErrorCode.UnknownErrorCode, text, body(id.code(), text, id.showUser()));
  }

  /** {@code {"error": {"id": .., "format": .., "showUser": ..}}}. */
  public static JsonObject body(int id, String format, boolean showUser) {
    JsonObject error = new JsonObject();
    error.addProperty("id", id);
    error.addProperty("format", format);
    error.addProperty("showUser", showUser);
    JsonObject body = new JsonObject();
    body.add("error", error);
    return body;
  }

  /** True when {@code data} already is a body in the DAP error form. */
  static boolean isDapBody(Object data) {
    return data instanceof JsonObject o && o.has("error") && o.get("error").isJsonObject();
  }
}
