package dev.wasmcore.inspect.session;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds source files on this machine: the path after the source map when it exists, else the path (or its trailing
 * parts, then its base name) under each source search path. Answers are cached, misses too.
 */
final class SourceResolver {
  private final List<Path> searchPaths;
  private final ConcurrentHashMap<String, Optional<Path>> cache = new ConcurrentHashMap<>();

  SourceResolver(List<Path> searchPaths) {
    this.searchPaths = List.copyOf(searchPaths);
  }

  /** The local file for a mapped path, or null. */
  Path resolve(String mappedPath) {
    if (mappedPath == null || mappedPath.isEmpty()) {
      return null;
    }
    return cache.computeIfAbsent(mappedPath, this::find).orElse(null);
  }

  private Optional<Path> find(String p) {
    try {
      Path direct = Path.of(p);
      if (direct.isAbsolute() && Files.isRegularFile(direct)) {
        return Optional.of(direct.normalize());
      }
      String norm = p.replace('\\', '/');
      String[] parts = norm.split("/");
      for (Path dir : searchPaths) {
        // Longest trailing part first: a/b/c.c, b/c.c, c.c.
        for (int i = 0; i < parts.length; i++) {
          if (parts[i].isEmpty() || parts[i].equals(".") || parts[i].equals("..")) {
            continue;
          }
          Path cand = dir.resolve(String.join("/", java.util.Arrays.copyOfRange(parts, i, parts.length)));
          if (Files.isRegularFile(cand)) {
            return Optional.of(cand.normalize());
          }
        }
      }
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
