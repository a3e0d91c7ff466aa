package dev.wasmcore.intellij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The LSP4IJ user template in {@code templates/wasmcore/} has the shape LSP4IJ 0.20.1's template import reads
 * ({@code DAPTemplateManager}, {@code DAPTemplateDeserializer}, {@code ServerTemplateJsonDeserializer}).
 */
class TemplateFormatTest {
  static final Path DIR = Path.of(System.getProperty("wasmcore.templates"), "wasmcore");

  static JsonObject json(String name) throws IOException {
    return JsonParser.parseString(Files.readString(DIR.resolve(name))).getAsJsonObject();
  }

  @Test
  void folderHoldsTheTemplateAndFilesLsp4ijRecognisesByName() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
      assertEquals(List.of("attach.json", "launch.json", "template.json"), names);
    }
    // LSP4IJ turns every file whose name starts with "launch." / "attach." into a launch configuration.
    assertTrue("launch.json".startsWith("launch.") && "attach.json".startsWith("attach."));
  }

  @Test
  void templateDeclaresIdNameLaunchCommandsAttachAndMappings() throws IOException {
    JsonObject t = json("template.json");
    assertEquals("wasmcore", t.get("id").getAsString());
    assertFalse(t.get("name").getAsString().isBlank());
    // "launch" is read as Map<String, String> keyed by OS ("windows", "mac", "unix") or "default".
    JsonObject launch = t.getAsJsonObject("launch");
    for (Map.Entry<String, JsonElement> e : launch.entrySet()) {
      assertTrue(Set.of("default", "windows", "mac", "unix").contains(e.getKey()), e.getKey());
      assertTrue(e.getValue().isJsonPrimitive() && e.getValue().getAsJsonPrimitive().isString(), e.toString());
    }
    assertTrue(launch.get("default").getAsString().endsWith("/adapter/wasmcore dap"), launch.toString());
    assertTrue(launch.get("windows").getAsString().endsWith("\\adapter\\wasmcore.cmd dap"), launch.toString());
    assertFalse(t.has("debugServerReadyPattern"), "stdio: no ready pattern, LSP4IJ talks over the process streams");

    JsonObject attach = t.getAsJsonObject("attach");
    JsonObject attachJson = json("attach.json");
    assertEquals("127.0.0.1", resolve(attach.get("address").getAsString(), attachJson).getAsString());
    int port = resolve(attach.get("port").getAsString(), attachJson).getAsInt();
    assertTrue(port > 0 && port < 65536, "port " + port);

    JsonObject mapping = t.getAsJsonArray("fileTypeMappings").get(0).getAsJsonObject();
    assertTrue(mapping.has("languageId"));
    List<String> patterns = mapping.getAsJsonObject("fileType").getAsJsonArray("patterns").asList().stream()
        .map(JsonElement::getAsString).toList();
    assertTrue(patterns.contains("*.core"), patterns.toString());
  }

  /** LSP4IJ's attach address/port: a "$a.b" path into the attach JSON, or a literal. */
  static JsonElement resolve(String ref, JsonObject attachJson) {
    if (!ref.startsWith("$")) {
      return JsonParser.parseString(ref);
    }
    JsonElement current = attachJson;
    for (String key : ref.substring(1).split("\\.")) {
      current = current.getAsJsonObject().get(key);
    }
    return current;
  }

  @Test
  void launchAndAttachCarryTheAdaptersArgumentsAndOnlyVariablesLsp4ijKnows() throws IOException {
    JsonObject launch = json("launch.json");
    assertEquals("wasmcore", launch.get("type").getAsString());
    assertEquals("launch", launch.get("request").getAsString());
    assertFalse(launch.get("name").getAsString().isBlank());
    assertEquals("${file}", launch.get("coreFile").getAsString(), "the dump is the file the configuration names");
    assertTrue(launch.get("program").isJsonArray());
    assertTrue(launch.get("sourceMap").isJsonObject());
    assertTrue(launch.get("debugInfoPaths").isJsonArray());

    JsonObject attach = json("attach.json");
    assertEquals("wasmcore", attach.get("type").getAsString());
    assertEquals("attach", attach.get("request").getAsString());
    assertEquals("${file}", attach.get("coreFile").getAsString());
    assertTrue(attach.get("port").getAsJsonPrimitive().isNumber());

    Pattern variable = Pattern.compile("\\$\\{(\\w+)}");
    for (String name : List.of("launch.json", "attach.json", "template.json")) {
      Matcher m = variable.matcher(Files.readString(DIR.resolve(name)));
      while (m.find()) {
        assertTrue(Set.of("file", "workspaceFolder").contains(m.group(1)), name + " uses ${" + m.group(1) + "}");
      }
    }
  }
}
