package com.intellij.execution.configurations;

/** Stand-in of the IntelliJ Platform {@code RuntimeConfigurationError}: a configuration that cannot run. */
public class RuntimeConfigurationError extends RuntimeConfigurationException {
  public RuntimeConfigurationError(String message) {
    super(message);
  }
}
