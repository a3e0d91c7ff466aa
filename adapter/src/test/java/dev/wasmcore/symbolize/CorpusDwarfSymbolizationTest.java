package dev.wasmcore.symbolize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.wasmcore.dwarf.DwarfInfo;
import dev.wasmcore.dwarf.testsupport.WasmDebugSections;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The correctness bar of issue 4 at the DWARF level: for every frame of every corpus dump, symbolizing the expected
 * file's {@code dwarfAddress} gives exactly the {@code symbolized} list that llvm-symbolizer-16 gave (function
 * name, file, line, column, inlined levels in order). Frames that no DWARF covers give no source frames, which the
 * symbolizer prints as one empty entry. Skipped when the corpus is absent.
 */
class CorpusDwarfSymbolizationTest {
  static Path corpus() {
    String p = System.getProperty("wasmcore.corpus");
    Assumptions.assumeTrue(p != null && Files.isDirectory(Path.of(p, "expected")), "corpus not available");
    return Path.of(p);
  }

  static String line(String fn, String file, long line, long col) {
    return fn + " | " + file + " | " + line + " | " + col;
  }

  static List<String> expected(JsonObject frame) {
    List<String> x = new ArrayList<>();
    for (JsonElement se : frame.getAsJsonArray("symbolized")) {
      JsonObject so = se.getAsJsonObject();
      x.add(line(so.get("FunctionName").getAsString(), so.get("FileName").getAsString(),
          so.get("Line").getAsLong(), so.get("Column").getAsLong()));
    }
    return x;
  }

  @TestFactory
  Stream<DynamicTest> everyCorpusFrameMatchesTheSymbolizer() throws IOException {
    Path corpus = corpus();
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> files = Files.list(corpus.resolve("expected"))) {
      for (Path e : files.sorted().toList()) {
        tests.add(DynamicTest.dynamicTest(e.getFileName().toString(), () -> check(corpus, e)));
      }
    }
    assertTrue(tests.size() >= 10);
    return tests.stream();
  }

  private static void check(Path corpus, Path expectedFile) throws IOException {
    JsonObject o = JsonParser.parseString(Files.readString(expectedFile)).getAsJsonObject();
    DwarfInfo dwarf = DwarfInfo.open(WasmDebugSections.read(corpus.resolve("modules")
        .resolve(o.get("module").getAsString())));
    assertEquals(List.of(), dwarf.errors());
    AddressSymbolizer s = new AddressSymbolizer(dwarf, SourceMap.empty());
    for (JsonElement fe : o.getAsJsonArray("frames")) {
      JsonObject f = fe.getAsJsonObject();
      long address = f.get("dwarfAddress").getAsLong();
      List<String> got = new ArrayList<>();
      List<SourceFrame> frames = s.symbolize(address);
      for (int i = 0; i < frames.size(); i++) {
        SourceFrame sf = frames.get(i);
        assertEquals(i + 1 < frames.size(), sf.inlined());
        got.add(line(sf.function() == null ? "" : sf.function(), sf.file() == null ? "" : sf.file(), sf.line(),
            sf.column()));
      }
      if (got.isEmpty()) {
        got.add(line("", "", 0, 0));
      }
      assertEquals(expected(f), got, expectedFile.getFileName() + " frame " + f.get("index") + " at 0x"
          + Long.toHexString(address));
    }
  }
}
