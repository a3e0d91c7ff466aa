package dev.wasmcore.cli.bench;

import static dev.wasmcore.cli.bench.DapClient.args;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The requests an editor (VS Code) sends to open a crash, for any adapter: {@code initialize}; {@code launch} (or
 * {@code attach}) sent right away; {@code configurationDone} once the {@code initialized} event came; the
 * {@code stopped} event; {@code threads}; {@code stackTrace} of the stopped thread (first 20 levels, as VS Code asks
 * with delayed stack trace loading); {@code scopes} of the top frame and {@code variables} of its first scope that
 * is not marked expensive (VS Code expands that one). Every milestone is the arrival time of the message.
 */
public final class EditorFlow {
  private static final long TIMEOUT_MS = 120_000;

  /** Arrival times (nanoTime) of the milestones, and what the adapter answered. */
  public static final class Opened {
    public long launchSent;
    public long stackTraceArrived;
    public long variablesArrived;
    public int threadId;
    public JsonArray frames;
    public JsonArray scopes;
    public int variablesShown;
  }

  private EditorFlow() {}

  /** The {@code initialize} arguments VS Code sends (the parts that change adapter behaviour). */
  public static JsonObject initializeArguments(String adapterId) {
    return args("clientID", "vscode", "clientName", "wasmcore bench", "adapterID", adapterId, "pathFormat", "path",
        "linesStartAt1", true, "columnsStartAt1", true, "supportsVariableType", true, "supportsVariablePaging", true,
        "supportsRunInTerminalRequest", false, "supportsMemoryReferences", true, "supportsProgressReporting", false,
        "supportsInvalidatedEvent", true, "locale", "en");
  }

  /** Runs the whole flow; {@code launchCommand} is {@code launch} or {@code attach}. */
  public static Opened open(DapClient c, String adapterId, String launchCommand, JsonObject launchArguments) {
    Opened o = new Opened();
    c.request("initialize", initializeArguments(adapterId), TIMEOUT_MS);
    o.launchSent = System.nanoTime();
    int launch = c.send(launchCommand, launchArguments);
    c.event("initialized", TIMEOUT_MS);
    c.request("configurationDone", null, TIMEOUT_MS);
    c.response(launch, launchCommand, TIMEOUT_MS);
    JsonObject stopped = c.event("stopped", TIMEOUT_MS).body().getAsJsonObject("body");
    JsonArray threads = body(c.request("threads", null, TIMEOUT_MS)).getAsJsonArray("threads");
    o.threadId = stopped != null && stopped.has("threadId") ? stopped.get("threadId").getAsInt()
        : threads.get(0).getAsJsonObject().get("id").getAsInt();
    DapClient.Message st = c.request("stackTrace", args("threadId", o.threadId, "startFrame", 0, "levels", 20),
        TIMEOUT_MS);
    o.stackTraceArrived = st.arrivedNanos();
    o.frames = body(st).getAsJsonArray("stackFrames");
    if (o.frames.isEmpty()) {
      throw new DapClient.DapFailure("stackTrace returned no frames");
    }
    int frameId = o.frames.get(0).getAsJsonObject().get("id").getAsInt();
    o.scopes = body(c.request("scopes", args("frameId", frameId), TIMEOUT_MS)).getAsJsonArray("scopes");
    for (JsonElement s : o.scopes) {
      JsonObject scope = s.getAsJsonObject();
      if (scope.has("expensive") && scope.get("expensive").getAsBoolean()) {
        continue;
      }
      DapClient.Message v = c.request("variables", args("variablesReference",
          scope.get("variablesReference").getAsInt()), TIMEOUT_MS);
      o.variablesShown = body(v).getAsJsonArray("variables").size();
      o.variablesArrived = v.arrivedNanos();
      break;
    }
    if (o.variablesArrived == 0) {
      o.variablesArrived = System.nanoTime();
    }
    return o;
  }

  /** Sends {@code disconnect} and waits (briefly) for its response. */
  public static void disconnect(DapClient c, boolean terminate) {
    try {
      c.request("disconnect", args("terminateDebuggee", terminate), 10_000);
    } catch (DapClient.DapFailure e) {
      // an adapter may close the stream before answering; the session is over either way
    }
  }

  static JsonObject body(DapClient.Message m) {
    JsonElement b = m.body().get("body");
    return b == null || !b.isJsonObject() ? new JsonObject() : b.getAsJsonObject();
  }
}
