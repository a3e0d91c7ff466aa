package com.intellij.execution;

/** Stand-in of the IntelliJ Platform {@code ExecutionException}. */
public class ExecutionException extends Exception {
  public ExecutionException(String message) {
    super(message);
  }

  public ExecutionException(String message, Throwable cause) {
    super(message, cause);
  }
}
