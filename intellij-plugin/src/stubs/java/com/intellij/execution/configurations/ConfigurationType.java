package com.intellij.execution.configurations;

import javax.swing.Icon;

/** Stand-in of the IntelliJ Platform {@code ConfigurationType}. */
public interface ConfigurationType {
  String getDisplayName();

  String getConfigurationTypeDescription();

  Icon getIcon();

  String getId();

  ConfigurationFactory[] getConfigurationFactories();
}
