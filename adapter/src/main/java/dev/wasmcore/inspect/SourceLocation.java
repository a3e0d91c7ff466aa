package dev.wasmcore.inspect;

import java.nio.file.Path;

/**
 * A source position. Lines and columns are 1-based; column 0 means unknown.
 *
 * @param compiledPath the path as recorded in DWARF (comp_dir, include directory and file joined as LLVM joins them)
 * @param localPath the path on this machine after the source map and search paths, or null when the file is not here
 * @param line 1-based line
 * @param column 1-based column, 0 when unknown
 */
public record SourceLocation(String compiledPath, Path localPath, int line, int column) {
  /** The path to show: the local one when the file is here, else the compiled one after the source map. */
  public String displayPath() {
    return localPath != null ? localPath.toString() : compiledPath;
  }
}
