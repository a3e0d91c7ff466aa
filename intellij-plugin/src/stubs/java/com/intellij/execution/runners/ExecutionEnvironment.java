package com.intellij.execution.runners;

import com.intellij.execution.configurations.RunProfile;
import com.intellij.openapi.project.Project;

/** Stand-in of the IntelliJ Platform {@code ExecutionEnvironment} (only the members the plugin calls). */
public class ExecutionEnvironment {
  public RunProfile getRunProfile() {
    throw new UnsupportedOperationException("stand-in");
  }

  public Project getProject() {
    throw new UnsupportedOperationException("stand-in");
  }
}
