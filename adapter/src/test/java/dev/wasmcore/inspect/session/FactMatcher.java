package dev.wasmcore.inspect.session;

import dev.wasmcore.inspect.VariableView;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether a shown value satisfies a corpus {@code sourceValues} fact (kinds of the corpus README: int, float,
 * string, pointer, null, len, variant, enum), reading only what a user sees: the value text and the element count.
 */
final class FactMatcher {
  private FactMatcher() {}

  private static final Pattern INT = Pattern.compile("(?<![\\w.])(-?)(0x[0-9a-fA-F]+|\\d+)(?![\\w.])");
  private static final Pattern FLOAT = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

  static List<BigInteger> integers(String s) {
    List<BigInteger> out = new ArrayList<>();
    Matcher m = INT.matcher(s);
    while (m.find()) {
      String d = m.group(2);
      BigInteger v = d.startsWith("0x") ? new BigInteger(d.substring(2), 16) : new BigInteger(d);
      out.add(m.group(1).isEmpty() ? v : v.negate());
    }
    return out;
  }

  static boolean matches(String kind, Object expected, VariableView v) {
    String text = v.value(false);
    switch (kind) {
      case "int": {
        BigInteger want = new BigInteger(String.valueOf(expected instanceof Double d ? (long) (double) d : expected));
        if (integers(text).contains(want)) {
          return true;
        }
        return (want.equals(BigInteger.ONE) && text.matches("(?s).*\\btrue\\b.*"))
            || (want.signum() == 0 && text.matches("(?s).*\\bfalse\\b.*"));
      }
      case "pointer":
        return integers(text).contains(new BigInteger(String.valueOf(expected instanceof Double d
            ? (long) (double) d : expected)));
      case "null":
        return text.matches("(?s).*\\b(NULL|null|nullptr)\\b.*") || integers(text).contains(BigInteger.ZERO);
      case "float": {
        double want = ((Number) expected).doubleValue();
        Matcher m = FLOAT.matcher(text);
        while (m.find()) {
          if (Math.abs(Double.parseDouble(m.group()) - want) <= 1e-6 * Math.max(1, Math.abs(want))) {
            return true;
          }
        }
        return false;
      }
      case "string":
        return text.contains("\"" + expected + "\"");
      case "len": {
        long want = ((Number) expected).longValue();
        return v.indexedCount() == want || text.matches("(?s).*\\bsize=" + want + "\\b.*");
      }
      case "variant":
        return text.equals(expected) || text.startsWith(expected + "(") || text.startsWith(expected + " {");
      case "enum":
        // The enumerator (or flag combination) as a whole word, as dap-check matches it.
        return Pattern.compile("(^|[^A-Za-z0-9_])" + Pattern.quote(String.valueOf(expected)) + "($|[^A-Za-z0-9_])")
            .matcher(text).find();
      default:
        throw new IllegalArgumentException("unknown fact kind " + kind);
    }
  }
}
