package dev.wasmcore.wasm;

/** The kind byte of an import or export descriptor (core spec 5.5.10/5.5.11). */
public enum ExternKind {
  FUNC(0), TABLE(1), MEMORY(2), GLOBAL(3), TAG(4);

  private final int code;

  ExternKind(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** The kind for a descriptor byte, or null when the byte is not a known kind. */
  public static ExternKind of(int code) {
    for (ExternKind k : values()) {
      if (k.code == code) {
        return k;
      }
    }
    return null;
  }
}
