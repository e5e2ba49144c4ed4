package dev.camelspark.springboot;

import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.SensitiveUtils;
import org.apache.camel.util.StringHelper;
import org.springframework.context.ApplicationContext;

/**
 * Sets the {@code camel.component.<scheme>.*} properties the application set on the component of that name, the way
 * Camel Main binds them: through the component's generated configurer, with Camel's conversions and {@code #name}
 * bean references, failing on a value that cannot be set. Options not set are left alone.
 * <p>
 * Applied when Camel adds the component, before it starts, so the component's own start-up checks see the values.
 */
public final class SparkComponentCustomizer implements ComponentCustomizer {

    private final Class<? extends Component> type;
    private final SparkComponentProperties properties;
    private final CamelContext camelContext;
    private final ApplicationContext applicationContext;

    public SparkComponentCustomizer(Class<? extends Component> type, SparkComponentProperties properties,
                                    CamelContext camelContext, ApplicationContext applicationContext) {
        this.type = type;
        this.properties = properties;
        this.camelContext = camelContext;
        this.applicationContext = applicationContext;
    }

    /**
     * Only the component named as the scheme, as Camel Main does: another instance of the class (a bean named
     * {@code dynaspark-eu}, say) keeps what its own code sets.
     */
    @Override
    public boolean isEnabled(String name, Component target) {
        String scheme = properties.scheme();
        return scheme.equals(name) && type.isInstance(target)
               && HierarchicalPropertiesEvaluator.evaluate(applicationContext, "camel.component.customizer",
                       "camel.component." + scheme + ".customizer");
    }

    @Override
    public void configure(String name, Component target) {
        // the component resolves its configurer when initialised (Camel Main does the same before binding)
        ServiceHelper.initService(target);
        PropertyConfigurer configurer = target.getComponentPropertyConfigurer();
        for (Map.Entry<String, Object> option : properties.camelOptions().entrySet()) {
            if (option.getValue() != null) {
                bind(target, configurer, option.getKey(), option.getValue());
            }
        }
    }

    private void bind(Component target, PropertyConfigurer configurer, String option, Object value) {
        try {
            PropertyBindingSupport.build()
                    .withCamelContext(camelContext)
                    .withTarget(target)
                    .withConfigurer(configurer)
                    .withIgnoreCase(true)
                    .withMandatory(true)
                    .withProperty(option, value)
                    .bind();
        } catch (RuntimeException e) {
            String key = "camel.component." + properties.scheme() + "." + StringHelper.camelCaseToDash(option);
            if (SensitiveUtils.containsSensitive(option)) { // Camel's message would carry the value
                throw new IllegalArgumentException(key + ": the value cannot be set on the " + properties.scheme()
                                                   + " component (" + e.getClass().getSimpleName() + ")");
            }
            throw new IllegalArgumentException(key + ": cannot set '" + value + "' on the " + properties.scheme()
                                               + " component: " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getName();
    }
}
