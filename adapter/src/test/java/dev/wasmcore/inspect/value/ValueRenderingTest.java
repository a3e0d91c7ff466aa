package dev.wasmcore.inspect.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wasmcore.inspect.VariableView;
import dev.wasmcore.inspect.VariableView.ValueState;
import dev.wasmcore.inspect.loc.Location;
import dev.wasmcore.inspect.loc.ValueAvailability;
import dev.wasmcore.inspect.types.TypeInfo;
import dev.wasmcore.inspect.types.TypeInfo.Kind;
import dev.wasmcore.inspect.types.TypeInfo.Member;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ValueRenderingTest {
  /** 64 KiB of memory; addresses at or above 0x10000 are unreadable. */
  static final class Mem implements ValueEnv {
    final ByteBuffer buf = ByteBuffer.allocate(0x10000).order(ByteOrder.LITTLE_ENDIAN);

    @Override
    public int readMemory(long address, byte[] dst, int offset, int length) {
      if (address < 0 || address >= buf.capacity()) {
        return 0;
      }
      int n = (int) Math.min(length, buf.capacity() - address);
      buf.get((int) address, dst, offset, n);
      return n;
    }

    @Override
    public String functionForTableIndex(long index) {
      return index == 3 ? "level3" : null;
    }

    void str(int at, String s) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      buf.put(at, b);
      buf.put(at + b.length, (byte) 0);
    }
  }

  static TypeInfo base(String name, int size, int enc) {
    return TypeInfo.builder(Kind.BASE).name(name).byteSize(size).encoding(enc).build();
  }

  static final TypeInfo INT = base("int", 4, TypeInfo.ATE_SIGNED);
  static final TypeInfo UINT = base("unsigned int", 4, TypeInfo.ATE_UNSIGNED);
  static final TypeInfo CHAR = base("char", 1, TypeInfo.ATE_SIGNED_CHAR);
  static final TypeInfo U8 = base("u8", 1, TypeInfo.ATE_UNSIGNED);
  static final TypeInfo U32 = base("u32", 4, TypeInfo.ATE_UNSIGNED);
  static final TypeInfo USIZE = base("usize", 4, TypeInfo.ATE_UNSIGNED);
  static final TypeInfo DOUBLE = base("double", 8, TypeInfo.ATE_FLOAT);
  static final TypeInfo FLOAT = base("float", 4, TypeInfo.ATE_FLOAT);
  static final TypeInfo BOOL = base("_Bool", 1, TypeInfo.ATE_BOOLEAN);

  static TypeInfo ptr(TypeInfo t) {
    return TypeInfo.builder(Kind.POINTER).byteSize(4).target(t).build();
  }

  static TypeInfo named(Kind k, String name, TypeInfo t) {
    return TypeInfo.builder(k).name(name).byteSize(4).target(t).build();
  }

  static Member m(String name, TypeInfo t, long off) {
    return new Member(name, () -> t, off, 0, 0, false, false);
  }

  static TypeInfo struct(String name, long size, Member... ms) {
    return TypeInfo.builder(Kind.STRUCT).name(name).byteSize(size).members(List.of(ms)).build();
  }

  static TypeInfo array(TypeInfo e, long... dims) {
    List<Long> d = new ArrayList<>();
    for (long x : dims) {
      d.add(x);
    }
    return TypeInfo.builder(Kind.ARRAY).target(e).dimensions(d).build();
  }

  final Mem mem = new Mem();

  ValueNode at(String name, TypeInfo t, long addr) {
    return new ValueNode(name, Value.inMemory(t, addr, mem), name);
  }

  static VariableView child(VariableView v, String name) {
    for (VariableView c : v.namedChildren()) {
      if (c.name().equals(name)) {
        return c;
      }
    }
    throw new AssertionError("no child " + name + " in " + v.namedChildren());
  }

  @Test
  void baseTypes() {
    mem.buf.putInt(0x100, -5);
    mem.buf.put(0x104, (byte) 'a');
    mem.buf.putDouble(0x108, 0.05);
    mem.buf.putFloat(0x110, 0.05f);
    mem.buf.put(0x114, (byte) 1);
    assertEquals("-5", at("i", INT, 0x100).value(false));
    assertEquals("0xfffffffb", at("i", INT, 0x100).value(true));
    assertEquals("4294967291", at("u", UINT, 0x100).value(false));
    assertEquals("97 'a'", at("c", CHAR, 0x104).value(false));
    assertEquals("0.05", at("d", DOUBLE, 0x108).value(false));
    assertEquals("0.05", at("f", FLOAT, 0x110).value(false));
    assertEquals("true", at("b", BOOL, 0x114).value(false));
    TypeInfo rustChar = base("char", 4, TypeInfo.ATE_UTF);
    mem.buf.putInt(0x118, 0x00e9);
    assertEquals("233 'é'", at("ch", rustChar, 0x118).value(false));
    TypeInfo i128 = base("__int128", 16, TypeInfo.ATE_SIGNED);
    mem.buf.putLong(0x120, -2L);
    mem.buf.putLong(0x128, -1L);
    assertEquals("-2", at("x", i128, 0x120).value(false));
    mem.buf.putLong(0x130, 0);
    mem.buf.putLong(0x138, 1);
    assertEquals("18446744073709551616", at("y", i128, 0x130).value(false));
  }

  @Test
  void typedefAndQualifiersAreSpelledAsInTheSource() {
    TypeInfo cc = TypeInfo.builder(Kind.CONST).target(CHAR).build();
    assertEquals("const char *", ptr(cc).displayName());
    TypeInfo cp = TypeInfo.builder(Kind.CONST).target(ptr(CHAR)).build();
    assertEquals("char *const", cp.displayName());
    TypeInfo td = TypeInfo.builder(Kind.TYPEDEF).name("Account").target(struct("Account", 4)).build();
    assertEquals("Account *", ptr(td).displayName());
    assertEquals("int[2][3]", array(INT, 2, 3).displayName());
    TypeInfo fn = TypeInfo.builder(Kind.FUNCTION).target(INT).parameters(List.of(() -> INT, () -> CHAR)).build();
    assertEquals("int (*)(int, char)", ptr(fn).displayName());
    assertEquals("int (*)[4]", ptr(array(INT, 4)).displayName());
    assertEquals("char name[12]", array(CHAR, 12).declare("name"));
    assertEquals("int (*rule)(int, char)", ptr(fn).declare("rule"));
    assertEquals("const char *p", ptr(cc).declare("p"));
  }

  @Test
  void pointersStringsAndFunctionPointers() {
    mem.str(0x200, "alice");
    mem.buf.putInt(0x300, 0x200);
    mem.buf.putInt(0x304, 0);
    mem.buf.putInt(0x308, 3);
    mem.buf.putInt(0x30c, 0xfffffff0);
    assertEquals("0x200 \"alice\"", at("p", ptr(CHAR), 0x300).value(false));
    assertEquals("NULL", at("n", ptr(INT), 0x304).value(false));
    TypeInfo fn = TypeInfo.builder(Kind.FUNCTION).target(INT).build();
    assertEquals("0x3 <level3>", at("f", ptr(fn), 0x308).value(false));
    VariableView bad = at("bad", ptr(CHAR), 0x30c);
    assertEquals("0xfffffff0 <unreadable memory at 0xfffffff0>", bad.value(false));
    assertEquals("0x200", at("p", ptr(CHAR), 0x300).memoryReference());
  }

  @Test
  void structsArraysBitfieldsUnionsAndCycles() {
    // struct Node { int v; struct Node *next; unsigned flag:1, kind:3; char name[6]; }
    Supplier<TypeInfo>[] self = new Supplier[1];
    TypeInfo nodePtr = TypeInfo.builder(Kind.POINTER).byteSize(4).target(() -> self[0].get()).build();
    TypeInfo node = struct("Node", 20, m("v", INT, 0), m("next", nodePtr, 4),
        new Member("flag", () -> UINT, 8, 1, 0, false, false), new Member("kind", () -> UINT, 8, 3, 1, false, false),
        m("name", array(CHAR, 6), 12));
    self[0] = () -> node;
    mem.buf.putInt(0x400, 7);
    mem.buf.putInt(0x404, 0x400); // points to itself
    mem.buf.put(0x408, (byte) 0b1011);
    mem.str(0x40c, "bob");
    ValueNode n = at("n", node, 0x400);
    assertEquals("{v=7, next=0x400, flag=1, kind=5, name=\"bob\"}", n.value(false));
    VariableView next = child(n, "next");
    assertEquals("n.next", next.evaluateName());
    VariableView again = child(child(next, "next"), "next");
    assertEquals("n.next->next->next", again.evaluateName());
    assertEquals("7", child(again, "v").value(false));
    VariableView name = child(n, "name");
    assertEquals(6, name.indexedCount());
    assertEquals("98 'b'", name.indexedChildren(0, 1).get(0).value(false));
    assertEquals("n.name[2]", name.indexedChildren(2, 1).get(0).evaluateName());
    // 2x3 int matrix: rows are arrays
    for (int i = 0; i < 6; i++) {
      mem.buf.putInt(0x500 + 4 * i, i);
    }
    ValueNode mat = at("mat", array(INT, 2, 3), 0x500);
    assertEquals(2, mat.indexedCount());
    VariableView row1 = mat.indexedChildren(1, 1).get(0);
    assertEquals("{3, 4, 5}", row1.value(false));
    assertEquals("5", row1.indexedChildren(2, 1).get(0).value(false));
    // union with an anonymous struct member
    TypeInfo inner = TypeInfo.builder(Kind.STRUCT).byteSize(4).members(List.of(m("lo", base("short", 2,
        TypeInfo.ATE_SIGNED), 0), m("hi", base("short", 2, TypeInfo.ATE_SIGNED), 2))).build();
    TypeInfo u = TypeInfo.builder(Kind.UNION).name("U").byteSize(4).members(List.of(m("all", UINT, 0),
        m(null, inner, 0))).build();
    mem.buf.putInt(0x600, 0x00020001);
    ValueNode un = at("u", u, 0x600);
    assertEquals("2", child(child(un, "<anonymous struct>"), "hi").value(false));
    assertEquals("u.hi", child(child(un, "<anonymous struct>"), "hi").evaluateName());
  }

  @Test
  void arrayElementsArePagedAndBounded() {
    ValueNode big = at("big", array(INT, 100000), 0);
    assertEquals(100000, big.indexedCount());
    assertEquals(10, big.indexedChildren(99990, 50).size());
    assertTrue(big.value(false).endsWith("...}"), big.value(false));
  }

  @Test
  void enumsByNameAndAsFlags() {
    TypeInfo color = TypeInfo.builder(Kind.ENUM).name("Color").byteSize(4).enumerators(List.of(
        new TypeInfo.Enumerator("RED", 1), new TypeInfo.Enumerator("GREEN", 2), new TypeInfo.Enumerator("BLUE", 4)))
        .build();
    mem.buf.putInt(0x700, 2);
    mem.buf.putInt(0x704, 5);
    mem.buf.putInt(0x708, 13);
    assertEquals("GREEN", at("c", color, 0x700).value(false));
    assertEquals("RED | BLUE (5)", at("c", color, 0x704).value(false));
    assertEquals("RED | BLUE | 0x8 (13)", at("c", color, 0x708).value(false));
  }

  @Test
  void missingValuesAreNeverZero() {
    Value opt = Value.fromLocation(INT, Location.optimizedOut(), mem);
    ValueNode o = new ValueNode("x", opt, "x");
    assertEquals("<optimized out>", o.value(false));
    assertEquals(ValueState.OPTIMIZED_OUT, o.state());
    ValueNode un = new ValueNode("y", Value.fromLocation(INT,
        Location.unavailable(ValueAvailability.UNAVAILABLE, "wasm local 3 is not in the dump"), mem), "y");
    assertEquals("<unavailable: wasm local 3 is not in the dump>", un.value(false));
    assertEquals(ValueState.UNAVAILABLE, un.state());
    ValueNode far = at("z", INT, 0x20000);
    assertEquals("<unreadable memory at 0x20000>", far.value(false));
    assertEquals(ValueState.UNREADABLE, far.state());
    // a composite whose second half is missing: the first member shows, the second is unavailable
    TypeInfo pair = struct("Pair", 8, m("a", INT, 0), m("b", INT, 4));
    Location loc = new Location(List.of(new Location.Piece(32, 0, new Location.Storage.Value(9, true)),
        new Location.Piece(32, 0, new Location.Storage.Unavailable(ValueAvailability.UNAVAILABLE, "local 4"))));
    ValueNode p = new ValueNode("p", Value.fromLocation(pair, loc, mem), "p");
    assertEquals("9", child(p, "a").value(false));
    assertEquals(ValueState.UNAVAILABLE, child(p, "b").state());
  }

  // Rust: Vec<u32> { buf: RawVec { ptr: Unique { pointer: NonNull { pointer: *const u32 } }, cap }, len }
  static TypeInfo rustVec(TypeInfo elem, String name) {
    TypeInfo p = named(Kind.POINTER, "*const " + elem.name(), elem);
    TypeInfo nonNull = struct("core::ptr::non_null::NonNull<" + elem.name() + ">", 4, m("pointer", p, 0));
    TypeInfo unique = struct("core::ptr::unique::Unique<" + elem.name() + ">", 4, m("pointer", nonNull, 0));
    TypeInfo raw = struct("alloc::raw_vec::RawVec<" + elem.name() + ">", 8, m("ptr", unique, 0), m("cap", USIZE, 4));
    return struct(name, 12, m("buf", raw, 0), m("len", USIZE, 8));
  }

  @Test
  void rustStringsVecsSlicesAndEnums() {
    TypeInfo vecU8 = rustVec(U8, "alloc::vec::Vec<u8, alloc::alloc::Global>");
    TypeInfo string = struct("alloc::string::String", 12, m("vec", vecU8, 0));
    mem.str(0x800, "child");
    mem.buf.putInt(0x900, 0x800).putInt(0x904, 5).putInt(0x908, 5);
    assertEquals("\"child\"", at("s", string, 0x900).value(false));
    VariableView raw = child(at("s", string, 0x900), "[raw]");
    assertEquals("size=5", child(raw, "vec").value(false));
    // &str
    TypeInfo str = struct("&str", 8, m("data_ptr", named(Kind.POINTER, "*const u8", U8), 0), m("length", USIZE, 4));
    mem.buf.putInt(0x910, 0x800).putInt(0x914, 3);
    assertEquals("\"chi\"", at("t", str, 0x910).value(false));
    // Vec<u32>
    TypeInfo vec = rustVec(U32, "alloc::vec::Vec<u32, alloc::alloc::Global>");
    for (int i = 0; i < 4; i++) {
      mem.buf.putInt(0xa00 + 4 * i, 10 * (i + 1));
    }
    mem.buf.putInt(0x920, 0xa00).putInt(0x924, 4).putInt(0x928, 4);
    ValueNode v = at("values", vec, 0x920);
    assertEquals("size=4", v.value(false));
    assertEquals(4, v.indexedCount());
    assertEquals("40", v.indexedChildren(3, 1).get(0).value(false));
    assertEquals("values[3]", v.indexedChildren(3, 1).get(0).evaluateName());
    // &[u32]
    TypeInfo slice = struct("&[u32]", 8, m("data_ptr", named(Kind.POINTER, "*const u32", U32), 0),
        m("length", USIZE, 4));
    mem.buf.putInt(0x930, 0xa04).putInt(0x934, 2);
    assertEquals(2, at("sl", slice, 0x930).indexedCount());
    assertEquals("20", at("sl", slice, 0x930).indexedChildren(0, 1).get(0).value(false));

    // enum Shape { Circle { r }, Rect(u32, u32), Empty }: tagged
    TypeInfo circle = struct("crash::Shape::Circle", 12, m("r", U32, 4));
    TypeInfo rect = struct("crash::Shape::Rect", 12, m("__0", U32, 4), m("__1", U32, 8));
    TypeInfo empty = struct("crash::Shape::Empty", 12);
    Member disc = new Member(null, () -> U32, 0, 0, 0, false, true);
    TypeInfo shape = TypeInfo.builder(Kind.STRUCT).name("crash::Shape").byteSize(12).variantPart(
        new TypeInfo.VariantPart(disc, List.of(
            new TypeInfo.Variant(List.<long[]>of(new long[] {0}), m("Circle", circle, 0)),
            new TypeInfo.Variant(List.<long[]>of(new long[] {1}), m("Rect", rect, 0)),
            new TypeInfo.Variant(List.<long[]>of(new long[] {2}), m("Empty", empty, 0))))).build();
    mem.buf.putInt(0x940, 1).putInt(0x944, 3).putInt(0x948, 4);
    ValueNode sh = at("shape", shape, 0x940);
    assertEquals("Rect(3, 4)", sh.value(false));
    assertEquals("Rect", sh.variant());
    assertEquals("4", child(sh, "__1").value(false));
    assertEquals("shape.Rect.__1", child(sh, "__1").evaluateName());
    mem.buf.putInt(0x950, 0);
    mem.buf.putInt(0x954, 9);
    assertEquals("Circle { r: 9 }", at("c", shape, 0x950).value(false));
    // a discriminant stored sign-extended (0xFFFFFFFF as -1 in 64 bits) still matches at 4 bytes
    TypeInfo sgn = TypeInfo.builder(Kind.STRUCT).name("E").byteSize(4).variantPart(new TypeInfo.VariantPart(disc,
        List.of(new TypeInfo.Variant(List.<long[]>of(new long[] {-1L}), m("Max", empty, 0)),
            new TypeInfo.Variant(List.of(), m("Other", empty, 0))))).build();
    mem.buf.putInt(0x960, 0xffffffff);
    assertEquals("Max", at("e", sgn, 0x960).value(false));

    // Option<Box<T>>: niche: None = 0, Some is the default variant
    TypeInfo box = named(Kind.POINTER, "alloc::boxed::Box<u32, alloc::alloc::Global>", U32);
    TypeInfo some = struct("Some", 4, m("__0", box, 0));
    TypeInfo none = struct("None", 4);
    TypeInfo option = TypeInfo.builder(Kind.STRUCT).name("core::option::Option<alloc::boxed::Box<u32>>").byteSize(4)
        .variantPart(new TypeInfo.VariantPart(disc, List.of(
            new TypeInfo.Variant(List.<long[]>of(new long[] {0}), m("None", none, 0)),
            new TypeInfo.Variant(List.of(), m("Some", some, 0))))).build();
    mem.buf.putInt(0x970, 0);
    mem.buf.putInt(0x974, 0xa00);
    assertEquals("None", at("o", option, 0x970).value(false));
    assertEquals("Some", at("o", option, 0x974).variant());
  }

  @Test
  void cppStringShortAndLongAndVector() {
    // libc++ standard layout, little-endian
    TypeInfo uchar = base("unsigned char", 1, TypeInfo.ATE_UNSIGNED_CHAR);
    TypeInfo sizeT = base("unsigned long", 4, TypeInfo.ATE_UNSIGNED);
    TypeInfo shortT = struct("__short", 12, new Member("__is_long_", () -> uchar, 0, 1, 0, false, false),
        new Member("__size_", () -> uchar, 0, 7, 1, false, false), m("__data_", array(CHAR, 11), 1));
    TypeInfo longT = struct("__long", 12, new Member("__is_long_", () -> sizeT, 0, 1, 0, false, false),
        new Member("__cap_", () -> sizeT, 0, 31, 1, false, false), m("__size_", sizeT, 4),
        m("__data_", ptr(CHAR), 8));
    TypeInfo rep = TypeInfo.builder(Kind.UNION).byteSize(12).members(List.of(m("__s", shortT, 0),
        m("__l", longT, 0))).build();
    TypeInfo pair = struct("std::__2::__compressed_pair<rep, alloc>", 12, m("__value_", rep, 0));
    TypeInfo string = TypeInfo.builder(Kind.CLASS).name(
        "std::__2::basic_string<char, std::__2::char_traits<char>, std::__2::allocator<char> >").byteSize(12)
        .members(List.of(m("__r_", pair, 0))).build();
    mem.buf.put(0xb00, (byte) (3 << 1));
    mem.buf.put(0xb01, (byte) 'b').put(0xb02, (byte) 'o').put(0xb03, (byte) 'b');
    assertEquals("\"bob\"", at("s", string, 0xb00).value(false));
    mem.str(0xc00, "a longer string than eleven");
    mem.buf.putInt(0xb10, (48 << 1) | 1).putInt(0xb14, 27).putInt(0xb18, 0xc00);
    assertEquals("\"a longer string than eleven\"", at("l", string, 0xb10).value(false));

    TypeInfo vec = TypeInfo.builder(Kind.CLASS).name("std::__2::vector<int, std::__2::allocator<int> >")
        .byteSize(12).members(List.of(m("__begin_", ptr(INT), 0), m("__end_", ptr(INT), 4),
            m("__end_cap_", ptr(INT), 8))).build();
    mem.buf.putInt(0xd00, 3).putInt(0xd04, 5).putInt(0xd08, 7);
    mem.buf.putInt(0xb20, 0xd00).putInt(0xb24, 0xd0c).putInt(0xb28, 0xd10);
    ValueNode v = at("qtys_", vec, 0xb20);
    assertEquals("size=3", v.value(false));
    assertEquals("7", v.indexedChildren(2, 1).get(0).value(false));
    assertEquals(1, v.namedCount()); // [raw]
  }
}
