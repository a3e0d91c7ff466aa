package com.intellij.execution;

import com.intellij.execution.configurations.RunConfiguration;

/** Stand-in of the IntelliJ Platform {@code RunnerAndConfigurationSettings}. */
public interface RunnerAndConfigurationSettings {
  RunConfiguration getConfiguration();
}
