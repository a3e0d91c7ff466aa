package com.intellij.execution.process;

/** Stand-in of the IntelliJ Platform {@code OSProcessHandler} (a return type only). */
public class OSProcessHandler extends ProcessHandler {
}
