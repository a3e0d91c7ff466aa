package com.intellij.execution;

/** Stand-in of the IntelliJ Platform {@code ProgramRunnerUtil}. */
public final class ProgramRunnerUtil {
  private ProgramRunnerUtil() {}

  public static void executeConfiguration(RunnerAndConfigurationSettings configuration, Executor executor) {
    throw new UnsupportedOperationException("stand-in");
  }
}
