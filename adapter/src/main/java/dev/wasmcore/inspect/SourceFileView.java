package dev.wasmcore.inspect;

/**
 * A source file named by the DWARF units.
 *
 * @param compiledPath the path as compiled
 * @param localPath the path here after the source map, or null when not on this machine
 */
public record SourceFileView(String compiledPath, String localPath) {}
