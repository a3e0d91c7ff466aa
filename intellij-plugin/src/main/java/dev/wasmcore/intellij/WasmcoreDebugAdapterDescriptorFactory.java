package dev.wasmcore.intellij;

import com.intellij.execution.configurations.RunConfigurationOptions;
import com.intellij.execution.runners.ExecutionEnvironment;
import com.redhat.devtools.lsp4ij.dap.DebugMode;
import com.redhat.devtools.lsp4ij.dap.LaunchConfiguration;
import com.redhat.devtools.lsp4ij.dap.descriptors.DebugAdapterDescriptor;
import com.redhat.devtools.lsp4ij.dap.descriptors.DebugAdapterDescriptorFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The wasmcore debug adapter as LSP4IJ knows it, registered on the extension point
 * {@code com.redhat.devtools.lsp4ij.debugAdapterServer} (plugin.xml, id {@value #SERVER_ID}).
 *
 * <p>LSP4IJ asks this factory for a descriptor whenever a run configuration that uses the wasmcore server starts: the
 * plugin's own "wasmcore core dump" configuration, or LSP4IJ's generic "Debug Adapter Protocol" configuration with
 * the server "wasmcore" selected. For the latter, {@link #getLaunchConfigurations()} offers the launch and attach
 * JSON of the shipped LSP4IJ template ({@code templates/wasmcore/}), so both routes start from the same text.
 */
public class WasmcoreDebugAdapterDescriptorFactory extends DebugAdapterDescriptorFactory {
  /** The {@code id} of the debugAdapterServer extension in plugin.xml. */
  public static final String SERVER_ID = "wasmcore";

  private static final String TEMPLATE_DIR = "/dev/wasmcore/intellij/templates/wasmcore/";

  @Override
  public DebugAdapterDescriptor createDebugAdapterDescriptor(RunConfigurationOptions options,
      ExecutionEnvironment environment) {
    return new WasmcoreDebugAdapterDescriptor(options, environment, getServerDefinition());
  }

  @Override
  public List<LaunchConfiguration> getLaunchConfigurations() {
    return List.of(
        new LaunchConfiguration("wasmcore_launch", "Open a wasm core dump", templateFile("launch.json"),
            DebugMode.LAUNCH),
        new LaunchConfiguration("wasmcore_attach", "Connect to a wasmcore server", templateFile("attach.json"),
            DebugMode.ATTACH));
  }

  /**
   * One file of the bundled LSP4IJ template.
   *
   * @param name {@code template.json}, {@code launch.json} or {@code attach.json}
   * @return its text
   */
  static String templateFile(String name) {
    try (InputStream in = WasmcoreDebugAdapterDescriptorFactory.class.getResourceAsStream(TEMPLATE_DIR + name)) {
      if (in == null) {
        throw new IllegalStateException("The plugin jar lacks " + TEMPLATE_DIR + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
