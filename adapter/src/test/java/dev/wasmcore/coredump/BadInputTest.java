package dev.wasmcore.coredump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmcore.binary.ArrayByteSource;
import dev.wasmcore.binary.MalformedInputException;
import dev.wasmcore.testsupport.Bytes;
import dev.wasmcore.testsupport.Corpus;
import dev.wasmcore.testsupport.CoreDumpWriter;
import dev.wasmcore.testsupport.WasmBuilder;
import dev.wasmcore.wasm.WasmModule;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each kind of bad input gives one MalformedInputException naming the file, the section and the offset. */
class BadInputTest {
  private static MalformedInputException dumpFails(byte[] bytes) {
    return assertThrows(MalformedInputException.class, () -> CoreDump.of(new ArrayByteSource("bad.core", bytes)));
  }

  private static void says(MalformedInputException e, String file, long offset, String... parts) {
    assertEquals(file, e.file(), e.getMessage());
    assertEquals(offset, e.offset(), e.getMessage());
    for (String p : parts) {
      assertTrue(e.getMessage().contains(p), "'" + e.getMessage() + "' should contain '" + p + "'");
    }
  }

  private static byte[] goodDump() {
    CoreDumpWriter w = new CoreDumpWriter().module("m.wasm").instance(0, new long[] {0}, new long[0])
        .memory(1, false).segment(0, Bytes.of(1, 2, 3));
    w.thread("main").frame(0, 1, 2, List.of(dev.wasmcore.wasm.WasmValue.i32(5)), List.of());
    return w.build();
  }

  @Test
  void nonWasmFile() {
    says(dumpFails("hello, this is text".getBytes()), "bad.core", 0, "not a WebAssembly file: no \\0asm magic");
    says(dumpFails(Bytes.of(0, 'a', 's')), "bad.core", 0, "shorter than the 8-byte preamble");
  }

  @Test
  void componentOrUnknownVersion() {
    says(dumpFails(Bytes.of(0, 'a', 's', 'm', 0x0d, 0, 1, 0)), "bad.core", 4, "component");
    says(dumpFails(Bytes.of(0, 'a', 's', 'm', 2, 0, 0, 0)), "bad.core", 4, "unsupported WebAssembly version");
  }

  @Test
  void aWasmModulePassedAsTheDump() {
    WasmBuilder b = new WasmBuilder();
    b.function(b.type(new int[0], new int[0]), 1);
    says(dumpFails(b.build()), "bad.core", 8, "a WebAssembly module, not a core dump");
  }

  @Test
  void unknownSectionId() {
    byte[] bytes = new WasmBuilder().rawSection(0x2A, Bytes.of(1, 2)).build();
    says(dumpFails(bytes), "bad.core", 8, "unknown section id 42");
  }

  @Test
  void lebOverflowInASectionSize() {
    byte[] bytes = new WasmBuilder().rawBytes(Bytes.of(0, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F)).build();
    says(dumpFails(bytes), "bad.core", 9, "custom section header", "u32 LEB128 out of range");
  }

  @Test
  void sectionLargerThanTheFile() {
    byte[] bytes = new WasmBuilder().rawBytes(Bytes.of(11, 0x20, 0, 0)).build();
    says(dumpFails(bytes), "bad.core", 8, "data section: size 32 exceeds the 2 bytes left", "truncated");
  }

  @Test
  void countLargerThanTheBytesLeft() {
    // a corestack claiming 1000 frames in a few bytes: refused before anything is allocated
    byte[] bytes = new WasmBuilder().custom("core", Bytes.of(0, 0))
        .custom("corestack", new Bytes().u8(0).name("main").uleb(1000).u8(0, 0, 0, 0, 0, 0).toByteArray()).build();
    MalformedInputException e = dumpFails(bytes);
    assertTrue(e.getMessage().contains("custom section \"corestack\": frame count 1000 exceeds the 6 bytes left"),
        e.getMessage());
    // and a data segment whose length runs past its section
    byte[] data = new WasmBuilder().custom("core", Bytes.of(0, 0)).rawSection(5, Bytes.of(1, 0, 1))
        .rawSection(11, new Bytes().uleb(1).uleb(0).raw(Bytes.i32Const(0)).uleb(100).u8(1).toByteArray())
        .build();
    e = dumpFails(data);
    assertTrue(e.getMessage().contains("data section: data segment 0: length 100 exceeds the 1 bytes left"),
        e.getMessage());
  }

  @Test
  void unknownValueTypeInAFrame() {
    byte[] bytes = new WasmBuilder().custom("core", Bytes.of(0, 0)).custom("corestack",
        new Bytes().u8(0).name("main").uleb(1).u8(0).uleb(0).uleb(1).uleb(2).uleb(1).u8(0x55).toByteArray())
        .build();
    MalformedInputException e = dumpFails(bytes);
    assertTrue(e.getMessage().contains("corestack\": unknown value type 0x55"), e.getMessage());
  }

  @Test
  void trailingBytesAfterTheFrames() {
    byte[] bytes = new WasmBuilder().custom("core", Bytes.of(0, 0)).custom("corestack",
        new Bytes().u8(0).name("main").uleb(0).u8(7, 7).toByteArray()).build();
    assertTrue(dumpFails(bytes).getMessage().contains("2 unread bytes after the last frame"));
  }

