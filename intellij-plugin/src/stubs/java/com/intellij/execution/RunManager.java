package com.intellij.execution;

import com.intellij.execution.configurations.ConfigurationFactory;
import com.intellij.openapi.project.Project;

/** Stand-in of the IntelliJ Platform {@code RunManager} (a project service). */
public abstract class RunManager {
  public static RunManager getInstance(Project project) {
    throw new UnsupportedOperationException("stand-in");
  }

  public abstract RunnerAndConfigurationSettings createConfiguration(String name, ConfigurationFactory factory);

  public abstract void addConfiguration(RunnerAndConfigurationSettings settings);

  public abstract void setSelectedConfiguration(RunnerAndConfigurationSettings settings);
}
