package dev.wasmcore.dap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.wasmcore.dap.support.DapSchema;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The schema validator used on every message in the protocol tests rejects what the DAP schema rejects. */
class DapSchemaTest {
  private DapSchema schema;

  @BeforeEach
  void load() {
    schema = DapSchema.locate();
    Assumptions.assumeTrue(schema != null, "shared/dap/debugAdapterProtocol.json not present");
  }

  private static JsonObject json(String s) {
    return JsonParser.parseString(s).getAsJsonObject();
  }

  @Test
  void acceptsValidMessages() {
    assertEquals(List.of(), schema.validate(json("{\"seq\":3,\"type\":\"response\",\"request_seq\":2,"
        + "\"success\":true,\"command\":\"stackTrace\",\"body\":{\"stackFrames\":[{\"id\":1,\"name\":\"f\","
        + "\"line\":1,\"column\":2,\"source\":{\"path\":\"/a.c\",\"presentationHint\":\"deemphasize\"}}],"
        + "\"totalFrames\":1}}")));
    assertEquals(List.of(), schema.validate(json("{\"seq\":1,\"type\":\"event\",\"event\":\"stopped\","
        + "\"body\":{\"reason\":\"exception\",\"allThreadsStopped\":true}}")));
    assertEquals("ErrorResponse", schema.definitionFor(json("{\"type\":\"response\",\"success\":false,"
        + "\"command\":\"launch\"}")));
  }

  @Test
  void rejectsWhatTheSchemaRejects() {
    List<String> noFrames = schema.validate(json("{\"seq\":3,\"type\":\"response\",\"request_seq\":2,"
        + "\"success\":true,\"command\":\"stackTrace\",\"body\":{}}"));
    assertTrue(noFrames.toString().contains("stackFrames"), noFrames.toString());
    List<String> badHint = schema.validate(json("{\"seq\":3,\"type\":\"response\",\"request_seq\":2,"
        + "\"success\":true,\"command\":\"stackTrace\",\"body\":{\"stackFrames\":[{\"id\":1,\"name\":\"f\","
        + "\"line\":1,\"column\":2,\"source\":{\"presentationHint\":\"greyed\"}}]}}"));
    assertFalse(badHint.isEmpty());
    List<String> stringLine = schema.validate(json("{\"seq\":3,\"type\":\"response\",\"request_seq\":2,"
        + "\"success\":true,\"command\":\"stackTrace\",\"body\":{\"stackFrames\":[{\"id\":1,\"name\":\"f\","
        + "\"line\":\"1\",\"column\":2}]}}"));
    assertFalse(stringLine.isEmpty());
    assertFalse(schema.validate(json("{\"seq\":1.5,\"type\":\"event\",\"event\":\"initialized\"}")).isEmpty());
    assertFalse(schema.validate(json("{\"seq\":4,\"type\":\"response\",\"request_seq\":2,\"success\":false,"
        + "\"command\":\"launch\"}")).isEmpty(), "an error response needs a message");
  }
}
