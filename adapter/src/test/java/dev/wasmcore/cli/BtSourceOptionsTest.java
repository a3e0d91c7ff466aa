package dev.wasmcore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.wasmcore.testsupport.Corpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wasmcore bt} with {@code --source-map} and {@code --debug-dir}. */
class BtSourceOptionsTest {
  @TempDir
  Path dir;

  private static JsonArray frames(CliRun r) {
    assertEquals(0, r.status(), r.err());
    JsonObject doc = JsonParser.parseString(r.out()).getAsJsonObject();
    return doc.getAsJsonArray("threads").get(0).getAsJsonObject().getAsJsonArray("frames");
  }

  @Test
  void sourceMapRewritesPathsOnce() {
    CliRun r = CliRun.of("bt", Corpus.core("c_dw5_O2").toString(), "--module", Corpus.moduleOf("c_dw5_O2").toString(),
        "--source-map", "/corpus/src=/home/me/src", "--source-map", "./build=/opt/wasi-libc", "--json");
    JsonArray f = frames(r);
    assertEquals("/home/me/src/crash.c", f.get(0).getAsJsonObject().get("file").getAsString());
    assertEquals("level3", f.get(0).getAsJsonObject().get("function").getAsString());
    assertEquals(21, f.get(0).getAsJsonObject().get("line").getAsInt());
    assertEquals("/opt/wasi-libc/./libc-bottom-half/crt/crt1-command.c",
        f.get(6).getAsJsonObject().get("file").getAsString());
  }

  @Test
  void badSourceMapIsAUsageError() {
    CliRun r = CliRun.of("bt", "x.core", "--module", "m.wasm", "--source-map", "nothing");
    assertEquals(2, r.status());
    assertTrue(r.err().contains("FROM=TO"), r.err());
  }

  @Test
  void debugDirFindsTheDebugFileByBuildId() throws IOException {
    Path original = Corpus.moduleOf("c_dw4_O2");
    byte[] id = {1, 2, 3, 4, 5, 6, 7, 8};
    byte[] idPayload = concat(new byte[] {8}, id);
    Path symbols = Files.createDirectories(dir.resolve("symbols"));
    Files.write(symbols.resolve("0102030405060708.debug.wasm"),
        concat(Files.readAllBytes(original), custom("build_id", idPayload)));
    Path stripped = dir.resolve("app.wasm");
    Files.write(stripped, stripDebug(Files.readAllBytes(original), custom("build_id", idPayload)));
    CliRun without = CliRun.of("bt", Corpus.core("c_dw4_O2").toString(), "--module", stripped.toString(), "--json");
    JsonObject f0 = frames(without).get(0).getAsJsonObject();
    assertTrue(f0.get("file").isJsonNull());
    assertEquals("level3", f0.get("function").getAsString(), "the name section still names the frame");
    CliRun with = CliRun.of("bt", Corpus.core("c_dw4_O2").toString(), "--module", stripped.toString(),
        "--debug-dir", symbols.toString(), "--json");
    f0 = frames(with).get(0).getAsJsonObject();
    assertEquals("/corpus/src/crash.c", f0.get("file").getAsString());
    assertEquals(21, f0.get("line").getAsInt());
    assertEquals(22, f0.get("column").getAsInt());
  }

  private static byte[] custom(String name, byte[] payload) {
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    byte[] body = concat(concat(new byte[] {(byte) n.length}, n), payload);
    return concat(concat(new byte[] {0}, leb(body.length)), body);
  }

  private static byte[] leb(int v) {
    java.io.ByteArrayOutputStream o = new java.io.ByteArrayOutputStream();
    do {
      int b = v & 0x7f;
      v >>>= 7;
      o.write(v != 0 ? b | 0x80 : b);
    } while (v != 0);
    return o.toByteArray();
  }

  /** The module without its .debug_* custom sections, with {@code extra} appended. */
  private static byte[] stripDebug(byte[] in, byte[] extra) {
    java.io.ByteArrayOutputStream o = new java.io.ByteArrayOutputStream();
    o.write(in, 0, 8);
    int p = 8;
    while (p < in.length) {
      int start = p;
      int id = in[p++] & 0xff;
      int size = 0;
      int shift = 0;
      int b;
      do {
        b = in[p++] & 0xff;
        size |= (b & 0x7f) << shift;
        shift += 7;
      } while ((b & 0x80) != 0);
      boolean debug = false;
      if (id == 0) {
        int nlen = in[p] & 0xff;
        debug = new String(in, p + 1, nlen, StandardCharsets.UTF_8).startsWith(".debug_");
      }
      p += size;
      if (!debug) {
        o.write(in, start, p - start);
      }
    }
    o.write(extra, 0, extra.length);
    return o.toByteArray();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
