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
  record Result(JsonObject stopped, JsonArray threads, JsonArray frames) {
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

  static Result run(DapClient dap, String request, Map<String, Object> arguments)
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

    JsonObject disconnect = dap.request("disconnect", Map.of("terminateDebuggee", true), TIMEOUT);
    assertSuccess(disconnect);
    return new Result(stopped, threadList, frames);
  }

  static void assertSuccess(JsonObject response) {
    assertTrue(response.get("success").getAsBoolean(), () -> "failed: " + response);
  }
}
