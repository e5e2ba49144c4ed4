package dev.camelspark.support.testing;

import java.util.function.Consumer;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

/**
 * For the components' start-up tests: a fresh Camel context with one route, started and stopped, so that what the
 * component refuses when a route starts comes out as the exception.
 */
public final class RouteStarts {

    private RouteStarts() {
    }

    /** Starts {@code from("direct:a").to(uri)}. */
    public static void to(String uri) throws Exception {
        to(uri, c -> { });
    }

    /** Starts {@code from("direct:a").to(uri)} after {@code setup} configured the context (a component's key, ...). */
    public static void to(String uri, Consumer<CamelContext> setup) throws Exception {
        start(setup, new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:a").to(uri);
            }
        });
    }

    /** Starts {@code from(uri).to("mock:out")} after {@code setup}. */
    public static void from(String uri, Consumer<CamelContext> setup) throws Exception {
        start(setup, new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).to("mock:out");
            }
        });
    }

    /** Starts {@code from(from).to(to)}. */
    public static void route(String from, String to) throws Exception {
        start(c -> { }, new RouteBuilder() {
            @Override
            public void configure() {
                from(from).to(to);
            }
        });
    }

    /** Loads and starts YAML routes. */
    public static void yaml(String routes) throws Exception {
        routes("routes.yaml", routes);
    }

    /** Loads and starts routes in the DSL that {@code name} ends in ({@code .yaml}, {@code .xml}). */
    public static void routes(String name, String routes) throws Exception {
        try (CamelContext c = new DefaultCamelContext()) {
            PluginHelper.getRoutesLoader(c).loadRoutes(ResourceHelper.fromString(name, routes));
            c.start();
        }
    }

    private static void start(Consumer<CamelContext> setup, RouteBuilder routes) throws Exception {
        try (CamelContext c = new DefaultCamelContext()) {
            setup.accept(c);
            c.addRoutes(routes);
            c.start();
        }
    }
}
