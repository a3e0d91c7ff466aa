package dev.wasmcore.symbolize;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Readable forms of Rust legacy-mangled names as LLVM's symbolizer prints them after Itanium demangling
 * ({@code telemetry::calibrate::haca9841e8f2e9f91}, {@code _$LT$T$u20$as$u20$core..fmt..Debug$GT$::fmt::h...}):
 * the trailing {@code ::h<16 hex>} hash is dropped and the {@code $..$} escapes and {@code ..} path separators of
 * rustc's legacy scheme are decoded, as {@code rustfilt} shows them. Other names are returned unchanged, so C and
 * C++ names (including a C++ {@code (...)} parameter list) are never touched.
 */
public final class RustLegacyNames {
  private static final Pattern HASH = Pattern.compile("::h[0-9a-f]{16}$");
  private static final Pattern UNICODE = Pattern.compile("\\$u([0-9a-f]{1,6})\\$");

  private RustLegacyNames() {}

  /** The readable name, or {@code name} itself when it is not a Rust legacy symbol. */
  public static String readable(String name) {
    if (name == null) {
      return null;
    }
    Matcher hash = HASH.matcher(name);
    if (!hash.find()) {
      return name;
    }
    String s = name.substring(0, hash.start());
    // A path segment that starts with an escape gets a leading '_' (it cannot start with '$'): drop it.
    s = s.replace("::_$", "::$");
    if (s.startsWith("_$")) {
      s = s.substring(1);
    }
    s = s.replace("$SP$", "@").replace("$BP$", "*").replace("$RF$", "&").replace("$LT$", "<").replace("$GT$", ">")
        .replace("$LP$", "(").replace("$RP$", ")").replace("$C$", ",");
    Matcher u = UNICODE.matcher(s);
    StringBuilder out = new StringBuilder();
    while (u.find()) {
      int cp = Integer.parseInt(u.group(1), 16);
      String ch = Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : u.group();
      u.appendReplacement(out, Matcher.quoteReplacement(ch));
    }
    u.appendTail(out);
    return out.toString().replace("..", "::");
  }
}
