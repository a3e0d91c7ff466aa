package com.intellij.execution.configurations;

/** Stand-in of the IntelliJ Platform {@code RunProfileState} (a return type only). */
public interface RunProfileState {
}
