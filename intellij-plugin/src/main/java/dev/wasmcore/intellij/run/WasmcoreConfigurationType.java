package dev.wasmcore.intellij.run;

import com.intellij.execution.configurations.ConfigurationFactory;
import com.intellij.execution.configurations.ConfigurationTypeBase;
import com.intellij.execution.configurations.ConfigurationTypeUtil;
import com.intellij.execution.configurations.RunConfiguration;
import com.intellij.openapi.project.Project;
import com.intellij.openapi.util.IconLoader;

/** The run configuration type "wasmcore core dump" (registered in plugin.xml as a configurationType). */
public final class WasmcoreConfigurationType extends ConfigurationTypeBase {
  /** Stored in run configuration XML: never change it. */
  public static final String ID = "WasmcoreCoreDump";
  /** The name users see in Run | Edit Configurations. */
  public static final String DISPLAY_NAME = "wasmcore core dump";

  public WasmcoreConfigurationType() {
    super(ID, DISPLAY_NAME, "Open a WebAssembly core dump with its module as a stopped debug session",
        IconLoader.getIcon("/icons/wasmcore.svg", WasmcoreConfigurationType.class));
    addFactory(new Factory(this));
  }

  /** The registered instance. */
  public static WasmcoreConfigurationType getInstance() {
    return ConfigurationTypeUtil.findConfigurationType(WasmcoreConfigurationType.class);
  }

  /** The one factory of the type. */
  public ConfigurationFactory getFactory() {
    return getConfigurationFactories()[0];
  }

  /** Creates the template and new configurations. */
  static final class Factory extends ConfigurationFactory {
    Factory(WasmcoreConfigurationType type) {
      super(type);
    }

    @Override
    public String getId() {
      return ID;
    }

    @Override
    public String getName() {
      return DISPLAY_NAME;
    }

    @Override
    public RunConfiguration createTemplateConfiguration(Project project) {
      return new WasmcoreRunConfiguration(project, this, DISPLAY_NAME);
    }

    @Override
    public boolean isEditableInDumbMode() {
      return true;
    }
  }
}
