package dev.wasmcore.intellij.run;

import com.intellij.execution.configurations.ConfigurationFactory;
import com.intellij.execution.configurations.RunConfiguration;
import com.intellij.execution.configurations.RunConfigurationOptions;
import com.intellij.execution.configurations.RuntimeConfigurationError;
import com.intellij.execution.configurations.RuntimeConfigurationException;
import com.intellij.openapi.options.SettingsEditor;
import com.intellij.openapi.project.Project;
import com.intellij.openapi.util.InvalidDataException;
import com.intellij.openapi.util.JDOMExternalizerUtil;
import com.redhat.devtools.lsp4ij.dap.DebugAdapterManager;
import com.redhat.devtools.lsp4ij.dap.configurations.DAPRunConfigurationBase;
import com.redhat.devtools.lsp4ij.dap.definitions.DebugAdapterServerDefinition;
import dev.wasmcore.intellij.WasmcoreDebugAdapterDescriptorFactory;
import dev.wasmcore.intellij.WasmcoreLaunchSettings;
import org.jdom.Element;

/**
 * A "wasmcore core dump" run configuration: a dump, its modules, debug-info folders and a source map.
 *
 * <p>It extends LSP4IJ's {@code DAPRunConfigurationBase}, so LSP4IJ's DAP debug runner runs it: the base class asks
 * the factory of the server this configuration names (the wasmcore server, {@link #getDebugAdapterServer()}) for a
 * descriptor, which reads {@link #getSettings()}. The settings are stored in the configuration's XML element as
 * {@code <option name=".." value=".."/>} fields.
 */
public class WasmcoreRunConfiguration extends DAPRunConfigurationBase<RunConfigurationOptions> {
  private WasmcoreLaunchSettings settings = new WasmcoreLaunchSettings();

  public WasmcoreRunConfiguration(Project project, ConfigurationFactory factory, String name) {
    super(project, factory, name);
  }

  /** The values the form edits and the descriptor maps to launch arguments. */
  public WasmcoreLaunchSettings getSettings() {
    return settings;
  }

  @Override
  protected DebugAdapterServerDefinition getDebugAdapterServer() {
    return DebugAdapterManager.getInstance().getDebugAdapterServerById(WasmcoreDebugAdapterDescriptorFactory.SERVER_ID);
  }

  @Override
  public SettingsEditor<? extends RunConfiguration> getConfigurationEditor() {
    return new WasmcoreSettingsEditor(getProject());
  }

  @Override
  public boolean canRun(String executorId) {
    return true;
  }

  @Override
  public void checkConfiguration() throws RuntimeConfigurationException {
    String problem = settings.problem();
    if (problem != null) {
      throw new RuntimeConfigurationError(problem);
    }
  }

  @Override
  public RunConfiguration clone() {
    WasmcoreRunConfiguration copy = (WasmcoreRunConfiguration) super.clone();
    copy.settings = settings.copy();
    return copy;
  }

  @Override
  public void readExternal(Element element) throws InvalidDataException {
    super.readExternal(element);
    WasmcoreLaunchSettings read = new WasmcoreLaunchSettings();
    read.readFrom(new WasmcoreLaunchSettings.FieldStore() {
      @Override
      public void put(String name, String value) {
        throw new UnsupportedOperationException("read only");
      }

      @Override
      public String get(String name) {
        return JDOMExternalizerUtil.readField(element, name);
      }
    });
    settings = read;
  }

  @Override
  public void writeExternal(Element element) {
    super.writeExternal(element);
    settings.writeTo(new WasmcoreLaunchSettings.FieldStore() {
      @Override
      public void put(String name, String value) {
        JDOMExternalizerUtil.writeField(element, name, value);
      }

      @Override
      public String get(String name) {
        throw new UnsupportedOperationException("write only");
      }
    });
  }
}
