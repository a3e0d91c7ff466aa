package dev.wasmcore.cli.bench;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A minimal Debug Adapter Protocol client for the benchmark: frames messages with {@code Content-Length}, sends
 * requests, and waits for their responses and for events. A reader thread decodes every message as it arrives and
 * stamps it with {@link System#nanoTime()}, so the time of a response is when its last byte was read, not when the
 * benchmark got round to looking. Works the same over a child's stdio and over a socket, for any adapter.
 */
public final class DapClient implements Closeable {
  /** One message from the adapter and when it was read. */
  public record Message(JsonObject body, long arrivedNanos) {
    public String type() {
      return body.has("type") ? body.get("type").getAsString() : "";
    }

    public boolean isEvent(String name) {
      return type().equals("event") && name.equals(str(body, "event"));
    }

    public boolean isResponseTo(int seq) {
      return type().equals("response") && body.has("request_seq") && body.get("request_seq").getAsInt() == seq;
    }
  }

  /** A request whose response did not come, or came with {@code success: false}. */
  public static final class DapFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DapFailure(String message) {
      super(message);
    }
  }

  private static final int MAX_HEADER = 8192;
  private static final int MAX_BODY = 256 << 20;

  private final InputStream in;
  private final OutputStream out;
  private final List<Message> inbox = new ArrayList<>();
  private final Thread reader;
  private int seq = 1;
  private volatile String readError;
  private boolean closed;

  public DapClient(InputStream in, OutputStream out, String name) {
    this.in = new BufferedInputStream(in, 1 << 16);
    this.out = new BufferedOutputStream(out, 1 << 16);
    this.reader = new Thread(this::readLoop, "dap-client-" + name);
    reader.setDaemon(true);
    reader.start();
  }

  /** Sends a request and returns its sequence number without waiting. */
  public synchronized int send(String command, JsonObject arguments) {
    JsonObject m = new JsonObject();
    int s = seq++;
    m.addProperty("seq", s);
    m.addProperty("type", "request");
    m.addProperty("command", command);
    if (arguments != null) {
      m.add("arguments", arguments);
    }
    byte[] body = m.toString().getBytes(StandardCharsets.UTF_8);
    try {
      out.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
    } catch (IOException e) {
      throw new DapFailure("cannot send " + command + ": " + e.getMessage());
    }
    return s;
  }

  /** Sends a request and waits for a successful response. */
  public Message request(String command, JsonObject arguments, long timeoutMs) {
    int s = send(command, arguments);
    return response(s, command, timeoutMs);
  }

  /** Waits for the response to request {@code s}; fails when it is not a success. */
  public Message response(int s, String command, long timeoutMs) {
    Message m = await(x -> x.isResponseTo(s), timeoutMs, "response to " + command);
    if (!m.body().get("success").getAsBoolean()) {
      throw new DapFailure(command + " failed: " + str(m.body(), "message") + " " + m.body().get("body"));
    }
    return m;
  }

  /** Waits for an event (one already received counts). */
  public Message event(String name, long timeoutMs) {
    return await(x -> x.isEvent(name), timeoutMs, "event " + name);
  }

  private interface Match {
    boolean test(Message m);
  }

  private synchronized Message await(Match match, long timeoutMs, String what) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
    while (true) {
      for (int i = 0; i < inbox.size(); i++) {
        if (match.test(inbox.get(i))) {
          return inbox.remove(i);
        }
      }
      if (readError != null) {
        throw new DapFailure("waiting for " + what + ": " + readError);
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new DapFailure("timed out waiting for " + what);
      }
      try {
        TimeUnit.NANOSECONDS.timedWait(this, left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DapFailure("interrupted waiting for " + what);
      }
    }
  }

  private void readLoop() {
    try {
      while (true) {
        int length = -1;
        String line;
        while (!(line = headerLine()).isEmpty()) {
          int colon = line.indexOf(':');
          if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Content-Length")) {
            length = Integer.parseInt(line.substring(colon + 1).trim());
          }
        }
        if (length < 0 || length > MAX_BODY) {
          throw new IOException("bad Content-Length " + length);
        }
        byte[] body = in.readNBytes(length);
        if (body.length != length) {
          throw new IOException("stream ended inside a message");
        }
        long now = System.nanoTime();
        JsonElement e = JsonParser.parseString(new String(body, StandardCharsets.UTF_8));
        synchronized (this) {
          inbox.add(new Message(e.getAsJsonObject(), now));
          notifyAll();
        }
      }
    } catch (IOException | RuntimeException e) {
      synchronized (this) {
        readError = closed ? "closed" : "adapter stream: " + e.getMessage();
        notifyAll();
      }
    }
  }

  private String headerLine() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    while (true) {
      int c = in.read();
      if (c < 0) {
        throw new IOException("end of stream");
      }
      if (c == '\n') {
        break;
      }
      if (c != '\r') {
        b.write(c);
      }
      if (b.size() > MAX_HEADER) {
        throw new IOException("header line too long");
      }
    }
    return b.toString(StandardCharsets.US_ASCII);
  }

  @Override
  public void close() {
    synchronized (this) {
      closed = true;
    }
    try {
      out.close();
    } catch (IOException ignored) {
      // the adapter may already be gone; nothing to report
    }
  }

  static String str(JsonObject o, String key) {
    JsonElement e = o == null ? null : o.get(key);
    return e == null || e.isJsonNull() ? null : e.getAsString();
  }

  /** A small builder for request arguments. */
  public static JsonObject args(Object... keyValues) {
    JsonObject o = new JsonObject();
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      String k = (String) keyValues[i];
      Object v = keyValues[i + 1];
      if (v instanceof JsonElement je) {
        o.add(k, je);
      } else if (v instanceof Number n) {
        o.addProperty(k, n);
      } else if (v instanceof Boolean b) {
        o.addProperty(k, b);
      } else if (v != null) {
        o.addProperty(k, v.toString());
      }
    }
    return o;
  }
}
