package com.intellij.execution;

/** Stand-in of the IntelliJ Platform {@code Executor} (Run, Debug, ...). */
public abstract class Executor {
}
