package dev.wasmcore.cli;

import dev.wasmcore.inspect.Limits;
import dev.wasmcore.inspect.SessionOptions;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options every session-opening command shares: modules, debug directories, source map, source paths, and the
 * resource limits ({@link Limits}, the same knobs as the DAP launch argument {@code limits}).
 */
final class SessionArgs {
  /** The resource-limit options, each taking a positive integer. */
  static final Set<String> LIMIT_OPTIONS = Set.of("--max-string", "--max-array", "--max-depth", "--max-die-nesting",
      "--max-bytes");
  static final Set<String> VALUE_OPTIONS = union(Set.of("--module", "--debug-dir", "--source-map", "--source-path"),
      LIMIT_OPTIONS);

  /** The help lines for {@link #LIMIT_OPTIONS}, defaults from {@link Limits#defaults()}. */
  static String limitsUsage() {
    Limits d = Limits.defaults();
    return "  --max-string N       bytes read for one string value (default " + d.maxStringLength() + ")\n"
        + "  --max-array N        array/vector elements rendered inline (default " + d.maxArrayElements() + ")\n"
        + "  --max-depth N        nesting depth of an expression (default " + d.maxExpressionDepth() + ")\n"
        + "  --max-die-nesting N  depth of DIE trees and type chains followed (default " + d.maxDieNesting() + ")\n"
        + "  --max-bytes N        bytes of memory one request (a value, x/...) may read (default "
        + d.maxBytesPerRequest() + ")\n";
  }

  private SessionArgs() {}

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> s = new HashSet<>(a);
    s.addAll(b);
    return Set.copyOf(s);
  }

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
      map.put(s.substring(0, eq), localPrefix(s.substring(eq + 1)));
    }
    List<Path> sources = new ArrayList<>();
    for (String s : a.values("--source-path")) {
      sources.add(Path.of(s));
    }
    return new SessionOptions(Path.of(core), modules, debug, map, sources, limits(a));
  }

  /**
   * A relative TO of {@code --source-map} is relative to the working directory (as in the README's
   * {@code /wasmcore/src=src}); the session only opens files by absolute path, so it is made absolute here.
   */
  private static String localPrefix(String to) {
    if (to.isEmpty()) {
      return to;
    }
    try {
      Path p = Path.of(to);
      if (p.isAbsolute()) {
        return to;
      }
      String abs = p.toAbsolutePath().normalize().toString();
      return to.endsWith("/") && !abs.endsWith("/") ? abs + "/" : abs;
    } catch (InvalidPathException e) {
      throw new UsageException("--source-map target '" + to + "' is not a path: " + e.getReason());
    }
  }

  /** The limits given on the command line, the defaults for the others. */
  static Limits limits(Args a) {
    Limits d = Limits.defaults();
    return new Limits(
        (int) positive(a, "--max-string", d.maxStringLength(), Integer.MAX_VALUE),
        (int) positive(a, "--max-array", d.maxArrayElements(), Integer.MAX_VALUE),
        (int) positive(a, "--max-depth", d.maxExpressionDepth(), Integer.MAX_VALUE),
        (int) positive(a, "--max-die-nesting", d.maxDieNesting(), Integer.MAX_VALUE),
        positive(a, "--max-bytes", d.maxBytesPerRequest(), Long.MAX_VALUE));
  }

  private static long positive(Args a, String option, long fallback, long max) {
    String v = a.value(option).orElse(null);
    if (v == null) {
      return fallback;
    }
    long n;
    try {
      n = Long.parseLong(v.strip());
    } catch (NumberFormatException e) {
      n = -1;
    }
    if (n < 1 || n > max) {
      throw new UsageException(option + " needs a positive integer no larger than " + max + ", got '" + v + "'");
    }
    return n;
  }
}
