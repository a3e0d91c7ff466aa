package com.intellij.execution.configurations;

import com.intellij.execution.ExecutionException;
import com.intellij.execution.Executor;
import com.intellij.execution.runners.ExecutionEnvironment;

/** Stand-in of the IntelliJ Platform {@code RunProfile}. */
public interface RunProfile {
  RunProfileState getState(Executor executor, ExecutionEnvironment environment) throws ExecutionException;

  String getName();
}
