package com.intellij.execution.configurations;

import com.intellij.openapi.options.ConfigurationException;

/** Stand-in of the IntelliJ Platform {@code RuntimeConfigurationException}. */
public class RuntimeConfigurationException extends ConfigurationException {
  public RuntimeConfigurationException(String message) {
    super(message);
  }
}
