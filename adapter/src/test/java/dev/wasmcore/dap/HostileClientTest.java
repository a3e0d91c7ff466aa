package dev.wasmcore.dap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.wasmcore.dap.session.FileAccessPolicy;
import dev.wasmcore.dap.support.FakeSession;
import dev.wasmcore.dap.support.Harness;
import dev.wasmcore.dap.support.WireRecorder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed frames and bad requests from a client: each gets an error response or the connection closes; the server
 * never crashes and every message it does write is valid DAP.
 */
class HostileClientTest {
  @TempDir
  Path dir;

  private Harness raw() {
    return new Harness((o, p) -> new FakeSession(o), FileAccessPolicy.unrestricted(), false);
  }

  private static String message(JsonObject response) {
    return response.get("message").getAsString();
  }

  private static void assertErrorBody(JsonObject response) {
    assertFalse(response.get("success").getAsBoolean());
    JsonObject error = response.getAsJsonObject("body").getAsJsonObject("error");
    assertTrue(error.get("format").getAsString().length() > 0);
    assertTrue(error.has("id") && error.has("showUser"));
  }

  @Test
  void requestsBeforeInitializeUnknownCommandsAndWrongTypesGetErrors() throws Exception {
    try (Harness h = raw()) {
      h.raw("{\"seq\":1,\"type\":\"request\",\"command\":\"threads\"}");
      JsonObject early = h.wire.await(WireRecorder.response(1), 5000);
      assertErrorBody(early);
      assertTrue(message(early).contains("'initialize' first"), message(early));
      h.raw("{\"seq\":2,\"type\":\"request\",\"command\":\"initialize\",\"arguments\":{\"adapterID\":\"x\"}}");
      assertTrue(h.wire.await(WireRecorder.response(2), 5000).get("success").getAsBoolean());
      h.raw("{\"seq\":3,\"type\":\"request\",\"command\":\"fly\",\"arguments\":{}}");
      JsonObject unknown = h.wire.await(WireRecorder.response(3), 5000);
      assertErrorBody(unknown);
      assertTrue(message(unknown).contains("unknown command 'fly'"));
      h.raw("{\"seq\":4,\"type\":\"request\",\"command\":\"stackTrace\",\"arguments\":{\"threadId\":\"one\"}}");
      JsonObject wrongType = h.wire.await(WireRecorder.response(4), 5000);
      assertErrorBody(wrongType);
      assertTrue(message(wrongType).contains("invalid arguments for 'stackTrace'"), message(wrongType));
      h.raw("{\"seq\":5,\"type\":\"request\",\"command\":\"scopes\",\"arguments\":[1,2]}");
      assertErrorBody(h.wire.await(WireRecorder.response(5), 5000));
      h.raw("{\"seq\":6,\"type\":\"request\",\"command\":\"launch\",\"arguments\":{\"coreFile\":42}}");
      JsonObject badLaunch = h.wire.await(WireRecorder.response(6), 5000);
      assertTrue(message(badLaunch).contains("'coreFile' must be a string"), message(badLaunch));
      h.raw("{\"seq\":7,\"type\":\"request\",\"command\":\"initialize\",\"arguments\":{}}");
      assertErrorBody(h.wire.await(WireRecorder.response(7), 5000));
      h.raw("{\"seq\":8,\"type\":\"request\",\"arguments\":{}}");
      assertErrorBody(h.wire.await(WireRecorder.response(8), 5000));
      h.raw("{\"seq\":\"x\",\"type\":\"request\",\"command\":\"threads\"}");
      h.raw("{\"type\":\"event\",\"seq\":9,\"event\":\"stopped\"}");
      h.raw("{\"seq\":10,\"type\":\"request\",\"command\":\"threads\"}");
      JsonObject still = h.wire.await(WireRecorder.response(10), 5000);
      assertTrue(message(still).contains("no core dump is open"));
      assertFalse(h.ended.isDone());
      assertEquals(List.of(), h.wire.problems());
    }
  }

  @Test
  void aSecondLaunchIsRefused() throws Exception {
    Path core = Files.writeString(dir.resolve("c.core"), "x");
    try (Harness h = raw()) {
      h.raw("{\"seq\":1,\"type\":\"request\",\"command\":\"initialize\",\"arguments\":{}}");
      String launch = "{\"seq\":%d,\"type\":\"request\",\"command\":\"launch\",\"arguments\":{\"coreFile\":\"" + core
          + "\"}}";
      h.raw(String.format(launch, 2));
      assertTrue(h.wire.await(WireRecorder.response(2), 5000).get("success").getAsBoolean());
      h.raw(String.format(launch, 3));
      JsonObject second = h.wire.await(WireRecorder.response(3), 5000);
      assertErrorBody(second);
      assertTrue(message(second).contains("already opened"));
      assertEquals(List.of(), h.wire.problems());
    }
  }

  @Test
  void badContentLengthClosesTheConnection() throws Exception {
    for (String header : List.of("Content-Length: banana\r\n\r\n", "Content-Length: -5\r\n\r\n",
        "Content-Length: 99999999999\r\n\r\n", "Content-Type: x\r\n\r\n{}", "Content-Length: 0\r\n\r\n")) {
      try (Harness h = raw()) {
        h.rawBytes(header.getBytes(StandardCharsets.US_ASCII));
        h.ended.get(5, TimeUnit.SECONDS);
        assertTrue(h.log.stream().anyMatch(l -> l.contains("closing the connection")), header + ": " + h.log);
      }
    }
  }

  @Test
  void hugeHeadersCloseTheConnectionWithoutBufferingThem() throws Exception {
    try (Harness h = raw()) {
      byte[] junk = new byte[64 * 1024];
      java.util.Arrays.fill(junk, (byte) 'A');
      try {
        h.rawBytes(junk);
      } catch (java.io.IOException e) {
        // the server may stop reading first
      }
      h.ended.get(5, TimeUnit.SECONDS);
      assertTrue(h.log.stream().anyMatch(l -> l.contains("header section longer")), h.log.toString());
    }
  }

  @Test
  void contentThatIsNotJsonClosesTheConnection() throws Exception {
    try (Harness h = raw()) {
      h.raw("{\"seq\":1,\"type\":\"request\",\"command\":\"initialize\",\"arguments\":{}}");
      h.wire.await(WireRecorder.response(1), 5000);
      h.raw("this is not { json");
      h.ended.get(5, TimeUnit.SECONDS);
      assertEquals(List.of(), h.wire.problems());
    }
  }

  @Test
  void blankLinesBetweenFramesAndOtherHeadersAreTolerated() throws Exception {
    try (Harness h = raw()) {
      String body = "{\"seq\":1,\"type\":\"request\",\"command\":\"initialize\",\"arguments\":{}}";
      h.rawBytes(("\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\nContent-Length: " + body.length()
          + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
      assertTrue(h.wire.await(WireRecorder.response(1), 5000).get("success").getAsBoolean());
    }
  }
}
