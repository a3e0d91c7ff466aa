package dev.wasmcore.binary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ByteReaderTest {
  private static ByteReader reader(int... bytes) {
    byte[] b = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      b[i] = (byte) bytes[i];
    }
    return ByteReader.of("t.bin", b);
  }

  private static MalformedInputException fails(org.junit.jupiter.api.function.Executable e) {
    return assertThrows(MalformedInputException.class, e);
  }

  @Test
  void fixedWidthLittleEndian() {
    ByteReader r = reader(0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0xFF, 0xFF, 0xFF, 0xFF);
    assertEquals(0x0201, r.u16());
    assertEquals(0x06050403L, r.u32());
    assertEquals(0x07, r.u8());
    assertEquals(0x08, r.peekU8());
    assertEquals(0x08, r.peekU8()); // peeking does not move
    assertEquals(2 + 4 + 1, r.position());
    r.skip(2);
    assertEquals(-1, r.i32());
    assertTrue(!r.hasRemaining());
  }

  @Test
  void u64AndFloats() {
    ByteReader r = ByteReader.of("f", new byte[] {0, 0, (byte) 0xC0, 0x3F, 0, 0, 0, 0, 0, 0, (byte) 0xF8,
        (byte) 0x3F, 1, 2, 3, 4, 5, 6, 7, (byte) 0x80});
    assertEquals(1.5f, r.f32());
    assertEquals(1.5, r.f64());
    assertEquals(0x8007060504030201L, r.u64());
  }

  @Test
  void unsignedLebValues() {
    assertEquals(0, reader(0x00).uleb128());
    assertEquals(624485, reader(0xE5, 0x8E, 0x26).uleb128());
    // a redundant (padded) encoding is valid
    assertEquals(1, reader(0x81, 0x80, 0x80, 0x00).uleb128());
    // the largest u64: 9 bytes of 0xFF then 0x01
    assertEquals(-1L, reader(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01).uleb128());
  }

  @Test
  void unsignedLebOverflowAndLength() {
    MalformedInputException over = fails(() -> reader(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x02)
        .uleb128());
    assertTrue(over.reason().contains("overflows 64 bits"), over.getMessage());
    MalformedInputException tooLong = fails(() -> reader(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80,
        0x80, 0x00).uleb128());
    assertTrue(tooLong.reason().contains("longer than 10 bytes"), tooLong.getMessage());
  }

  @Test
  void truncatedLebNamesTheOffsetWhereItStarted() {
    ByteReader r = reader(0x00, 0x00, 0x80, 0x80);
    r.skip(2);
    MalformedInputException e = fails(r::uleb128);
    assertEquals(2, e.offset());
    assertEquals("t.bin", e.file());
    assertTrue(e.getMessage().startsWith("t.bin: offset 0x2: "), e.getMessage());
  }

  @Test
  void signedLebValues() {
    assertEquals(-123456, reader(0xC0, 0xBB, 0x78).sleb128());
    assertEquals(-1, reader(0x7F).sleb128());
    assertEquals(63, reader(0x3F).sleb128());
    assertEquals(-64, reader(0x40).sleb128());
    assertEquals(Long.MIN_VALUE, reader(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7F).sleb128());
    assertEquals(Long.MAX_VALUE, reader(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x00).sleb128());
    fails(() -> reader(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01).sleb128());
    fails(() -> reader(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00).sleb128());
  }

  @Test
  void wasmU32RangeAndLength() {
    assertEquals(0xFFFFFFFFL, reader(0xFF, 0xFF, 0xFF, 0xFF, 0x0F).varU32());
    assertTrue(fails(() -> reader(0xFF, 0xFF, 0xFF, 0xFF, 0x1F).varU32()).reason().contains("out of range"));
    assertTrue(fails(() -> reader(0x80, 0x80, 0x80, 0x80, 0x80, 0x00).varU32()).reason()
        .contains("longer than 5 bytes"));
  }

  @Test
  void wasmS32AndS33() {
    assertEquals(Integer.MIN_VALUE, reader(0x80, 0x80, 0x80, 0x80, 0x78).varS32());
    assertEquals(Integer.MAX_VALUE, reader(0xFF, 0xFF, 0xFF, 0xFF, 0x07).varS32());
    assertTrue(fails(() -> reader(0xFF, 0xFF, 0xFF, 0xFF, 0x0F).varS32()).reason().contains("out of range"));
    assertEquals(-16, reader(0x70).varS33());
    assertEquals(0xFFFFFFFFL, reader(0xFF, 0xFF, 0xFF, 0xFF, 0x0F).varS33());
    fails(() -> reader(0x80, 0x80, 0x80, 0x80, 0x80, 0x00).varS33());
  }

  @Test
  void boundsAreCheckedBeforeReading() {
    ByteReader r = reader(1, 2, 3);
    MalformedInputException e = fails(r::u32);
    assertTrue(e.reason().contains("need 4 bytes, 3 left"), e.getMessage());
    assertEquals(0, r.position());
    fails(() -> r.skip(4));
    fails(() -> r.skip(-1));
    fails(() -> r.bytes(4));
    fails(() -> r.seek(4));
  }

  @Test
  void subReadersAreBoundedAndKeepAbsoluteOffsets() {
    ByteReader r = reader(9, 9, 1, 2, 3, 4, 9);
    r.skip(2);
    ByteReader sub = r.subReader(4);
    assertEquals(6, r.position());
    assertEquals(2, sub.startOffset());
    assertEquals(1, sub.u8());
    sub.skip(2);
    assertEquals(4, sub.u8());
    MalformedInputException e = fails(sub::u8);
    assertEquals(6, e.offset());
  }

  @Test
  void countsLargerThanTheBytesLeftAreRejected() {
    // a vector claiming 1000 entries of at least 2 bytes with 3 bytes left
    ByteReader r = reader(0xE8, 0x07, 1, 2, 3);
    MalformedInputException e = fails(() -> r.vecLength(2, "thing"));
    assertTrue(e.reason().contains("thing count 1000 exceeds the 3 bytes left"), e.getMessage());
    assertEquals(0, e.offset());
    assertEquals(3, reader(3, 1, 2, 3).vecLength(1, "byte"));
  }

  @Test
  void namesAreUtf8AndChecked() {
    assertEquals("hé", reader(3, 'h', 0xC3, 0xA9).name());
    assertTrue(fails(() -> reader(2, 0xC3, 0x28).name()).reason().contains("UTF-8"));
    fails(() -> reader(5, 'a').name());
  }

  @Test
  void cstringAndRegions() {
    ByteReader r = reader('a', 'b', 0, 'c');
    assertEquals("ab", r.cstring());
    fails(r::cstring);
    ByteRegion region = reader(1, 2, 3, 4).region(3);
    assertArrayEquals(new byte[] {1, 2, 3}, region.toByteArray());
    assertEquals(3, region.sub(2, 1).u8(0));
    assertThrows(MalformedInputException.class, () -> region.sub(2, 2));
    assertThrows(MalformedInputException.class, () -> region.u8(3));
  }

  @Test
  void errorsWithinAddContext() {
    MalformedInputException e = new MalformedInputException("f.wasm", 0x10, "bad");
    MalformedInputException w = e.within("code section");
    assertEquals("f.wasm: offset 0x10: code section: bad", w.getMessage());
    assertEquals(0x10, w.offset());
  }
}
