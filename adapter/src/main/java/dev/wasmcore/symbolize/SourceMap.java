package dev.wasmcore.symbolize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one place where source paths as compiled become paths on this machine: a list of prefix rewrites
 * ({@code /corpus/src} to {@code /home/me/corpus/src}). The longest matching prefix wins; a prefix matches a whole
 * path or a leading run of its components (so {@code /src} does not rewrite {@code /srcx/a.c}). Paths that no rule
 * matches are returned unchanged. Immutable.
 */
public final class SourceMap {
  /** One rule: paths starting with {@code from} start with {@code to} instead. */
  public record Rule(String from, String to) {}

  private static final SourceMap EMPTY = new SourceMap(List.of());

  private final List<Rule> rules;

  private SourceMap(List<Rule> rules) {
    List<Rule> sorted = new ArrayList<>(rules);
    // Longest prefix first. A plain lambda, not Comparator.comparingInt(...).reversed(): those are serializable
    // lambdas, which no CDS archive or AOT cache pre-links, and linking them costs a cold bt about 10 ms.
    sorted.sort((a, b) -> Integer.compare(b.from().length(), a.from().length()));
    this.rules = List.copyOf(sorted);
  }

  public static SourceMap empty() {
    return EMPTY;
  }

  public static SourceMap of(List<Rule> rules) {
    return rules.isEmpty() ? EMPTY : new SourceMap(rules);
  }

  /** From a map of prefixes (for example a DAP launch argument {@code sourceMap}). */
  public static SourceMap of(Map<String, String> prefixes) {
    List<Rule> rules = new ArrayList<>();
    prefixes.forEach((k, v) -> rules.add(new Rule(k, v)));
    return of(rules);
  }

  /**
   * Parses command-line rules of the form {@code FROM=TO}; the first {@code =} splits them.
   *
   * @throws IllegalArgumentException when a rule has no {@code =} or an empty FROM
   */
  public static SourceMap parse(List<String> specs) {
    List<Rule> rules = new ArrayList<>();
    for (String s : specs) {
      int eq = s.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("source map rule '" + s + "' is not of the form FROM=TO");
      }
      rules.add(new Rule(s.substring(0, eq), s.substring(eq + 1)));
    }
    return of(rules);
  }

  public List<Rule> rules() {
    return rules;
  }

  public boolean isEmpty() {
    return rules.isEmpty();
  }

  /** The local path for {@code compiledPath} (null stays null). */
  public String apply(String compiledPath) {
    if (compiledPath == null) {
      return null;
    }
    for (Rule r : rules) {
      String from = stripSlash(r.from());
      if (compiledPath.equals(from)) {
        return r.to();
      }
      if (compiledPath.startsWith(from) && (from.endsWith("/") || from.isEmpty()
          || compiledPath.charAt(from.length()) == '/' || compiledPath.charAt(from.length()) == '\\')) {
        String rest = compiledPath.substring(from.length());
        String to = r.to();
        if (to.endsWith("/") && rest.startsWith("/")) {
          rest = rest.substring(1);
        }
        return to + rest;
      }
    }
    return compiledPath;
  }

  /** The compiled path for a local path (the reverse rewrite; for breakpoints or source lookups by path). */
  public String reverse(String localPath) {
    if (localPath == null) {
      return null;
    }
    for (Rule r : rules) {
      String to = stripSlash(r.to());
      if (localPath.equals(to)) {
        return r.from();
      }
      if (!to.isEmpty() && localPath.startsWith(to) && localPath.length() > to.length()
          && localPath.charAt(to.length()) == '/') {
        return stripSlash(r.from()) + localPath.substring(to.length());
      }
    }
    return localPath;
  }

  private static String stripSlash(String p) {
    return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
  }

  @Override
  public String toString() {
    return rules.toString();
  }
}
