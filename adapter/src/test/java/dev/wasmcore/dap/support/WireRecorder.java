package dev.wasmcore.dap.support;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Sits on the server's output: passes every byte on and parses the DAP frames it carries, so tests see exactly what
 * went over the wire (order, seq, raw text) and every message is validated against the DAP schema.
 */
public final class WireRecorder extends OutputStream {
  private final OutputStream next;
  private final DapSchema schema;
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
  private final List<JsonObject> messages = new ArrayList<>();
  private final List<String> raw = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();

  /** @param next where bytes go on (null: nowhere) */
  public WireRecorder(OutputStream next, DapSchema schema) {
    this.next = next;
    this.schema = schema;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    synchronized (this) {
      pending.write(b, off, len);
      parse();
      notifyAll();
    }
    if (next != null) {
      next.write(b, off, len);
    }
  }

  @Override
  public void flush() throws IOException {
    if (next != null) {
      next.flush();
    }
  }

  @Override
  public void close() throws IOException {
    if (next != null) {
      next.close();
    }
  }

  private void parse() {
    while (true) {
      byte[] all = pending.toByteArray();
      String text = new String(all, StandardCharsets.ISO_8859_1);
      int end = text.indexOf("\r\n\r\n");
      if (end < 0) {
        return;
      }
      String header = text.substring(0, end);
      if (!header.startsWith("Content-Length: ")) {
        problems.add("stray bytes on the wire: " + header);
        pending.reset();
        return;
      }
      int length = Integer.parseInt(header.substring("Content-Length: ".length()).trim());
      if (all.length < end + 4 + length) {
        return;
      }
      String json = new String(all, end + 4, length, StandardCharsets.UTF_8);
      pending.reset();
      pending.write(all, end + 4 + length, all.length - end - 4 - length);
      raw.add(json);
      JsonObject msg = JsonParser.parseString(json).getAsJsonObject();
      messages.add(msg);
      if (schema != null) {
        for (String p : schema.validate(msg)) {
          problems.add("message " + messages.size() + ": " + p + " in " + abbreviate(json));
        }
      }
      int seq = msg.get("seq").getAsInt();
      if (seq != messages.size()) {
        problems.add("message " + messages.size() + " has seq " + seq);
      }
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "..." : s;
  }

  public synchronized List<JsonObject> messages() {
    return new ArrayList<>(messages);
  }

  public synchronized List<String> raw() {
    return new ArrayList<>(raw);
  }

  /** Schema, seq and framing problems seen so far. */
  public synchronized List<String> problems() {
    return new ArrayList<>(problems);
  }

  /** Waits until a message matching {@code p} arrived; returns it. */
  public synchronized JsonObject await(Predicate<JsonObject> p, long timeoutMs) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (true) {
      for (JsonObject m : messages) {
        if (p.test(m)) {
          return m;
        }
      }
      long left = deadline - System.currentTimeMillis();
      if (left <= 0) {
        throw new AssertionError("no matching message within " + timeoutMs + " ms; got " + raw);
      }
      wait(left);
    }
  }

  /** Index of the first message matching {@code p}, or -1. */
  public synchronized int indexOf(Predicate<JsonObject> p) {
    for (int i = 0; i < messages.size(); i++) {
      if (p.test(messages.get(i))) {
        return i;
      }
    }
    return -1;
  }

  public static Predicate<JsonObject> event(String name) {
    return m -> "event".equals(m.get("type").getAsString()) && name.equals(m.get("event").getAsString());
  }

  public static Predicate<JsonObject> response(int requestSeq) {
    return m -> "response".equals(m.get("type").getAsString()) && m.get("request_seq").getAsInt() == requestSeq;
  }

  public static Predicate<JsonObject> response(String command) {
    return m -> "response".equals(m.get("type").getAsString()) && command.equals(m.get("command").getAsString());
  }
}
