package dev.wasmcore.dwarf;

/**
 * One entry of a line program's file name table (DWARF 5 section 6.2.4.1, items 20-22; DWARF 4 section 6.2.4 items
 * 12-13): the name as written, the directory index, and the optional modification time, size and MD5 digest
 * ({@code DW_LNCT_MD5}, 16 bytes, or null).
 */
public record FileEntry(String name, long directoryIndex, long modificationTime, long size, byte[] md5,
    String source) {
  /** The MD5 digest as 32 lower-case hex digits, or null. */
  public String md5Hex() {
    if (md5 == null) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    for (byte b : md5) {
      sb.append(String.format("%02x", b & 0xff));
    }
    return sb.toString();
  }
}
