package dev.wasmcore.intellij;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * The command line that starts the bundled adapter as a DAP server on stdio:
 * {@code JAVA [JVM_OPTIONS] -jar lib/wasmcore.jar dap}.
 *
 * <p>Java: the IDE's own runtime (JetBrains Runtime, Java 21 for every IDE the plugin accepts, since build 242) is
 * always at hand and new enough, so it comes first; then {@code JAVA_HOME}; then {@code java} on the PATH. The jar is
 * {@code wasmcore.jar} in the plugin's {@code lib/} folder, found next to the jar this class was loaded from.
 *
 * <p>Plain Java so that the end-to-end test runs the very command the plugin builds, from the packaged zip.
 */
public final class AdapterCommand {
  /** File name of the bundled adapter (the adapter module's shaded jar). */
  public static final String ADAPTER_JAR = "wasmcore.jar";

  /**
   * JVM options, the same as {@code adapter/wasmcore dap} uses: the serial collector (a small heap, less start-up
   * time and memory than G1), core reflection through native accessors (from Java 18 on the first reflective call,
   * which mapping a file makes, otherwise spins method-handle classes: 12% of the time to the first stack on
   * Java 25, by {@code wasmcore bench --parts editor}), and every JVM log message at warning level or above sent to
   * stderr, because stdout is the DAP channel and a stray JVM warning there would corrupt it.
   */
  public static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC",
      "-Djdk.reflect.useNativeAccessorOnly=true", "-Xlog:disable", "-Xlog:all=warning:stderr");

  private AdapterCommand() {}

  /**
   * The command the plugin runs inside the IDE.
   *
   * @return {@code [java, JVM_OPTIONS..., -jar, <plugin>/lib/wasmcore.jar, dap]}
   * @throws IllegalStateException when the adapter jar is not next to the plugin jar (a broken installation)
   */
  public static List<String> forInstalledPlugin() {
    String java = findJava(System.getProperty("java.home"), System.getenv(), isWindows());
    return stdio(java, findAdapterJar(AdapterCommand.class));
  }

  /**
   * The stdio server command for a given Java and adapter jar.
   *
   * @param java the java executable
   * @param adapterJar the adapter jar
   * @return the command and its arguments
   */
  public static List<String> stdio(String java, Path adapterJar) {
    List<String> command = new java.util.ArrayList<>();
    command.add(java);
    command.addAll(JVM_OPTIONS);
    command.addAll(List.of("-jar", adapterJar.toString(), "dap"));
    return List.copyOf(command);
  }

  /**
   * Chooses the Java executable.
   *
   * @param runtimeHome the running JVM's home (the IDE's JetBrains Runtime), may be null
   * @param env the environment (for {@code JAVA_HOME})
   * @param windows whether executables end in {@code .exe}
   * @return an absolute path to an existing java executable, or {@code java} to be looked up on the PATH
   */
  public static String findJava(String runtimeHome, Map<String, String> env, boolean windows) {
    String exe = windows ? "java.exe" : "java";
    for (String home : new String[] {runtimeHome, env.get("JAVA_HOME")}) {
      if (home == null || home.isBlank()) {
        continue;
      }
      Path candidate = Paths.get(home.trim(), "bin", exe);
      if (Files.isRegularFile(candidate)) {
        return candidate.toString();
      }
    }
    return exe;
  }

  /**
   * Finds {@value #ADAPTER_JAR} in the folder of the jar that holds {@code anchor}.
   *
   * @param anchor a class of the plugin jar
   * @return the adapter jar
   * @throws IllegalStateException with the paths looked at, when there is none
   */
  public static Path findAdapterJar(Class<?> anchor) {
    Path location = codeLocation(anchor);
    Path dir = Files.isDirectory(location) ? location : location.getParent();
    Path jar = dir == null ? null : dir.resolve(ADAPTER_JAR);
    if (jar == null || !Files.isRegularFile(jar)) {
      throw new IllegalStateException("The wasmcore adapter (" + ADAPTER_JAR + ") is missing next to " + location
          + ": reinstall the wasmcore plugin zip, whose lib/ folder holds it.");
    }
    return jar;
  }

  /**
   * The jar file (or class folder) a class was loaded from: the code source its class loader defined it with, or
   * else the URL of its class file (a class loader may define classes without a code source).
   */
  static Path codeLocation(Class<?> anchor) {
    java.security.CodeSource source = anchor.getProtectionDomain().getCodeSource();
    if (source != null && source.getLocation() != null && "file".equals(source.getLocation().getProtocol())) {
      try {
        return Paths.get(source.getLocation().toURI());
      } catch (URISyntaxException | IllegalArgumentException e) {
        // fall through to the class file's URL
      }
    }
    String resource = anchor.getName().replace('.', '/') + ".class";
    URL url = anchor.getClassLoader() == null ? null : anchor.getClassLoader().getResource(resource);
    if (url == null) {
      throw new IllegalStateException("Cannot locate the class file of " + anchor.getName());
    }
    try {
      if ("jar".equals(url.getProtocol())) {
        // jar:file:/path/lib/plugin.jar!/dev/wasmcore/intellij/AdapterCommand.class
        String spec = url.toString().substring("jar:".length());
        int bang = spec.indexOf("!/");
        return Paths.get(new URI(bang < 0 ? spec : spec.substring(0, bang)));
      }
      if ("file".equals(url.getProtocol())) {
        // A class folder (tests, a development sandbox): climb from the class file to the root of the folder.
        Path file = Paths.get(url.toURI());
        Path root = file;
        int depth = anchor.getName().split("\\.").length;
        for (int i = 0; i < depth && root != null; i++) {
          root = root.getParent();
        }
        return root == null ? file : root;
      }
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new IllegalStateException("Cannot read the location of " + anchor.getName() + " from " + url, e);
    }
    throw new IllegalStateException("The plugin is loaded from " + url + ", not from a jar or a folder");
  }

  private static boolean isWindows() {
    return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
  }
}
