package com.intellij.execution.configurations;

import com.intellij.openapi.project.Project;

/** Stand-in of the IntelliJ Platform {@code ConfigurationFactory}. */
public abstract class ConfigurationFactory {
  private final ConfigurationType type;

  protected ConfigurationFactory(ConfigurationType type) {
    this.type = type;
  }

  public abstract RunConfiguration createTemplateConfiguration(Project project);

  public String getId() {
    throw new UnsupportedOperationException("stand-in");
  }

  public String getName() {
    throw new UnsupportedOperationException("stand-in");
  }

  public ConfigurationType getType() {
    return type;
  }

  public boolean isEditableInDumbMode() {
    throw new UnsupportedOperationException("stand-in");
  }
}
