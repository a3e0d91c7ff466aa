package com.intellij.execution.configurations;

import com.intellij.openapi.project.Project;
import com.intellij.openapi.util.InvalidDataException;
import org.jdom.Element;

/**
 * Stand-in of the IntelliJ Platform {@code RunConfigurationBase}. The stand-in keeps project, factory and name so the
 * plugin's tests can build a configuration.
 */
public abstract class RunConfigurationBase<T> implements RunConfiguration {
  private final Project project;
  private final ConfigurationFactory factory;
  private String name;
  private final RunConfigurationOptions options = new RunConfigurationOptions();

  protected RunConfigurationBase(Project project, ConfigurationFactory factory, String name) {
    this.project = project;
    this.factory = factory;
    this.name = name;
  }

  protected RunConfigurationOptions getOptions() {
    return options;
  }

  @Override
  public final ConfigurationFactory getFactory() {
    return factory;
  }

  @Override
  public final void setName(String name) {
    this.name = name;
  }

  @Override
  public final String getName() {
    return name == null ? "" : name;
  }

  @Override
  public final Project getProject() {
    return project;
  }

  @Override
  public RunConfiguration clone() {
    try {
      return (RunConfiguration) super.clone();
    } catch (CloneNotSupportedException e) {
      throw new AssertionError(e);
    }
  }

  public void readExternal(Element element) throws InvalidDataException {
  }

  public void writeExternal(Element element) {
  }
}
