package dev.wasmcore.dap.protocol;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Consumer;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.MessageIssueException;
import org.eclipse.lsp4j.jsonrpc.debug.messages.DebugResponseMessage;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.jsonrpc.messages.MessageIssue;
import org.eclipse.lsp4j.jsonrpc.messages.RequestMessage;

/**
 * Reads DAP frames ({@code Content-Length: N\r\n\r\n} + N bytes of JSON) from an untrusted client and hands each
 * parsed message to a consumer.
 *
 * <p>It replaces lsp4j's {@code StreamMessageProducer}, which keeps every header byte in two unbounded
 * StringBuilders, reads any Content-Length, logs and drops unparseable messages without an answer and resynchronises
 * on garbage by guessing. Here:
 * <ul>
 *   <li>the header section is at most {@link #MAX_HEADER_BYTES}; Content-Length must be 1..{@code maxContentLength};
 *       a frame that breaks these rules ends the connection (there is no frame to answer);
 *   <li>a message that is JSON but not a valid request (wrong field types, missing fields) gets an error response
 *       when its {@code seq} and {@code command} can be read, else it is logged and skipped;
 *   <li>content that is not JSON ends the connection: the peer does not speak DAP.
 * </ul>
 */
public final class FrameReader {
  /** Upper bound of the header section of one frame, blank lines before it included. */
  public static final int MAX_HEADER_BYTES = 8192;

  private final InputStream input;
  private final MessageJsonHandler json;
  private final Consumer<Message> errorWriter;
  private final Consumer<String> log;
  private final int maxContentLength;
  private volatile boolean closed;

  /**
   * @param input the client's byte stream
   * @param json lsp4j's handler (the connection's gson and message type adapter)
   * @param errorWriter where error responses to invalid requests go (the outgoing channel)
   * @param log one-line diagnostics (stderr)
   * @param maxContentLength the largest message accepted, in bytes
   */
  public FrameReader(InputStream input, MessageJsonHandler json, Consumer<Message> errorWriter, Consumer<String> log,
      int maxContentLength) {
    // Buffered: headers are read byte by byte. Also, FileInputStream.readNBytes seeks, which fails on a pipe
    // ("Illegal seek") on some JDKs, so content is read with plain read calls below.
    this.input = new BufferedInputStream(input, 1 << 16);
    this.json = json;
    this.errorWriter = errorWriter;
    this.log = log;
    this.maxContentLength = maxContentLength;
  }

  /** Reads until the input ends, the framing breaks, or {@link #close()}; never throws. */
  public void listen(MessageConsumer consumer) {
    try {
      while (!closed) {
        int length = readHeader();
        if (length < 0) {
          return;
        }
        byte[] content = new byte[length];
        int got = 0;
        while (got < length) {
          int n = input.read(content, got, length - got);
          if (n < 0) {
            log.accept("input ended inside a message (" + got + " of " + length + " bytes)");
            return;
          }
          got += n;
        }
        if (!deliver(new String(content, StandardCharsets.UTF_8), consumer)) {
          return;
        }
      }
    } catch (FramingException e) {
      log.accept("closing the connection: " + e.getMessage());
    } catch (IOException e) {
      if (!closed) {
        log.accept("input closed: " + e.getMessage());
      }
    }
  }

  /** Stops reading after the current frame. */
  public void close() {
    closed = true;
  }

  /**
   * Reads the header lines up to the blank line that ends them.
   *
   * @return the Content-Length, or -1 when the input ended cleanly before a frame
   */
  private int readHeader() throws IOException {
    int total = 0;
    long contentLength = -1;
    boolean sawHeader = false;
    StringBuilder line = new StringBuilder();
    while (true) {
      int c = input.read();
      if (c < 0) {
        if (!sawHeader && line.length() == 0) {
          return -1;
        }
        throw new FramingException("input ended inside a header");
      }
      if (++total > MAX_HEADER_BYTES) {
        throw new FramingException("header section longer than " + MAX_HEADER_BYTES + " bytes");
      }
      if (c == '\r') {
        continue;
      }
      if (c != '\n') {
        if (c < 0x20 && c != '\t' || c > 0x7e) {
          throw new FramingException("a header contains byte 0x" + Integer.toHexString(c));
        }
        line.append((char) c);
        continue;
      }
      if (line.length() == 0) {
        if (!sawHeader) {
          continue; // blank lines between frames are tolerated
        }
        if (contentLength < 0) {
          throw new FramingException("a frame has no Content-Length header");
        }
        return (int) contentLength;
      }
      sawHeader = true;
      contentLength = parseHeaderLine(line.toString(), contentLength);
      line.setLength(0);
    }
  }

