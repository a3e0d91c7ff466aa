package dev.wasmcore.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A small command-line parser: positional arguments, options with a value ({@code --module X} or
 * {@code --module=X}, repeatable), and flags ({@code --json}). {@code --} ends the options. Unknown options are
 * usage errors.
 */
public final class Args {
  private final List<String> positional = new ArrayList<>();
  private final Map<String, List<String>> values = new HashMap<>();
  private final Set<String> flags = new HashSet<>();

  private Args() {}

  /**
   * @param args the arguments after the sub-command
   * @param valueOptions options that take a value, e.g. {@code --module}
   * @param flagOptions options without a value, e.g. {@code --json}
   */
  public static Args parse(List<String> args, Set<String> valueOptions, Set<String> flagOptions) {
    Args a = new Args();
    boolean optionsEnded = false;
    for (int i = 0; i < args.size(); i++) {
      String s = args.get(i);
      if (optionsEnded || !s.startsWith("--") || s.equals("-")) {
        if (!optionsEnded && s.startsWith("-") && s.length() > 1 && !s.equals("-")) {
          throw new UsageException("unknown option " + s);
        }
        a.positional.add(s);
        continue;
      }
      if (s.equals("--")) {
        optionsEnded = true;
        continue;
      }
      int eq = s.indexOf('=');
      String name = eq >= 0 ? s.substring(0, eq) : s;
      if (valueOptions.contains(name)) {
        String v;
        if (eq >= 0) {
          v = s.substring(eq + 1);
        } else if (i + 1 < args.size()) {
          v = args.get(++i);
        } else {
          throw new UsageException(name + " needs a value");
        }
        a.values.computeIfAbsent(name, k -> new ArrayList<>()).add(v);
      } else if (flagOptions.contains(name) && eq < 0) {
        a.flags.add(name);
      } else {
        throw new UsageException("unknown option " + s);
      }
    }
    return a;
  }

  public List<String> positional() {
    return positional;
  }

  /** The last value of an option. */
  public Optional<String> value(String option) {
    List<String> v = values.get(option);
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(v.size() - 1));
  }

  /** All values of a repeatable option, in order. */
  public List<String> values(String option) {
    return values.getOrDefault(option, List.of());
  }

  public boolean flag(String option) {
    return flags.contains(option);
  }
}
