package dev.wasmcore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@code bt --json} escapes strings as Gson does without HTML escaping, whatever the characters and their order, and
 * writes the document of its contract: keys in order, nulls written, one frame per line.
 */
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

  @Test
  void documentIsTheContractsTree() {
    BacktraceEntry full = new BacktraceEntry(0, 0, 2L, "app \"x\".wasm", 7, 12, 0x1234, "ns::f<T>()", "/src/a\\b.c",
        42, 5, true);
    BacktraceEntry bare = new BacktraceEntry(1, 0, null, null, 3, 0, 0x10, null, null, null, null, false);
    String text = BacktraceJson.toJson("/tmp/core\ntab\t", List.of(new BacktraceThread(1, "main", List.of(full, bare)),
        new BacktraceThread(2, null, List.of())));

    assertEquals("{\"core\": \"/tmp/core\\ntab\\t\", \"threads\": [{\"id\": 1, \"name\": \"main\", \"frames\": [\n"
        + "  {\"index\": 0, \"physicalIndex\": 0, \"instance\": 2, \"module\": \"app \\\"x\\\".wasm\", \"funcIndex\": 7, "
        + "\"codeOffset\": 12, \"dwarfAddress\": 4660, \"function\": \"ns::f<T>()\", \"file\": \"/src/a\\\\b.c\", "
        + "\"line\": 42, \"column\": 5, \"inlined\": true},\n"
        + "  {\"index\": 1, \"physicalIndex\": 0, \"instance\": null, \"module\": null, \"funcIndex\": 3, "
        + "\"codeOffset\": 0, \"dwarfAddress\": 16, \"function\": null, \"file\": null, \"line\": null, "
        + "\"column\": null, \"inlined\": false}]}, {\"id\": 2, \"name\": null, \"frames\": []}]}\n", text);

    JsonObject doc = JsonParser.parseString(text).getAsJsonObject();
    JsonArray frames = doc.getAsJsonArray("threads").get(0).getAsJsonObject().getAsJsonArray("frames");
    JsonObject first = frames.get(0).getAsJsonObject();
    assertEquals(List.of("index", "physicalIndex", "instance", "module", "funcIndex", "codeOffset", "dwarfAddress",
        "function", "file", "line", "column", "inlined"), List.copyOf(first.keySet()));
    assertEquals("app \"x\".wasm", first.get("module").getAsString());
    assertEquals("/src/a\\b.c", first.get("file").getAsString());
    JsonElement instance = frames.get(1).getAsJsonObject().get("instance");
    assertEquals(true, instance.isJsonNull());
  }
}
