package com.intellij.execution.configurations;

import javax.swing.Icon;

/** Stand-in of the IntelliJ Platform {@code ConfigurationTypeBase} (its {@code Icon} constructor). */
public abstract class ConfigurationTypeBase implements ConfigurationType {
  private final String id;
  private final String displayName;
  private final String description;
  private final Icon icon;
  private ConfigurationFactory[] factories = new ConfigurationFactory[0];

  public ConfigurationTypeBase(String id, String displayName, String description, Icon icon) {
    this.id = id;
    this.displayName = displayName;
    this.description = description;
    this.icon = icon;
  }

  protected final void addFactory(ConfigurationFactory factory) {
    ConfigurationFactory[] grown = java.util.Arrays.copyOf(factories, factories.length + 1);
    grown[factories.length] = factory;
    factories = grown;
  }

  @Override
  public String getDisplayName() { return displayName; }

  @Override
  public final String getConfigurationTypeDescription() { return description; }

  @Override
  public Icon getIcon() { return icon; }

  @Override
  public final String getId() { return id; }

  @Override
  public ConfigurationFactory[] getConfigurationFactories() { return factories; }
}
