package dev.camelspark.support.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One component's test routes ({@code routes/<scheme>-routes.<dsl>} on the test classpath) under Camel Main,
 * configured by properties as an application would be: the same checks run once per DSL ({@link EachDsl}), so a
 * component has one route test instead of an XML and a YAML copy.
 */
public final class DslRouteApplication implements AutoCloseable {

    /** A test run once with the XML (camel-xml-io-dsl) and once with the YAML routes; its argument is the DSL. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @ParameterizedTest(name = "{0} routes")
    @ValueSource(strings = { "xml", "yaml" })
    public @interface EachDsl {
    }

    private final Main main;
    private final ProducerTemplate template;

    private DslRouteApplication(Main main) {
        this.main = main;
        this.template = main.getCamelContext().createProducerTemplate();
    }

    /**
     * Starts {@code routes/<scheme>-routes.<dsl>} with the given {@code key=value} properties, e.g.
     * {@code camel.component.neospark.base-url={{spark.emulator.neospark.url}}}.
     */
    public static DslRouteApplication start(String scheme, String dsl, String... properties) {
        Main main = new Main();
        main.addInitialProperty("camel.main.routes-include-pattern", "classpath:routes/" + scheme + "-routes." + dsl);
        for (String property : properties) {
            int eq = property.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("not key=value: " + property);
            }
            main.addInitialProperty(property.substring(0, eq), property.substring(eq + 1));
        }
        main.start();
        return new DslRouteApplication(main);
    }

    public ProducerTemplate template() {
        return template;
    }

    public CamelContext context() {
        return main.getCamelContext();
    }

    @Override
    public void close() throws Exception {
        template.close();
        main.stop();
    }
}
