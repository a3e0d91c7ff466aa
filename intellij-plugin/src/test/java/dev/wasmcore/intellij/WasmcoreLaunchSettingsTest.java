package dev.wasmcore.intellij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WasmcoreLaunchSettingsTest {

  private static WasmcoreLaunchSettings full() {
    WasmcoreLaunchSettings s = new WasmcoreLaunchSettings();
    s.setCoreFile(" /dumps/app.core ");
    s.setPrograms(List.of("/build/app.wasm", "/build/lib.wasm"));
    s.setDebugInfoPaths(List.of("/build/debug", " "));
    Map<String, String> map = new LinkedHashMap<>();
    map.put("/corpus/src", "/home/me/src");
    map.put("/rustc/abc", "/home/me/rust");
    s.setSourceMap(map);
    s.setSourceSearchPaths(List.of("/home/me/project"));
    return s;
  }

  @Test
  void launchParametersCarryEveryFieldUnderTheAdaptersNames() {
    Map<String, Object> p = full().toDapParameters("crash");
    assertEquals("wasmcore", p.get("type"));
    assertEquals("launch", p.get("request"));
    assertEquals("crash", p.get("name"));
    assertEquals("/dumps/app.core", p.get("coreFile"));
    assertEquals(List.of("/build/app.wasm", "/build/lib.wasm"), p.get("program"));
    assertEquals(List.of("/build/debug"), p.get("debugInfoPaths"), "blank entries are dropped");
    assertEquals(Map.of("/corpus/src", "/home/me/src", "/rustc/abc", "/home/me/rust"), p.get("sourceMap"));
    assertEquals(List.of("/corpus/src", "/rustc/abc"),
        List.copyOf(((Map<?, ?>) p.get("sourceMap")).keySet()), "source map keeps the user's order");
    assertEquals(List.of("/home/me/project"), p.get("sourceSearchPaths"));
  }

  @Test
  void oneModuleIsAStringAndNoModuleLeavesProgramOut() {
    WasmcoreLaunchSettings s = new WasmcoreLaunchSettings();
    s.setCoreFile("/d/x.core");
    Map<String, Object> none = s.toDapParameters(null);
    assertFalse(none.containsKey("program"), "the adapter then looks for the module the dump names");
    assertFalse(none.containsKey("debugInfoPaths"));
    assertFalse(none.containsKey("sourceMap"));
    assertFalse(none.containsKey("sourceSearchPaths"));
    assertEquals("wasmcore core dump", none.get("name"));
    s.setPrograms(List.of("/d/x.wasm"));
    assertEquals("/d/x.wasm", s.toDapParameters("n").get("program"));
  }

  @Test
  void remoteServerMakesAnAttachRequestWithTheSameArguments() {
    WasmcoreLaunchSettings s = full();
    s.setRemote(true);
    s.setHost("");
    s.setPort(5005);
    Map<String, Object> p = s.toDapParameters("remote");
    assertEquals("attach", p.get("request"));
    assertEquals("/dumps/app.core", p.get("coreFile"));
    assertEquals(WasmcoreLaunchSettings.DEFAULT_HOST, s.getHost(), "blank host falls back to loopback");
  }

  @Test
  void problemsNameWhatToFix() {
    WasmcoreLaunchSettings s = new WasmcoreLaunchSettings();
    assertTrue(s.problem().contains("core dump"));
    s.setCoreFile("/d/x.core");
    assertNull(s.problem());
    s.setRemote(true);
    s.setPort(0);
    assertTrue(s.problem().contains("port"));
    s.setPort(70000);
    assertTrue(s.problem().contains("70000"));
    s.setPort(4711);
    assertNull(s.problem());
    s.setSourceMap(Map.of("/build", ""));
    assertTrue(s.problem().contains("/build"));
  }

  @Test
  void storedFieldsReadBackEqual() {
    WasmcoreLaunchSettings s = full();
    s.setRemote(true);
    s.setHost("10.0.0.5");
    s.setPort(6000);
    Map<String, String> store = new HashMap<>();
    s.writeTo(new MapStore(store));
    assertEquals("/build/lib.wasm", store.get("program.1"), "lists are stored one value per field");
    WasmcoreLaunchSettings back = new WasmcoreLaunchSettings();
    back.readFrom(new MapStore(store));
    assertEquals(s.toDapParameters("x"), back.toDapParameters("x"));
    assertEquals("10.0.0.5", back.getHost());
    assertEquals(6000, back.getPort());
  }

  @Test
  void missingOrMalformedFieldsKeepDefaults() {
    Map<String, String> store = new HashMap<>();
    store.put("coreFile", "/d/a.core");
    store.put("port", "not a number");
    store.put("program.0", "/d/a.wasm");
    store.put("program.2", "/d/skipped-after-gap.wasm");
    WasmcoreLaunchSettings back = new WasmcoreLaunchSettings();
    back.readFrom(new MapStore(store));
    assertEquals(WasmcoreLaunchSettings.DEFAULT_PORT, back.getPort());
    assertEquals(List.of("/d/a.wasm"), back.getPrograms());
    assertFalse(back.isRemote());
    assertEquals(WasmcoreLaunchSettings.DEFAULT_HOST, back.getHost());
  }

  @Test
  void copyIsDeep() {
    WasmcoreLaunchSettings s = full();
    WasmcoreLaunchSettings c = s.copy();
    assertNotSame(s, c);
    c.setPrograms(List.of("/other.wasm"));
    c.setSourceMap(Map.of());
    assertEquals(2, s.getPrograms().size());
    assertEquals(2, s.getSourceMap().size());
    assertEquals(full().toDapParameters("a"), s.toDapParameters("a"));
  }

  /** A FieldStore over a map, as the IDE's XML element is in the plugin. */
  record MapStore(Map<String, String> map) implements WasmcoreLaunchSettings.FieldStore {
    @Override
    public void put(String name, String value) {
      map.put(name, value);
    }

    @Override
    public String get(String name) {
      return map.get(name);
    }
  }
}
