package dev.wasmcore.intellij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.intellij.execution.configurations.RunConfigurationOptions;
import com.intellij.execution.runners.ExecutionEnvironment;
import com.intellij.openapi.project.Project;
import com.redhat.devtools.lsp4ij.dap.DebugMode;
import com.redhat.devtools.lsp4ij.dap.descriptors.DebugAdapterDescriptor;
import com.redhat.devtools.lsp4ij.dap.descriptors.ServerReadyConfig;
import dev.wasmcore.intellij.run.WasmcoreRunConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end, the way the IDE runs the plugin: the packaged zip is unpacked as the IDE installs it, the command
 * line comes from the plugin jar inside it (so {@code lib/wasmcore.jar} is found next to the plugin jar, and Java is
 * this JVM, standing in for the IDE's runtime), the launch arguments come from the descriptor LSP4IJ asks the factory
 * for, and a DAP client runs the session the way LSP4IJ's client does.
 */
class PluginSessionIT {
  @TempDir static Path installed;
  private static Path lib;
  private static List<String> command;

  @BeforeAll
  static void installAndBuildTheCommand() throws Exception {
    try (ZipFile zip = new ZipFile(System.getProperty("wasmcore.plugin.zip"))) {
      for (ZipEntry e : zip.stream().toList()) {
        Path target = installed.resolve(e.getName()).normalize();
        assertTrue(target.startsWith(installed), e.getName());
        if (e.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          try (InputStream in = zip.getInputStream(e)) {
            Files.copy(in, target);
          }
        }
      }
    }
    lib = installed.resolve("wasmcore-intellij/lib");
    Path pluginJar;
    try (var files = Files.list(lib)) {
      pluginJar = files.filter(p -> p.getFileName().toString().startsWith("wasmcore-intellij-")).findFirst()
          .orElseThrow();
    }
    try (URLClassLoader plugin = new ChildFirst(pluginJar)) {
      Class<?> adapterCommand = plugin.loadClass(AdapterCommand.class.getName());
      assertEquals(plugin, adapterCommand.getClassLoader(), "the class comes from the packaged plugin jar");
      @SuppressWarnings("unchecked")
      List<String> built = (List<String>) adapterCommand.getMethod("forInstalledPlugin").invoke(null);
      command = built;
    }
  }

  /** Loads the plugin's own classes from the plugin jar first, like the IDE's plugin class loader. */
  private static final class ChildFirst extends URLClassLoader {
    ChildFirst(Path jar) throws IOException {
      super(new URL[] {jar.toUri().toURL()}, PluginSessionIT.class.getClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      synchronized (getClassLoadingLock(name)) {
        if (name.startsWith("dev.wasmcore.intellij.")) {
          Class<?> c = findLoadedClass(name);
          if (c == null) {
            c = findClass(name);
          }
          return c;
        }
        return super.loadClass(name, resolve);
      }
    }
  }

  private static WasmcoreRunConfiguration configuration() {
    WasmcoreRunConfiguration c = new WasmcoreRunConfiguration(mock(Project.class), null, "wasmcore: c_dw5_O0.core");
    c.getSettings().setCoreFile(Sample.CORE.toString());
    c.getSettings().setPrograms(List.of(Sample.MODULE.toString()));
    c.getSettings().setSourceMap(Map.of(Sample.COMPILED_PREFIX, Sample.SAMPLES.toString()));
    return c;
  }

  private static DebugAdapterDescriptor descriptor(WasmcoreRunConfiguration c) {
    ExecutionEnvironment env = mock(ExecutionEnvironment.class);
    when(env.getRunProfile()).thenReturn(c);
    return new WasmcoreDebugAdapterDescriptorFactory().createDebugAdapterDescriptor(new RunConfigurationOptions(), env);
  }

  @Test
  void commandRunsTheBundledJarOnTheIdesJava() {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> expected = new ArrayList<>();
    expected.add(java.toString());
    expected.addAll(AdapterCommand.JVM_OPTIONS);
    expected.addAll(List.of("-jar", lib.resolve("wasmcore.jar").toString(), "dap"));
    assertEquals(expected, command);
  }

  @Test
  void stdioSessionOnTheSample() throws Exception {
    Sample.assertPresent();
    DebugAdapterDescriptor d = descriptor(configuration());
    assertEquals(DebugMode.LAUNCH, d.getDebugMode());
    try (AdapterProcess adapter = new AdapterProcess(command, null);
        DapClient dap = new DapClient(adapter.process.getInputStream(), adapter.process.getOutputStream())) {
      Map<String, Object> args = new java.util.HashMap<>(d.getDapParameters());
      args.put("noDebug", false); // LSP4IJ adds this to every launch
      PostMortemSession.Result r = adapter.session(dap, "launch", args);
      Sample.assertTopFrame(r, true);
    }
  }

  @Test
  void remoteServerSessionOnTheSample() throws Exception {
    Sample.assertPresent();
    List<String> serverCommand = new ArrayList<>(command);
    serverCommand.addAll(List.of("--port", "0"));
    try (AdapterProcess server = new AdapterProcess(serverCommand, null)) {
      var listening = server.awaitListening(PostMortemSession.TIMEOUT);
      WasmcoreRunConfiguration c = configuration();
      c.getSettings().setRemote(true);
      c.getSettings().setHost(listening.getHostString());
      c.getSettings().setPort(listening.getPort());
      DebugAdapterDescriptor d = descriptor(c);
      assertEquals(DebugMode.ATTACH, d.getDebugMode());
      ServerReadyConfig ready = d.getServerReadyConfig(DebugMode.ATTACH);
      try (Socket socket = new Socket(ready.getAddress(), ready.getPort());
          DapClient dap = new DapClient(socket.getInputStream(), socket.getOutputStream())) {
        PostMortemSession.Result r = server.session(dap, "attach", d.getDapParameters());
        Sample.assertTopFrame(r, true);
      }
    }
  }
}
