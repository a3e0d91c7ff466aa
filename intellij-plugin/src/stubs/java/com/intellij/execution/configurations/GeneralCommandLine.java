package com.intellij.execution.configurations;

import java.nio.charset.Charset;
import java.util.List;

/** Stand-in of the IntelliJ Platform {@code GeneralCommandLine}: the command, arguments and charset of a process. */
public class GeneralCommandLine {
  public GeneralCommandLine(List<String> command) {
  }

  public GeneralCommandLine withCharset(Charset charset) {
    throw new UnsupportedOperationException("stand-in");
  }
}
