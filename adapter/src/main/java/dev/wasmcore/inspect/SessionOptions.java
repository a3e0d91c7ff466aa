package dev.wasmcore.inspect;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a session is opened from: the core dump, the module(s), where to look for external DWARF and sources, how
 * compiled source paths map to this machine, and the resource limits.
 *
 * @param coreFile the core dump (required)
 * @param programs the module files; empty when the dump's {@code coremodules} names can be found next to the dump
 * @param debugInfoPaths directories searched for external debug info (build id, external_debug_info)
 * @param sourceMap source path prefixes as compiled mapped to local prefixes, applied once, longest prefix first
 * @param sourceSearchPaths directories searched for a source file by its relative path or base name
 * @param limits resource limits for rendering and reading
 */
public record SessionOptions(Path coreFile, List<Path> programs, List<Path> debugInfoPaths,
    Map<String, String> sourceMap, List<Path> sourceSearchPaths, Limits limits) {
  public SessionOptions {
    Objects.requireNonNull(coreFile, "coreFile");
    programs = List.copyOf(programs == null ? List.of() : programs);
    debugInfoPaths = List.copyOf(debugInfoPaths == null ? List.of() : debugInfoPaths);
    sourceMap = Map.copyOf(sourceMap == null ? Map.of() : sourceMap);
    sourceSearchPaths = List.copyOf(sourceSearchPaths == null ? List.of() : sourceSearchPaths);
    limits = limits == null ? Limits.defaults() : limits;
  }

  /** Options for a dump and one module with no mapping. */
  public static SessionOptions of(Path coreFile, Path program) {
    return new SessionOptions(coreFile, program == null ? List.of() : List.of(program), List.of(), Map.of(),
        List.of(), Limits.defaults());
  }
}
