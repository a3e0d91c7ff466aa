package com.intellij.execution.process;

/** Stand-in of the IntelliJ Platform {@code ProcessHandler} (a return type only). */
public abstract class ProcessHandler {
}
