package dev.wasmcore.intellij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.jetbrains.plugin.structure.base.plugin.PluginCreationResult;
import com.jetbrains.plugin.structure.base.plugin.PluginCreationSuccess;
import com.jetbrains.plugin.structure.intellij.plugin.IdePlugin;
import com.jetbrains.plugin.structure.intellij.plugin.IdePluginManager;
import com.jetbrains.plugin.structure.intellij.plugin.PluginDependency;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.jdom2.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged plugin zip: its layout, that no stand-in class reached it, and that JetBrains' plugin-structure library
 * (the checker of the Marketplace and the plugin verifier) loads it as a plugin without errors.
 */
class PluginZipIT {
  private static final Path ZIP = Path.of(System.getProperty("wasmcore.plugin.zip"));
  private static final String VERSION = ZIP.getFileName().toString()
      .replaceFirst("^wasmcore-intellij-", "").replaceFirst("\\.zip$", "");
  private static final String PLUGIN_JAR = "wasmcore-intellij/lib/wasmcore-intellij-" + VERSION + ".jar";

  private static byte[] entry(ZipFile zip, String name) throws IOException {
    ZipEntry e = zip.getEntry(name);
    assertNotNull(e, name + " is missing from " + ZIP);
    try (InputStream in = zip.getInputStream(e)) {
      return in.readAllBytes();
    }
  }

  /** Names of the entries of a jar held in memory. */
  private static List<String> jarEntries(byte[] jar) throws IOException {
    List<String> names = new ArrayList<>();
    try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        names.add(e.getName());
      }
    }
    return names;
  }

  @Test
  void layoutIsLibWithThePluginJarAndTheAdapterJar() throws IOException {
    try (ZipFile zip = new ZipFile(ZIP.toFile())) {
      List<String> names = zip.stream().map(ZipEntry::getName).sorted().toList();
      assertEquals(List.of("wasmcore-intellij/", "wasmcore-intellij/lib/", PLUGIN_JAR,
          "wasmcore-intellij/lib/wasmcore.jar"), names);
      try (JarInputStream adapter = new JarInputStream(
          new ByteArrayInputStream(entry(zip, "wasmcore-intellij/lib/wasmcore.jar")))) {
        Manifest mf = adapter.getManifest();
        assertNotNull(mf, "the adapter jar has a manifest");
        assertEquals("dev.wasmcore.cli.Main", mf.getMainAttributes().getValue("Main-Class"),
            "the bundled adapter is the runnable jar");
      }
      List<String> adapterEntries = jarEntries(entry(zip, "wasmcore-intellij/lib/wasmcore.jar"));
      for (String cls : List.of("dev/wasmcore/cli/Main.class", "org/eclipse/lsp4j/jsonrpc/Launcher.class",
          "org/eclipse/lsp4j/debug/launch/DSPLauncher.class", "com/google/gson/Gson.class")) {
        assertTrue(adapterEntries.contains(cls), "the bundled adapter is the shaded jar with its libraries: " + cls);
      }
    }
  }

  @Test
  void noStandInClassIsPackaged() throws IOException {
    try (ZipFile zip = new ZipFile(ZIP.toFile())) {
      List<String> entries = jarEntries(entry(zip, PLUGIN_JAR));
      List<String> foreign = entries.stream()
          .filter(n -> n.endsWith(".class") && !n.startsWith("dev/wasmcore/intellij/")).toList();
      assertEquals(List.of(), foreign, "only the plugin's own classes: the IDE provides the platform and LSP4IJ");
      assertFalse(entries.stream().anyMatch(n -> n.startsWith("com/") || n.startsWith("org/")), entries.toString());
    }
  }

  @Test
  void everyClassAndIconPluginXmlNamesIsInTheJar() throws IOException {
    try (ZipFile zip = new ZipFile(ZIP.toFile())) {
      byte[] jar = entry(zip, PLUGIN_JAR);
      List<String> entries = jarEntries(jar);
      String xml;
      try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
        ZipEntry e;
        do {
          e = in.getNextEntry();
        } while (e != null && !e.getName().equals("META-INF/plugin.xml"));
        assertNotNull(e, "META-INF/plugin.xml");
        xml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      }
      Matcher m = Pattern.compile("(?:implementation|factoryClass|class)=\"([\\w.$]+)\"").matcher(xml);
      int classes = 0;
      while (m.find()) {
        String cls = m.group(1).replace('.', '/') + ".class";
        assertTrue(entries.contains(cls), cls + " named in plugin.xml is not in the jar");
        classes++;
      }
      assertEquals(3, classes, "configurationType, debugAdapterServer factory and the action");
      Matcher icons = Pattern.compile("icon=\"/([^\"]+)\"").matcher(xml);
      while (icons.find()) {
        assertTrue(entries.contains(icons.group(1)), icons.group(1));
      }
      assertFalse(xml.contains("${"), "plugin.xml is filtered (version): " + xml);
    }
  }

  @Test
  void pluginStructureLoadsTheZipWithoutErrors(@TempDir Path extract) {
    PluginCreationResult<IdePlugin> result = IdePluginManager.createManager(extract).createPlugin(ZIP);
    PluginCreationSuccess<IdePlugin> ok = assertInstanceOf(PluginCreationSuccess.class, result,
        () -> "plugin-structure rejected the zip: " + result);
    assertEquals(List.of(), ok.getUnacceptableWarnings(), "unacceptable warnings");
    assertEquals(List.of(), ok.getWarnings(), "warnings");

    IdePlugin plugin = ok.getPlugin();
    assertEquals("dev.wasmcore", plugin.getPluginId());
    assertEquals("wasmcore", plugin.getPluginName());
    assertEquals(VERSION, plugin.getPluginVersion());
    assertEquals("wasmcore", plugin.getVendor());
    assertNotNull(plugin.getSinceBuild());
    assertEquals(242, plugin.getSinceBuild().getBaselineVersion(), "since-build 242, LSP4IJ's floor");
    assertTrue(plugin.getDescription().contains("core dump"), plugin.getDescription());

    PluginDependency lsp4ij = plugin.getDependencies().stream()
        .filter(d -> d.getId().equals("com.redhat.devtools.lsp4ij")).findFirst()
        .orElseThrow(() -> new AssertionError("no dependency on LSP4IJ: " + plugin.getDependencies()));
    assertFalse(lsp4ij.isOptional(), "LSP4IJ is required");

    Map<String, List<Element>> extensions = plugin.getExtensions();
    List<Element> servers = extensions.get("com.redhat.devtools.lsp4ij.debugAdapterServer");
    assertNotNull(servers, "debugAdapterServer extension: " + extensions.keySet());
    assertEquals("dev.wasmcore.intellij.WasmcoreDebugAdapterDescriptorFactory",
        servers.get(0).getAttributeValue("factoryClass"));
    assertEquals(WasmcoreDebugAdapterDescriptorFactory.SERVER_ID, servers.get(0).getAttributeValue("id"));
    List<Element> types = extensions.get("com.intellij.configurationType");
    assertNotNull(types, "configurationType extension: " + extensions.keySet());
    assertTrue(Files.isRegularFile(ZIP));
  }
}
