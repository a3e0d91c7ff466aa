package dev.wasmcore.intellij;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A small Debug Adapter Protocol client for the tests, speaking the base protocol ({@code Content-Length} header,
 * blank line, UTF-8 JSON) over any pair of streams: a spawned adapter's stdout/stdin, or a socket.
 *
 * <p>A reader thread parses every message into a queue; {@link #request} sends one request and returns its response
 * while keeping the events that arrive meanwhile, which {@link #event} then finds. Every wait is bounded.
 */
final class DapClient implements AutoCloseable {
  private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();
  private static final int MAX_HEADER = 8192;
  private static final int MAX_BODY = 64 << 20;

  private final OutputStream out;
  private final LinkedBlockingQueue<JsonObject> incoming = new LinkedBlockingQueue<>();
  private final List<JsonObject> events = new ArrayList<>();
  private final List<JsonObject> log = new ArrayList<>();
  private final Map<Integer, JsonObject> responses = new java.util.HashMap<>();
  private final Thread reader;
  private volatile String readerFailure;
  private int seq = 1;

  DapClient(InputStream in, OutputStream out) {
    this.out = out;
    this.reader = new Thread(() -> readLoop(in), "dap-test-reader");
    reader.setDaemon(true);
    reader.start();
  }

  private void readLoop(InputStream in) {
    try {
      while (true) {
        int length = readHeader(in);
        if (length < 0) {
          readerFailure = "the adapter closed its output";
          return;
        }
        byte[] body = in.readNBytes(length);
        if (body.length != length) {
          readerFailure = "the adapter's output ended inside a message";
          return;
        }
        incoming.add(JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject());
      }
    } catch (IOException | RuntimeException e) {
      readerFailure = "reading the adapter's output failed: " + e;
    }
  }

  /** Reads header lines up to the blank line; returns the Content-Length, or -1 at the end of the stream. */
  private static int readHeader(InputStream in) throws IOException {
    int length = -1;
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int total = 0;
    while (true) {
      int b = in.read();
      if (b < 0) {
        return -1;
      }
      if (++total > MAX_HEADER) {
        throw new IOException("header longer than " + MAX_HEADER + " bytes");
      }
      if (b == '\n') {
        String text = line.toString(StandardCharsets.US_ASCII).trim();
        line.reset();
        if (text.isEmpty()) {
          if (length < 0) {
            throw new IOException("message without Content-Length");
          }
          return length;
        }
        if (text.regionMatches(true, 0, "Content-Length:", 0, 15)) {
          length = Integer.parseInt(text.substring(15).trim());
          if (length < 0 || length > MAX_BODY) {
            throw new IOException("Content-Length " + length + " out of range");
          }
        }
      } else {
        line.write(b);
      }
    }
  }

  /** Sends a request and waits for its response (events that arrive first are kept for {@link #event}). */
  JsonObject request(String command, Object arguments, Duration timeout) throws IOException, InterruptedException {
    return response(send(command, arguments), timeout);
  }

  /** The response to the request with this seq, already received or arriving within the timeout. */
  JsonObject response(int requestSeq, Duration timeout) throws InterruptedException {
    JsonObject early = responses.remove(requestSeq);
    if (early != null) {
      return early;
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      JsonObject m = next(deadline, "the response to request " + requestSeq);
      if ("response".equals(str(m, "type"))) {
        int id = m.get("request_seq").getAsInt();
        if (id == requestSeq) {
          return m;
        }
        responses.put(id, m);
      } else if ("event".equals(str(m, "type"))) {
        events.add(m);
      }
    }
  }

  /** Sends a request without waiting; returns its seq. */
  synchronized int send(String command, Object arguments) throws IOException {
    JsonObject msg = new JsonObject();
    int id = seq++;
    msg.addProperty("seq", id);
    msg.addProperty("type", "request");
    msg.addProperty("command", command);
    if (arguments != null) {
      msg.add("arguments", arguments instanceof JsonElement j ? j : GSON.toJsonTree(arguments));
    }
    byte[] body = GSON.toJson(msg).getBytes(StandardCharsets.UTF_8);
    out.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
    return id;
  }

  /** The first event named {@code name}, already received or arriving within the timeout. */
  JsonObject event(String name, Duration timeout) throws InterruptedException {
    for (JsonObject e : events) {
      if (name.equals(str(e, "event"))) {
        events.remove(e);
        return e;
      }
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      JsonObject m = next(deadline, "the event '" + name + "'");
      if ("event".equals(str(m, "type"))) {
        if (name.equals(str(m, "event"))) {
          return m;
        }
        events.add(m);
      } else if ("response".equals(str(m, "type"))) {
        responses.put(m.get("request_seq").getAsInt(), m);
      }
    }
  }

  /** Events received so far and not yet taken, for failure messages. */
  List<JsonObject> pendingEvents() {
    return List.copyOf(events);
  }

  /** Every message received, in order (for failure messages). */
  String transcript() {
    return log.toString();
  }

  private JsonObject next(long deadline, String what) throws InterruptedException {
    long left = deadline - System.nanoTime();
    JsonObject m = left <= 0 ? null : incoming.poll(left, TimeUnit.NANOSECONDS);
    if (m == null) {
      throw new AssertionError("no " + what + " in time"
          + (readerFailure != null ? " (" + readerFailure + ")" : "") + "; received: " + log);
    }
    log.add(m);
    return m;
  }

  static String str(JsonObject o, String key) {
    JsonElement e = o.get(key);
    return e == null || e.isJsonNull() ? null : e.getAsString();
  }

  /** The initialize arguments LSP4IJ's DAP client sends (DebugAdapterDescriptor.createInitializeRequestArguments). */
  static Map<String, Object> lsp4ijInitializeArguments() {
    return Map.of(
        "clientID", "lsp4ij.debug",
        "clientName", "IntelliJ IDEA",
        "adapterID", "wasmcore",
        "pathFormat", "path",
        "linesStartAt1", true,
        "columnsStartAt1", true,
        "supportsVariableType", true,
        "supportsVariablePaging", false,
        "supportsRunInTerminalRequest", true,
        "supportsStartDebuggingRequest", true);
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
