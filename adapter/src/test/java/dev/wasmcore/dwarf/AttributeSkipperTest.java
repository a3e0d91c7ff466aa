package dev.wasmcore.dwarf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The DIE scan's array path: where it moves past each kind of value, and that it answers -1 (read this DIE with the
 * checked reader) for everything it does not handle plainly, instead of guessing.
 */
class AttributeSkipperTest {
  private static int ordinal;

  private static Abbreviation abbrev(int... forms) {
    int[] attrs = new int[forms.length];
    Arrays.fill(attrs, 0x03); // DW_AT_name: the attribute does not matter, only the form
    return new Abbreviation(ordinal++, 1, 0x34, false, attrs, forms, new long[forms.length]);
  }

  private static int skip(Abbreviation a, int... bytes) {
    byte[] b = new byte[bytes.length];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) bytes[i];
    }
    return new AttributeSkipper(4, 4, 5).skip(b, 0, b.length, a);
  }

  @Test
  void fixedSizeValuesAreAddedUpAndMayNotPassTheEnd() {
    Abbreviation a = abbrev(Forms.DATA4, Forms.ADDR, Forms.STRP, Forms.FLAG_PRESENT, Forms.DATA1);
    assertEquals(13, skip(a, new int[13]));
    assertEquals(13, skip(a, new int[20]));
    assertEquals(-1, skip(a, new int[12]));
  }

  @Test
  void stringsBlocksAndLeb128() {
    assertEquals(4, skip(abbrev(Forms.STRING, Forms.DATA1), 'a', 'b', 0, 9));
    assertEquals(-1, skip(abbrev(Forms.STRING), 'a', 'b'));
    assertEquals(4, skip(abbrev(Forms.BLOCK1), 3, 1, 2, 3));
    assertEquals(-1, skip(abbrev(Forms.BLOCK1), 3, 1, 2));
    assertEquals(5, skip(abbrev(Forms.BLOCK2), 3, 0, 1, 2, 3));
    assertEquals(7, skip(abbrev(Forms.BLOCK4), 3, 0, 0, 0, 1, 2, 3));
    assertEquals(-1, skip(abbrev(Forms.BLOCK4), 0xff, 0xff, 0xff, 0x7f, 1));
    int[] expr = new int[2 + 130];
    expr[0] = 0x82; // 130 as a two-byte ULEB128
    expr[1] = 0x01;
    assertEquals(132, skip(abbrev(Forms.EXPRLOC), expr));
    assertEquals(-1, skip(abbrev(Forms.EXPRLOC), Arrays.copyOf(expr, 131)));
    assertEquals(3, skip(abbrev(Forms.SDATA, Forms.UDATA), 0x7f, 0x80, 0x01));
  }

  @Test
  void longLeb128IndirectAndUnknownFormsGoToTheCheckedReader() {
    int[] nine = {0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01};
    assertEquals(9, skip(abbrev(Forms.UDATA), nine));
    int[] ten = {0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01};
    assertEquals(-1, skip(abbrev(Forms.UDATA), ten)); // may overflow 64 bits: the checked reader decides
    assertEquals(-1, skip(abbrev(Forms.UDATA), 0x80, 0x80)); // runs past the end
    assertEquals(-1, skip(abbrev(Forms.DATA1, Forms.INDIRECT), 1, Forms.DATA1, 2));
    assertEquals(-1, skip(abbrev(0x7f), 1, 2, 3, 4)); // a form of unknown size
  }
}