  @Test
  void everyTruncationOfARealDumpIsAMalformedInputError() throws Exception {
    byte[] whole = Files.readAllBytes(Corpus.core("c_dw5_O2"));
    for (int n = 0; n < whole.length; n += 7) {
      byte[] cut = Arrays.copyOf(whole, n);
      try {
        CoreDump.of(new ArrayByteSource("cut.core", cut));
        // a cut exactly between sections can be a valid (smaller) file; that is fine
      } catch (MalformedInputException e) {
        assertEquals("cut.core", e.file());
        assertTrue(e.offset() >= 0 && e.offset() <= n, n + ": " + e.getMessage());
      }
    }
  }

  @Test
  void truncatedModule() throws Exception {
    byte[] whole = Files.readAllBytes(Corpus.module("c_dw5_O2"));
    byte[] cut = Arrays.copyOf(whole, 0x1d0 + 100); // inside the code section
    MalformedInputException e = assertThrows(MalformedInputException.class,
        () -> WasmModule.of(new ArrayByteSource("cut.wasm", cut)));
    says(e, "cut.wasm", 0x1cc, "code section: size", "exceeds", "truncated");
  }

  @Test
  void aFrameNamingAFunctionTheModuleLacks() {
    WasmBuilder b = new WasmBuilder();
    int t = b.type(new int[0], new int[0]);
    b.importFunction("env", "f", t);
    b.function(t, 4);
    WasmModule module = WasmModule.of(new ArrayByteSource("small.wasm", b.build()));
    CoreDumpWriter w = new CoreDumpWriter().module("small.wasm").instance(0, new long[0], new long[0]);
    w.thread("main").frame(0, 1, 2, List.of(), List.of()).frame(0, 9, 0, List.of(), List.of())
        .frame(0, 0, 0, List.of(), List.of()).frame(0, 1, 50, List.of(), List.of());
    CoreDump d = CoreDump.of(new ArrayByteSource("bad.core", w.build()));
    List<CoreFrame> frames = d.threads().get(0).frames();
    // the one body starts 2 bytes into the code payload (after the count and its size byte): 2 + offset 2
    assertEquals(4, d.dwarfAddress(frames.get(0), module).value());
    MalformedInputException e = assertThrows(MalformedInputException.class,
        () -> d.dwarfAddress(frames.get(1), module));
    says(e, "bad.core", frames.get(1).fileOffset(), "custom section \"corestack\": frame 1 names function 9",
        "does not exist in small.wasm (2 functions, 1 imported)");
    e = assertThrows(MalformedInputException.class, () -> d.dwarfAddress(frames.get(2), module));
    assertTrue(e.getMessage().contains("is imported"), e.getMessage());
    e = assertThrows(MalformedInputException.class, () -> d.dwarfAddress(frames.get(3), module));
    assertTrue(e.getMessage().contains("code offset 50 past the end of function 1"), e.getMessage());
  }

  @Test
  void olderRewriterLayoutsAreReadNotMisread() {
    // rewriter 0.1.14-0.2.1: 0x00 funcidx codeoffset nlocals nstack, no instance index, fixed-width values
    byte[] leb = new WasmBuilder().custom("core", Bytes.of(0, 0)).custom("corestack", new Bytes().u8(0).name("main")
        .uleb(2).u8(0).uleb(12).uleb(300).uleb(2).uleb(0).u8(0x7F).u32le(5).u8(0x7E).u64le(-1)
        .u8(0).uleb(3).uleb(40).uleb(1).uleb(0).u8(0x7C).u64le(0).toByteArray()).build();
    CoreDump d = CoreDump.of(new ArrayByteSource("leb.core", leb));
    assertEquals(StackLayout.REWRITER_2023_05_LEB, d.layout());
    assertEquals(12, d.threads().get(0).frames().get(0).funcIndex());
    assertEquals(300, d.threads().get(0).frames().get(0).codeOffset().value());
    assertEquals(CodeOffsetOrigin.CODE_SECTION_HEADER, d.codeOffsetOrigin());
    // rewriter of 2023-05: fixed-width u32 frame count and fields
    byte[] fixed = new WasmBuilder().custom("core", Bytes.of(0, 0)).custom("corestack", new Bytes().u8(0).name("main")
        .u32le(1).u8(0).u32le(12).u32le(0).u32le(1).u32le(0).u8(0x7F).u32le(5).toByteArray()).build();
    d = CoreDump.of(new ArrayByteSource("u32.core", fixed));
    assertEquals(StackLayout.REWRITER_2023_05_U32, d.layout());
    assertEquals(List.of(dev.wasmcore.wasm.WasmValue.i32(5)), d.threads().get(0).frames().get(0).locals());
    // before 2023-02-24 frames named no function: said, not read
    byte[] noFunc = new WasmBuilder().custom("core", Bytes.of(0, 0)).custom("corestack", new Bytes().u8(0).name("main")
        .u32le(3).u32le(8 + 24).u32le(0).u32le(0).u32le(0).u32le(0).u32le(0).u32le(0).toByteArray()).build();
    MalformedInputException e = dumpFails(noFunc);
    assertTrue(e.getMessage().contains("frames without a function index"), e.getMessage());
    assertTrue(e.getMessage().contains("not supported"), e.getMessage());
  }

  @Test
  void goodDumpReads() {
    CoreDump d = CoreDump.of(new ArrayByteSource("good.core", goodDump()));
    assertEquals(1, d.threads().get(0).frames().size());
  }
}
