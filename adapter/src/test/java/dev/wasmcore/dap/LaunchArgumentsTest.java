package dev.wasmcore.dap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.wasmcore.dap.protocol.DapException;
import dev.wasmcore.dap.session.ClientConventions;
import dev.wasmcore.dap.session.FileAccessPolicy;
import dev.wasmcore.dap.session.LaunchArguments;
import dev.wasmcore.inspect.SessionOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** launch/attach arguments: every form accepted, every mistake explained; conversions for URI clients. */
class LaunchArgumentsTest {
  @TempDir
  Path dir;

  private SessionOptions parse(String json, ClientConventions c) {
    JsonObject o = JsonParser.parseString(json).getAsJsonObject();
    return LaunchArguments.parse("launch", o, c, FileAccessPolicy.unrestricted());
  }

  private String error(String json) {
    return assertThrows(DapException.class, () -> parse(json, ClientConventions.DEFAULT)).getMessage();
  }

  @Test
  void acceptsEveryDocumentedForm() throws Exception {
    Path core = Files.writeString(dir.resolve("a.core"), "x");
    Path m1 = Files.writeString(dir.resolve("a.wasm"), "x");
    Path m2 = Files.writeString(dir.resolve("b.wasm"), "x");
    SessionOptions o = parse("{\"coreFile\":\"a.core\",\"cwd\":\"" + dir + "\",\"program\":[\"a.wasm\",\"" + m2
        + "\"],\"debugInfoPaths\":\"dbg\",\"sourceMap\":{\"/build\":\"/here\"},\"sourceSearchPaths\":[\"/src\"],"
        + "\"limits\":{\"maxStringLength\":10},\"name\":\"x\",\"__sessionId\":\"y\"}", ClientConventions.DEFAULT);
    assertEquals(core, o.coreFile());
    assertEquals(List.of(m1, m2), o.programs());
    assertEquals(List.of(dir.resolve("dbg")), o.debugInfoPaths());
    assertEquals("/here", o.sourceMap().get("/build"));
    assertEquals(10, o.limits().maxStringLength());
    assertEquals(100, o.limits().maxArrayElements());
    SessionOptions uri = parse("{\"coreFile\":\"" + core.toUri() + "\"}", new ClientConventions(true, true, true));
    assertEquals(core, uri.coreFile());
  }

  @Test
  void explainsEachMistake() throws Exception {
    Path core = Files.writeString(dir.resolve("a.core"), "x");
    assertTrue(error("{}").contains("'coreFile' is required"));
    assertTrue(error("{\"coreFile\":[1]}").contains("'coreFile' must be a string"));
    assertTrue(error("{\"coreFile\":\"" + dir + "\"}").contains("is not a file"));
    String c = "{\"coreFile\":\"" + core + "\",";
    assertTrue(error(c + "\"program\":{}}").contains("'program' must be a path or an array"));
    assertTrue(error(c + "\"program\":\"nope.wasm\"}").contains("does not exist"));
    assertTrue(error(c + "\"sourceMap\":[\"a\"]}").contains("'sourceMap' must be an object"));
    assertTrue(error(c + "\"sourceMap\":{\"/a\":1}}").contains("must map to a string"));
    assertTrue(error(c + "\"limits\":{\"maxStringLength\":-1}}").contains("positive integer"));
    assertTrue(error(c + "\"limits\":{\"speed\":1}}").contains("not a known limit"));
    assertTrue(error(c + "\"debugInfoPaths\":[\"\"]}").contains("non-empty strings"));
  }

  @Test
  void conventionsConvertLinesColumnsAndPaths() {
    ClientConventions zero = new ClientConventions(false, false, true);
    assertEquals(20, zero.toClientLine(21));
    assertEquals(0, zero.toClientLine(0));
    assertEquals(0, zero.toClientColumn(1));
    assertEquals(21, zero.fromClientLine(20));
    assertEquals("file:///a/b.c", zero.toClientPath("/a/b.c"));
    assertEquals("rel/b.c", zero.toClientPath("rel/b.c"));
    assertEquals("/a/b.c", ClientConventions.DEFAULT.toClientPath("/a/b.c"));
  }
}
