package com.intellij.execution.configurations;

/** Stand-in of the IntelliJ Platform {@code RunConfigurationOptions} (a parameter type only). */
public class RunConfigurationOptions {
}