  private long parseHeaderLine(String line, long current) {
    int colon = line.indexOf(':');
    if (colon < 0) {
      throw new FramingException("header line without ':': '" + abbreviate(line) + "'");
    }
    String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
    if (!name.equals("content-length")) {
      return current; // Content-Type and others are accepted and ignored: DAP content is UTF-8
    }
    String value = line.substring(colon + 1).trim();
    long length;
    try {
      length = value.length() > 12 ? Long.MAX_VALUE : Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new FramingException("Content-Length is not a number: '" + abbreviate(value) + "'");
    }
    if (length <= 0 || length > maxContentLength) {
      throw new FramingException("Content-Length " + abbreviate(value) + " is outside 1.." + maxContentLength);
    }
    return length;
  }

  /** Parses and delivers one message; false ends the connection. */
  private boolean deliver(String text, MessageConsumer consumer) {
    Message message;
    try {
      message = json.parseMessage(new StringReader(text));
    } catch (MessageIssueException e) {
      Message broken = e.getRpcMessage();
      if (broken instanceof RequestMessage request && request.getMethod() != null) {
        answer(request.getId(), request.getMethod(), "invalid request '" + request.getMethod() + "': "
            + describe(e));
      } else {
        log.accept("skipped an invalid message: " + describe(e));
      }
      return true;
    } catch (RuntimeException e) {
      return answerUnparsed(text, e);
    }
    if (message == null) {
      log.accept("skipped a null message");
      return true;
    }
    consumer.consume(message);
    return true;
  }

  /** lsp4j could not build a message: answer it when it is a request we can identify. */
  private boolean answerUnparsed(String text, RuntimeException cause) {
    JsonElement element;
    try {
      element = JsonParser.parseString(text);
    } catch (RuntimeException notJson) {
      log.accept("closing the connection: a message is not JSON (" + abbreviate(String.valueOf(notJson.getMessage()))
          + ")");
      return false;
    }
    if (element.isJsonObject()) {
      JsonObject o = element.getAsJsonObject();
      Integer seq = intField(o, "seq");
      String command = stringField(o, "command");
      if (seq != null && command != null && !"response".equals(stringField(o, "type"))
          && !"event".equals(stringField(o, "type"))) {
        answer(String.valueOf(seq), command, "invalid request '" + command + "': "
            + abbreviate(String.valueOf(rootMessage(cause))));
        return true;
      }
    }
    log.accept("skipped a message that is not a DAP request: " + abbreviate(String.valueOf(rootMessage(cause))));
    return true;
  }

  private void answer(String requestSeq, String command, String message) {
    DebugResponseMessage response = new DebugResponseMessage();
    try {
      response.setId(Integer.parseInt(requestSeq));
    } catch (NumberFormatException e) {
      response.setId(0);
    }
    response.setMethod(command);
    response.setError(ErrorBodies.error(ErrorId.INVALID_MESSAGE, message));
    errorWriter.accept(response);
  }

  private static String describe(MessageIssueException e) {
    StringBuilder sb = new StringBuilder();
    for (MessageIssue issue : e.getIssues()) {
      if (sb.length() > 0) {
        sb.append("; ");
      }
      sb.append(issue.getText());
      if (issue.getCause() != null) {
        sb.append(" (").append(rootMessage(issue.getCause())).append(')');
      }
    }
    return abbreviate(sb.toString());
  }

  private static String rootMessage(Throwable t) {
    Throwable root = t;
    for (int i = 0; i < 10 && root.getCause() != null; i++) {
      root = root.getCause();
    }
    return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
  }

  private static Integer intField(JsonObject o, String name) {
    JsonElement e = o.get(name);
    if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
      return null;
    }
    try {
      return e.getAsInt();
    } catch (NumberFormatException ex) {
      return null;
    }
  }

  private static String stringField(JsonObject o, String name) {
    JsonElement e = o.get(name);
    return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString() ? e.getAsString() : null;
  }

  private static String abbreviate(String s) {
    return s.length() > 200 ? s.substring(0, 200) + "..." : s;
  }

  /** A frame that cannot be read: the connection ends. */
  private static final class FramingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    FramingException(String message) {
      super(message);
    }
  }
}
