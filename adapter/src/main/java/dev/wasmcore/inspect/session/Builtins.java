package dev.wasmcore.inspect.session;

import dev.wasmcore.inspect.types.TypeInfo;
import java.util.HashMap;
import java.util.Map;

/**
 * Built-in scalar types of C/C++ (clang's wasm32 sizes: long and pointers 4 bytes) and Rust, for literals,
 * arithmetic results and casts to keyword types when the DWARF has no such base type.
 */
final class Builtins {
  private Builtins() {}

  private static final Map<String, TypeInfo> TYPES = new HashMap<>();

  static {
    put("int", 4, TypeInfo.ATE_SIGNED);
    put("unsigned int", 4, TypeInfo.ATE_UNSIGNED);
    put("long", 4, TypeInfo.ATE_SIGNED);
    put("unsigned long", 4, TypeInfo.ATE_UNSIGNED);
    put("long long", 8, TypeInfo.ATE_SIGNED);
    put("unsigned long long", 8, TypeInfo.ATE_UNSIGNED);
    put("short", 2, TypeInfo.ATE_SIGNED);
    put("unsigned short", 2, TypeInfo.ATE_UNSIGNED);
    put("char", 1, TypeInfo.ATE_SIGNED_CHAR);
    put("signed char", 1, TypeInfo.ATE_SIGNED_CHAR);
    put("unsigned char", 1, TypeInfo.ATE_UNSIGNED_CHAR);
    put("_Bool", 1, TypeInfo.ATE_BOOLEAN);
    put("bool", 1, TypeInfo.ATE_BOOLEAN);
    put("float", 4, TypeInfo.ATE_FLOAT);
    put("double", 8, TypeInfo.ATE_FLOAT);
    put("long double", 16, TypeInfo.ATE_FLOAT);
    put("__int128", 16, TypeInfo.ATE_SIGNED);
    put("unsigned __int128", 16, TypeInfo.ATE_UNSIGNED);
    for (int bits : new int[] {8, 16, 32, 64, 128}) {
      put("i" + bits, bits / 8, TypeInfo.ATE_SIGNED);
      put("u" + bits, bits / 8, TypeInfo.ATE_UNSIGNED);
    }
    put("isize", 4, TypeInfo.ATE_SIGNED);
    put("usize", 4, TypeInfo.ATE_UNSIGNED);
    put("f32", 4, TypeInfo.ATE_FLOAT);
    put("f64", 8, TypeInfo.ATE_FLOAT);
  }

  private static void put(String name, int size, int enc) {
    TYPES.put(name, TypeInfo.builder(TypeInfo.Kind.BASE).name(name).byteSize(size).encoding(enc).build());
  }

  /** The built-in type of that name, or null. */
  static TypeInfo get(String name) {
    return TYPES.get(name);
  }

  static final TypeInfo INT = get("int");
  static final TypeInfo UINT = get("unsigned int");
  static final TypeInfo LONG_LONG = get("long long");
  static final TypeInfo ULONG_LONG = get("unsigned long long");
  static final TypeInfo DOUBLE = get("double");
  static final TypeInfo FLOAT = get("float");
  static final TypeInfo CHAR = get("char");
  static final TypeInfo BOOL = get("bool");
  static final TypeInfo SIZE_T = TypeInfo.builder(TypeInfo.Kind.TYPEDEF).name("size_t").target(get("unsigned long"))
      .build();

  static TypeInfo pointerTo(TypeInfo t) {
    return TypeInfo.builder(TypeInfo.Kind.POINTER).byteSize(4).target(t).build();
  }
}
