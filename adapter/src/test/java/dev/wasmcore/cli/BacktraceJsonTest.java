package dev.wasmcore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@code bt --json} escapes strings as Gson does without HTML escaping, whatever the characters and their order. */
class BacktraceJsonTest {
  private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

  private static String quoted(String s) {
    StringBuilder b = new StringBuilder();
    BacktraceJson.quote(s, b);
    return b.toString();
  }

  @Test
  void escapesAsGson() {
    for (String s : new String[] {"", "plain", "/a/b.c", "say \"hi\"", "back\\slash", "tab\there", "nl\n", "\r\f\b",
        "\u0001\u001f", "line\u2028para\u2029", "ns::f<T>(int) const", "π ≠ 3", "\"", "end\\"}) {
      assertEquals(GSON.toJson(s), quoted(s), s);
    }
    Random random = new Random(20261123);
    char[] alphabet = {'a', 'Z', '"', '\\', '\n', '\u0000', '\u001f', ' ', '\u2028', '\u2029', 'é', '<', '&'};
    for (int n = 0; n < 500; n++) {
      StringBuilder s = new StringBuilder();
      for (int k = random.nextInt(12); k > 0; k--) {
        s.append(alphabet[random.nextInt(alphabet.length)]);
      }
      assertEquals(GSON.toJson(s.toString()), quoted(s.toString()), s.toString());
    }
  }
}
