package com.intellij.openapi.actionSystem;

/** Stand-in of the IntelliJ Platform {@code DataKey}. */
public final class DataKey<T> {
  private DataKey() {}

  public static <T> DataKey<T> create(String name) {
    throw new UnsupportedOperationException("stand-in");
  }
}
