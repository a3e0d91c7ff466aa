package dev.wasmcore.intellij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdapterCommandTest {

  private static Path fakeJavaHome(Path dir, String exe) throws IOException {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Files.createFile(bin.resolve(exe));
    return dir;
  }

  @Test
  void stdioCommandRunsTheJarWithDap() {
    assertEquals(List.of("/jbr/bin/java", "-XX:+UseSerialGC", "-Djdk.reflect.useNativeAccessorOnly=true",
        "-Xlog:disable", "-Xlog:all=warning:stderr",
        "-jar", "/p/lib/wasmcore.jar", "dap"), AdapterCommand.stdio("/jbr/bin/java", Path.of("/p/lib/wasmcore.jar")));
  }

  @Test
  void idesRuntimeComesBeforeJavaHomeAndPath(@TempDir Path tmp) throws IOException {
    Path jbr = fakeJavaHome(tmp.resolve("jbr"), "java");
    Path jdk = fakeJavaHome(tmp.resolve("jdk"), "java");
    Map<String, String> env = Map.of("JAVA_HOME", jdk.toString());
    assertEquals(jbr.resolve("bin/java").toString(), AdapterCommand.findJava(jbr.toString(), env, false));
    assertEquals(jdk.resolve("bin/java").toString(),
        AdapterCommand.findJava(tmp.resolve("no-such-runtime").toString(), env, false),
        "a runtime without bin/java is skipped");
    assertEquals(jdk.resolve("bin/java").toString(), AdapterCommand.findJava(null, env, false));
    assertEquals("java", AdapterCommand.findJava(null, Map.of(), false), "then the PATH");
    assertEquals("java.exe", AdapterCommand.findJava(null, Map.of("JAVA_HOME", " "), true));
  }

  @Test
  void windowsLooksForJavaExe(@TempDir Path tmp) throws IOException {
    Path jbr = fakeJavaHome(tmp.resolve("jbr"), "java.exe");
    assertEquals(jbr.resolve("bin/java.exe").toString(), AdapterCommand.findJava(jbr.toString(), Map.of(), true));
    assertEquals("java", AdapterCommand.findJava(jbr.toString(), Map.of(), false), "java.exe is not java");
  }

  /** Builds lib/plugin.jar holding one class of the plugin, the way the zip lays it out. */
  private static Path pluginLib(Path tmp, boolean withAdapter) throws IOException {
    Path lib = Files.createDirectories(tmp.resolve("wasmcore-intellij/lib"));
    String entry = CoreDumpFiles.class.getName().replace('.', '/') + ".class";
    try (OutputStream out = Files.newOutputStream(lib.resolve("wasmcore-intellij.jar"));
        JarOutputStream jar = new JarOutputStream(out);
        InputStream cls = CoreDumpFiles.class.getClassLoader().getResourceAsStream(entry)) {
      jar.putNextEntry(new JarEntry(entry));
      cls.transferTo(jar);
      jar.closeEntry();
    }
    if (withAdapter) {
      Files.write(lib.resolve("wasmcore.jar"), new byte[] {'P', 'K'});
    }
    return lib;
  }

  @Test
  void adapterJarIsFoundNextToThePluginJar(@TempDir Path tmp) throws Exception {
    Path lib = pluginLib(tmp, true);
    try (URLClassLoader loader = new URLClassLoader(new URL[] {lib.resolve("wasmcore-intellij.jar").toUri().toURL()},
        ClassLoader.getPlatformClassLoader())) {
      Class<?> anchor = loader.loadClass(CoreDumpFiles.class.getName());
      assertEquals(lib.resolve("wasmcore-intellij.jar"), AdapterCommand.codeLocation(anchor));
      assertEquals(lib.resolve("wasmcore.jar"), AdapterCommand.findAdapterJar(anchor));
    }
  }

  @Test
  void missingAdapterJarSaysWhereItLooked(@TempDir Path tmp) throws Exception {
    Path lib = pluginLib(tmp, false);
    try (URLClassLoader loader = new URLClassLoader(new URL[] {lib.resolve("wasmcore-intellij.jar").toUri().toURL()},
        ClassLoader.getPlatformClassLoader())) {
      Class<?> anchor = loader.loadClass(CoreDumpFiles.class.getName());
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> AdapterCommand.findAdapterJar(anchor));
      assertTrue(e.getMessage().contains(lib.toString()) && e.getMessage().contains("wasmcore.jar"), e.getMessage());
    }
  }

  @Test
  void classFolderLocationIsItsRoot() {
    Path location = AdapterCommand.codeLocation(AdapterCommand.class);
    assertTrue(Files.isRegularFile(location.resolve("dev/wasmcore/intellij/AdapterCommand.class")), location.toString());
  }
}
