package com.intellij.execution.configurations;

import com.intellij.openapi.options.SettingsEditor;
import com.intellij.openapi.project.Project;

/** Stand-in of the IntelliJ Platform {@code RunConfiguration} (only the members the plugin uses). */
public interface RunConfiguration extends RunProfile, Cloneable {
  ConfigurationFactory getFactory();

  void setName(String name);

  SettingsEditor<? extends RunConfiguration> getConfigurationEditor();

  Project getProject();

  default void checkConfiguration() throws RuntimeConfigurationException {
  }

  RunConfiguration clone();
}
