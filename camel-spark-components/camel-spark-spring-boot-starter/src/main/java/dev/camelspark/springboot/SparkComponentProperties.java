package dev.camelspark.springboot;

import java.util.Map;

import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;

/**
 * The {@code camel.component.<scheme>.*} properties of one camel-spark component, as Spring Boot binds them. Every
 * option is {@code null} until set, so only what the application sets reaches the component, and the component keeps
 * its own defaults for the rest. The subclasses are generated from the components' catalog JSON.
 */
public abstract class SparkComponentProperties extends ComponentConfigurationPropertiesCommon {

    /** The component's scheme, e.g. {@code dynaspark}. */
    public abstract String scheme();

    /**
     * The options by their Camel name, in the order they are set ({@code configuration} first), with the values Camel's
     * property binding takes (durations in milliseconds, bean references as {@code #name}); {@code null} when not set.
     */
    public abstract Map<String, Object> camelOptions();
}
