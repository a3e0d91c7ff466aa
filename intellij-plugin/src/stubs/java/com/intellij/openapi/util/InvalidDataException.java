package com.intellij.openapi.util;

/** Stand-in of the IntelliJ Platform {@code InvalidDataException}, thrown by {@code readExternal}. */
public class InvalidDataException extends Exception {
  public InvalidDataException(String message) {
    super(message);
  }
}
