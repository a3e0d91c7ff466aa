package dev.wasmcore.inspect.value;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Reads bounded strings from linear memory and quotes them for display. */
public final class Strings {
  private Strings() {}

  /**
   * Text read from memory.
   *
   * @param text the decoded text (UTF-8, invalid sequences replaced)
   * @param truncated true when the limit was reached before the end
   */
  public record Text(String text, boolean truncated) {
    public String quoted() {
      return quote(text) + (truncated ? "..." : "");
    }
  }

  /** A NUL-terminated string at {@code address}, at most {@code max} bytes. */
  public static Text cString(ValueEnv env, long address, int max) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] chunk = new byte[64];
    long at = address;
    while (out.size() < max) {
      int want = Math.min(chunk.length, max - out.size());
      int got = env.readMemory(at, chunk, 0, want);
      for (int i = 0; i < got; i++) {
        if (chunk[i] == 0) {
          out.write(chunk, 0, i);
          return new Text(out.toString(StandardCharsets.UTF_8), false);
        }
      }
      out.write(chunk, 0, got);
      if (got < want) {
        if (out.size() == 0) {
          throw ValueUnavailableException.unreadable(at);
        }
        return new Text(out.toString(StandardCharsets.UTF_8) + "<unreadable memory at 0x"
            + Long.toHexString(at + got) + ">", false);
      }
      at += got;
    }
    return new Text(out.toString(StandardCharsets.UTF_8), true);
  }

  /** Exactly {@code length} bytes (a Rust {@code &str}, a C++ string), at most {@code max}. */
  public static Text counted(ValueEnv env, long address, long length, int max) {
    if (length < 0) {
      throw new ValueUnavailableException(dev.wasmcore.inspect.VariableView.ValueState.ERROR,
          "negative string length " + length);
    }
    int n = (int) Math.min(length, max);
    byte[] b = new byte[n];
    int got = env.readMemory(address, b, 0, n);
    if (got < n) {
      throw ValueUnavailableException.unreadable(address + got);
    }
    return new Text(new String(b, StandardCharsets.UTF_8), length > max);
  }

  /** Bytes of a char array up to its first NUL. */
  public static Text fromArray(byte[] bytes) {
    int n = 0;
    while (n < bytes.length && bytes[n] != 0) {
      n++;
    }
    return new Text(new String(bytes, 0, n, StandardCharsets.UTF_8), false);
  }

  /** C-style quoting with escapes. */
  public static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            sb.append(String.format("\\x%02x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  /** A character literal for a code point: {@code 'a'}, {@code '\n'}, {@code '\x00'}. */
  public static String charLiteral(long code) {
    return charLiteral(code, false);
  }

  /** A character literal; {@code unicode} for UTF code units (Rust {@code char}), else bytes above 0x7f escape. */
  public static String charLiteral(long code, boolean unicode) {
    if (code == '\'') {
      return "'\\''";
    }
    if (code == '\\') {
      return "'\\\\'";
    }
    if (code == '\n') {
      return "'\\n'";
    }
    if (code == '\t') {
      return "'\\t'";
    }
    if (code == '\r') {
      return "'\\r'";
    }
    if (code == 0) {
      return "'\\0'";
    }
    if (code < 0x20 || code == 0x7f || code < 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
      return String.format("'\\x%02x'", code & 0xFFFFFFFFL);
    }
    if (code >= 0x80 && code < 0x100 && !unicode) {
      return String.format("'\\x%02x'", code);
    }
    return "'" + new String(Character.toChars((int) code)) + "'";
  }
}
