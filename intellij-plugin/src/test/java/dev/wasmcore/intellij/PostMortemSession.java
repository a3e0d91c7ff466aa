package dev.wasmcore.intellij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/**
 * The message sequence of LSP4IJ's DAP client opening a post-mortem session: initialize, launch (or attach) sent
 * without waiting, configurationDone after the {@code initialized} event, then the stopped event, threads and a stack
 * trace. Asserts every step and returns what a user would see.
 */
final class PostMortemSession {
  static final Duration TIMEOUT = Duration.ofSeconds(60);

  /** What the session showed. */
  record Result(JsonObject stopped, JsonArray threads, JsonArray frames, Map<String, String> firstScope,
      String watchValue) {
    /** The first frame that has a source path and a line (the one the editor opens). */
    JsonObject firstFrameWithSource() {
      for (JsonElement f : frames) {
        JsonObject frame = f.getAsJsonObject();
        if (frame.has("source") && frame.getAsJsonObject("source").has("path")
            && frame.get("line").getAsInt() > 0) {
          return frame;
        }
      }
      throw new AssertionError("no frame with a source: " + frames);
    }
  }

  private PostMortemSession() {}

  /**
   * Runs the session.
   *
   * @param watch an expression evaluated in the top frame as a watch (null for none)
   */
  static Result run(DapClient dap, String request, Map<String, Object> arguments, String watch)
      throws IOException, InterruptedException {
    JsonObject init = dap.request("initialize", DapClient.lsp4ijInitializeArguments(), TIMEOUT);
    assertSuccess(init);
    assertTrue(init.getAsJsonObject("body").get("supportsConfigurationDoneRequest").getAsBoolean(), init.toString());

    int launch = dap.send(request, arguments);
    dap.event("initialized", TIMEOUT);
    assertSuccess(dap.request("configurationDone", null, TIMEOUT));
    assertSuccess(dap.response(launch, TIMEOUT));

    JsonObject stopped = dap.event("stopped", TIMEOUT).getAsJsonObject("body");
    assertEquals("exception", stopped.get("reason").getAsString(), stopped.toString());

    JsonObject threads = dap.request("threads", null, TIMEOUT);
    assertSuccess(threads);
    JsonArray threadList = threads.getAsJsonObject("body").getAsJsonArray("threads");
    assertFalse(threadList.isEmpty(), threads.toString());
    int threadId = stopped.has("threadId") ? stopped.get("threadId").getAsInt()
        : threadList.get(0).getAsJsonObject().get("id").getAsInt();

    JsonObject trace = dap.request("stackTrace", Map.of("threadId", threadId), TIMEOUT);
    assertSuccess(trace);
    JsonArray frames = trace.getAsJsonObject("body").getAsJsonArray("stackFrames");
    assertFalse(frames.isEmpty(), trace.toString());

    // The Variables view: the scopes of the selected (top) frame, then the variables of the first scope.
    int frameId = frames.get(0).getAsJsonObject().get("id").getAsInt();
    JsonObject scopes = dap.request("scopes", Map.of("frameId", frameId), TIMEOUT);
    assertSuccess(scopes);
    JsonArray scopeList = scopes.getAsJsonObject("body").getAsJsonArray("scopes");
    assertFalse(scopeList.isEmpty(), scopes.toString());
    int ref = scopeList.get(0).getAsJsonObject().get("variablesReference").getAsInt();
    JsonObject variables = dap.request("variables", Map.of("variablesReference", ref), TIMEOUT);
    assertSuccess(variables);
    Map<String, String> firstScope = new java.util.LinkedHashMap<>();
    for (JsonElement v : variables.getAsJsonObject("body").getAsJsonArray("variables")) {
      firstScope.put(v.getAsJsonObject().get("name").getAsString(), v.getAsJsonObject().get("value").getAsString());
    }

    String watchValue = null;
    if (watch != null) {
      JsonObject eval = dap.request("evaluate", Map.of("expression", watch, "frameId", frameId, "context", "watch"),
          TIMEOUT);
      assertSuccess(eval);
      watchValue = eval.getAsJsonObject("body").get("result").getAsString();
    }

    JsonObject disconnect = dap.request("disconnect", Map.of("terminateDebuggee", true), TIMEOUT);
    assertSuccess(disconnect);
    return new Result(stopped, threadList, frames, firstScope, watchValue);
  }

  static void assertSuccess(JsonObject response) {
    assertTrue(response.get("success").getAsBoolean(), () -> "failed: " + response);
  }
}
