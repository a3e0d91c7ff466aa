package com.intellij.execution.executors;

import com.intellij.execution.Executor;

/** Stand-in of the IntelliJ Platform {@code DefaultDebugExecutor}. */
public class DefaultDebugExecutor extends Executor {
  public static Executor getDebugExecutorInstance() {
    throw new UnsupportedOperationException("stand-in");
  }
}
