package dev.wasmcore.symbolize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceMapTest {
  @Test
  void longestPrefixOnComponentBoundaries() {
    SourceMap m = SourceMap.parse(List.of("/corpus=/x", "/corpus/src=/home/me/src", "/usr/src/rustc-1.63.0/=/r/"));
    assertEquals("/home/me/src/crash.c", m.apply("/corpus/src/crash.c"));
    assertEquals("/x/sqlite-3.40.1/sqlite3.c", m.apply("/corpus/sqlite-3.40.1/sqlite3.c"));
    assertEquals("/corpus-other/a.c", m.apply("/corpus-other/a.c"));
    assertEquals("/r/library/std/src/rt.rs", m.apply("/usr/src/rustc-1.63.0/library/std/src/rt.rs"));
    assertEquals("/home/me/src", m.apply("/corpus/src"));
    assertEquals("./build/a.c", m.apply("./build/a.c"));
    assertNull(m.apply(null));
    assertEquals("/corpus/src/crash.c", m.reverse("/home/me/src/crash.c"));
  }

  @Test
  void fromMapAndBadRules() {
    assertEquals("../src/crash.c", SourceMap.of(Map.of("/corpus/src", "../src")).apply("/corpus/src/crash.c"));
    assertThrows(IllegalArgumentException.class, () -> SourceMap.parse(List.of("no-equals")));
    assertThrows(IllegalArgumentException.class, () -> SourceMap.parse(List.of("=/x")));
    assertEquals("/a", SourceMap.empty().apply("/a"));
  }
}
