package dev.wasmcore.intellij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.intellij.execution.configurations.RunConfigurationOptions;
import com.intellij.execution.runners.ExecutionEnvironment;
import com.intellij.openapi.project.Project;
import com.redhat.devtools.lsp4ij.dap.DebugMode;
import com.redhat.devtools.lsp4ij.dap.LaunchConfiguration;
import com.redhat.devtools.lsp4ij.dap.descriptors.DebugAdapterDescriptor;
import com.redhat.devtools.lsp4ij.dap.descriptors.ServerReadyConfig;
import dev.wasmcore.intellij.run.WasmcoreRunConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The factory and descriptor as LSP4IJ drives them: for a "wasmcore core dump" configuration, the launch arguments,
 * the debug mode and the connection come from its settings.
 */
class WasmcoreDebugAdapterDescriptorFactoryTest {

  private static WasmcoreRunConfiguration configuration() {
    WasmcoreRunConfiguration c = new WasmcoreRunConfiguration(mock(Project.class), null, "crash dump");
    c.getSettings().setCoreFile("/dumps/crash.core");
    c.getSettings().setPrograms(List.of("/build/crash.wasm"));
    c.getSettings().setSourceMap(Map.of("/corpus/src", "/home/me/src"));
    return c;
  }

  private static DebugAdapterDescriptor descriptorFor(WasmcoreRunConfiguration c) {
    ExecutionEnvironment env = mock(ExecutionEnvironment.class);
    when(env.getRunProfile()).thenReturn(c);
    return new WasmcoreDebugAdapterDescriptorFactory().createDebugAdapterDescriptor(new RunConfigurationOptions(), env);
  }

  @Test
  void launchFromTheRunConfiguration() {
    WasmcoreRunConfiguration c = configuration();
    DebugAdapterDescriptor d = descriptorFor(c);
    assertInstanceOf(WasmcoreDebugAdapterDescriptor.class, d);
    Map<String, Object> p = d.getDapParameters();
    assertEquals("launch", p.get("request"));
    assertEquals("crash dump", p.get("name"));
    assertEquals("/dumps/crash.core", p.get("coreFile"));
    assertEquals("/build/crash.wasm", p.get("program"));
    assertEquals(Map.of("/corpus/src", "/home/me/src"), p.get("sourceMap"));
    assertEquals(DebugMode.LAUNCH, d.getDebugMode());
    ServerReadyConfig ready = d.getServerReadyConfig(DebugMode.LAUNCH);
    assertEquals(0, ready.getConnectTimeout(), "stdio: talk as soon as the process runs");
    assertNull(ready.getPort(), "no port: LSP4IJ then uses the process's stdin/stdout");
  }

  @Test
  void remoteServerIsAnAttachToItsHostAndPort() {
    WasmcoreRunConfiguration c = configuration();
    c.getSettings().setRemote(true);
    c.getSettings().setHost("127.0.0.2");
    c.getSettings().setPort(5123);
    DebugAdapterDescriptor d = descriptorFor(c);
    assertEquals(DebugMode.ATTACH, d.getDebugMode());
    assertEquals("attach", d.getDapParameters().get("request"));
    ServerReadyConfig ready = d.getServerReadyConfig(DebugMode.ATTACH);
    assertEquals("127.0.0.2", ready.getAddress());
    assertEquals(5123, ready.getPort());
  }

  @Test
  void clonedConfigurationHasItsOwnSettings() {
    WasmcoreRunConfiguration c = configuration();
    WasmcoreRunConfiguration copy = (WasmcoreRunConfiguration) c.clone();
    copy.getSettings().setCoreFile("/other.core");
    assertEquals("/dumps/crash.core", c.getSettings().getCoreFile());
  }

  @Test
  void genericDapConfigurationGetsTheTemplatesLaunchAndAttachJson() throws Exception {
    List<LaunchConfiguration> configs = new WasmcoreDebugAdapterDescriptorFactory().getLaunchConfigurations();
    assertEquals(List.of(DebugMode.LAUNCH, DebugMode.ATTACH), configs.stream().map(LaunchConfiguration::getType).toList());
    Path templates = Path.of(System.getProperty("wasmcore.templates"), "wasmcore");
    assertEquals(Files.readString(templates.resolve("launch.json")), configs.get(0).getContent());
    assertEquals(Files.readString(templates.resolve("attach.json")), configs.get(1).getContent());
    for (LaunchConfiguration lc : configs) {
      JsonObject json = JsonParser.parseString(lc.getContent()).getAsJsonObject();
      assertEquals(json.get("name").getAsString(), lc.getName());
      assertEquals(lc.getType().name().toLowerCase(), json.get("request").getAsString());
    }
  }
}
