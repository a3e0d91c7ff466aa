package com.intellij.openapi.options;

/** Stand-in of the IntelliJ Platform {@code ConfigurationException}. */
public class ConfigurationException extends Exception {
  public ConfigurationException(String message) {
    super(message);
  }
}
