package com.intellij.execution.configurations;

/** Stand-in of the IntelliJ Platform {@code ConfigurationTypeUtil}. */
public final class ConfigurationTypeUtil {
  private ConfigurationTypeUtil() {}

  public static <T extends ConfigurationType> T findConfigurationType(Class<T> configurationTypeClass) {
    throw new UnsupportedOperationException("stand-in");
  }
}
