package com.intellij.openapi.project;

/** Stand-in of the IntelliJ Platform {@code Project} (only the members the plugin calls). */
public interface Project {
  String getBasePath();
}
