package dev.wasmcore.cli;

import dev.wasmcore.inspect.SessionOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The options every session-opening command shares: modules, debug directories, source map, source paths. */
final class SessionArgs {
  static final Set<String> VALUE_OPTIONS = Set.of("--module", "--debug-dir", "--source-map", "--source-path");

  private SessionArgs() {}

  static SessionOptions options(Args a, String core) {
    List<Path> modules = new ArrayList<>();
    for (String m : a.values("--module")) {
      modules.add(Path.of(m));
    }
    List<Path> debug = new ArrayList<>();
    for (String d : a.values("--debug-dir")) {
      debug.add(Path.of(d));
    }
    Map<String, String> map = new LinkedHashMap<>();
    for (String s : a.values("--source-map")) {
      int eq = s.indexOf('=');
      if (eq <= 0) {
        throw new UsageException("--source-map needs FROM=TO, got '" + s + "'");
      }
      map.put(s.substring(0, eq), s.substring(eq + 1));
    }
    List<Path> sources = new ArrayList<>();
    for (String s : a.values("--source-path")) {
      sources.add(Path.of(s));
    }
    return new SessionOptions(Path.of(core), modules, debug, map, sources, null);
  }
}
