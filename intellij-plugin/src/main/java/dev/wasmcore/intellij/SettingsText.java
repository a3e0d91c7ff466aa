package dev.wasmcore.intellij;

import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The text forms the run configuration editor shows: path lists separated by the platform's path separator
 * ({@code :} on Linux and macOS, {@code ;} on Windows, as in a PATH), and the source map as one
 * {@code compiled-prefix=local-prefix} line per entry.
 */
public final class SettingsText {
  private SettingsText() {}

  /** Splits a path list; blank entries are dropped. */
  public static List<String> splitPaths(String text, String separator) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    for (String part : text.split(java.util.regex.Pattern.quote(separator), -1)) {
      if (!part.isBlank()) {
        out.add(part.trim());
      }
    }
    return out;
  }

  /** Splits a path list with the platform's separator. */
  public static List<String> splitPaths(String text) {
    return splitPaths(text, File.pathSeparator);
  }

  /** Joins a path list with the platform's separator. */
  public static String joinPaths(List<String> paths) {
    return String.join(File.pathSeparator, paths);
  }

  /**
   * Parses source map lines.
   *
   * @param text lines {@code from=to}; blank lines and lines starting with {@code #} are skipped
   * @return the entries in order
   * @throws IllegalArgumentException naming the first line without {@code =} or with an empty side
   */
  public static Map<String, String> parseSourceMap(String text) {
    Map<String, String> map = new LinkedHashMap<>();
    if (text == null) {
      return map;
    }
    String[] lines = text.split("\\R", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].trim();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq <= 0 || eq == line.length() - 1) {
        throw new IllegalArgumentException("Source map line " + (i + 1) + " ('" + line
            + "') must read compiled-prefix=local-prefix");
      }
      map.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
    }
    return map;
  }

  /** Formats a source map as {@link #parseSourceMap} reads it. */
  public static String formatSourceMap(Map<String, String> map) {
    StringBuilder b = new StringBuilder();
    map.forEach((from, to) -> b.append(from).append('=').append(to).append('\n'));
    return b.toString();
  }
}
