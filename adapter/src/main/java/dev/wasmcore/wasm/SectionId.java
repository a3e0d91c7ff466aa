package dev.wasmcore.wasm;

/** Section ids of the binary format (core spec 5.5.2; 13 is the exception-handling tag section). */
public final class SectionId {
  public static final int CUSTOM = 0;
  public static final int TYPE = 1;
  public static final int IMPORT = 2;
  public static final int FUNCTION = 3;
  public static final int TABLE = 4;
  public static final int MEMORY = 5;
  public static final int GLOBAL = 6;
  public static final int EXPORT = 7;
  public static final int START = 8;
  public static final int ELEMENT = 9;
  public static final int CODE = 10;
  public static final int DATA = 11;
  public static final int DATA_COUNT = 12;
  public static final int TAG = 13;
  /** One past the highest known id. */
  public static final int LIMIT = 14;

  private SectionId() {}

  /** The section's name as the spec calls it, or {@code section N} for an unknown id. */
  public static String name(int id) {
    switch (id) {
      case CUSTOM: return "custom";
      case TYPE: return "type";
      case IMPORT: return "import";
      case FUNCTION: return "function";
      case TABLE: return "table";
      case MEMORY: return "memory";
      case GLOBAL: return "global";
      case EXPORT: return "export";
      case START: return "start";
      case ELEMENT: return "element";
      case CODE: return "code";
      case DATA: return "data";
      case DATA_COUNT: return "data count";
      case TAG: return "tag";
      default: return "unknown (id " + id + ")";
    }
  }
}
