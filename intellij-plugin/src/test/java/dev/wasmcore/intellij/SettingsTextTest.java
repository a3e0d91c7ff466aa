package dev.wasmcore.intellij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTextTest {
  @Test
  void pathListsSplitOnTheSeparatorAndDropBlanks() {
    assertEquals(List.of("/a/x.wasm", "/b/y.wasm"), SettingsText.splitPaths(" /a/x.wasm : :/b/y.wasm ", ":"));
    assertEquals(List.of("C:\\m\\x.wasm", "D:\\y.wasm"), SettingsText.splitPaths("C:\\m\\x.wasm;D:\\y.wasm", ";"));
    assertEquals(List.of(), SettingsText.splitPaths(null, ":"));
    assertEquals(List.of("/a", "/b"), SettingsText.splitPaths(SettingsText.joinPaths(List.of("/a", "/b"))));
  }

  @Test
  void sourceMapLinesRoundTrip() {
    Map<String, String> map = SettingsText.parseSourceMap("# comment\n/corpus/src = /home/me/src\r\n\n/x=/y=z\n");
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("/corpus/src", "/home/me/src");
    expected.put("/x", "/y=z");
    assertEquals(expected, map, "the first '=' splits, blank and # lines are skipped");
    assertEquals(expected, SettingsText.parseSourceMap(SettingsText.formatSourceMap(expected)));
  }

  @Test
  void sourceMapLineWithoutBothSidesIsRejectedWithItsLineNumber() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SettingsText.parseSourceMap("/a=/b\n/only-left\n"));
    assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> SettingsText.parseSourceMap("=/b"));
    assertThrows(IllegalArgumentException.class, () -> SettingsText.parseSourceMap("/a="));
  }
}
