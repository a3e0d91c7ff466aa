package dev.wasmcore.cli.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Java runtime the benchmark starts wasmcore with: its {@code java} executable, its feature version (from the
 * {@code release} file of its home, so no JVM is started to learn it), and JVM options (class data sharing or an
 * AOT cache, GC and JIT choices).
 *
 * @param label short name for the report, e.g. {@code java17+AppCDS}
 * @param home the runtime's home directory
 * @param feature the feature version (17, 25, ...), 0 when unknown
 * @param options JVM options placed before {@code -jar}
 * @param launcher when not null, wasmcore is started through this launcher script ({@code adapter/wasmcore}) with
 *     {@code JAVA_HOME} set to {@code home} and the options in {@code WASMCORE_JAVA_OPTS}, as editors start it
 */
public record JavaRuntime(String label, Path home, int feature, List<String> options, Path launcher) {
  /** The runtime running this benchmark. */
  public static JavaRuntime current() {
    return of("java" + Runtime.version().feature(), Path.of(System.getProperty("java.home")));
  }

  /** A runtime by its home directory. */
  public static JavaRuntime of(String label, Path home) {
    return new JavaRuntime(label, home, featureOf(home), List.of(), null);
  }

  /** The same runtime with more options and another label. */
  public JavaRuntime with(String newLabel, List<String> moreOptions) {
    List<String> o = new ArrayList<>(options);
    o.addAll(moreOptions);
    return new JavaRuntime(newLabel, home, feature, List.copyOf(o), launcher);
  }

  /** The same runtime started through a launcher script. */
  public JavaRuntime through(String newLabel, Path launcherScript) {
    return new JavaRuntime(newLabel, home, feature, options, launcherScript);
  }

  public Path java() {
    return home.resolve("bin").resolve("java");
  }

  /** {@code jcmd} of this runtime, when it has one (a JDK). */
  public Optional<Path> jcmd() {
    Path p = home.resolve("bin").resolve("jcmd");
    return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
  }

  /**
   * {@code java OPTIONS extra... -jar JAR args...}, or {@code LAUNCHER args...} (then the options go in
   * {@link #environment(List)}).
   */
  public List<String> command(Path jar, List<String> extraOptions, List<String> args) {
    List<String> c = new ArrayList<>();
    if (launcher != null) {
      c.add(launcher.toString());
      c.addAll(args);
      return c;
    }
    c.add(java().toString());
    c.addAll(options);
    c.addAll(extraOptions);
    c.add("-jar");
    c.add(jar.toString());
    c.addAll(args);
    return c;
  }

  /** Environment for the child: for a launcher, {@code JAVA_HOME} and {@code WASMCORE_JAVA_OPTS}; else empty. */
  public Map<String, String> environment(List<String> extraOptions) {
    if (launcher == null) {
      return Map.of();
    }
    List<String> o = new ArrayList<>(options);
    o.addAll(extraOptions);
    return Map.of("JAVA_HOME", home.toString(), "WASMCORE_JAVA_OPTS", String.join(" ", o));
  }

  static int featureOf(Path home) {
    Path release = home.resolve("release");
    try {
      if (Files.isRegularFile(release)) {
        for (String line : Files.readAllLines(release)) {
          if (line.startsWith("JAVA_VERSION=")) {
            String v = line.substring("JAVA_VERSION=".length()).replace("\"", "");
            int dot = v.indexOf('.');
            return Integer.parseInt(dot < 0 ? v : v.substring(0, dot));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NumberFormatException e) {
      return 0;
    }
    return 0;
  }
}
