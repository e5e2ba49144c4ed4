package dev.camelspark.support.testing;

import org.junit.jupiter.api.AfterEach;

/**
 * The base of a component's route test in every DSL: {@link #routes(String)} starts the component's routes file in
 * the DSL under test (an {@link DslRouteApplication.EachDsl} argument) on first use, and they stop after the test.
 */
public abstract class DslRouteTestSupport {

    private final String scheme;
    private final String[] properties;
    private DslRouteApplication routes;

    /** @param properties the application's {@code key=value} properties, as {@link DslRouteApplication#start} */
    protected DslRouteTestSupport(String scheme, String... properties) {
        this.scheme = scheme;
        this.properties = properties.clone();
    }

    /** {@code routes/<scheme>-routes.<dsl>} under Camel Main, started once per test. */
    protected DslRouteApplication routes(String dsl) {
        if (routes == null) {
            routes = DslRouteApplication.start(scheme, dsl, properties);
        }
        return routes;
    }

    @AfterEach
    void stopRoutes() throws Exception {
        if (routes != null) {
            routes.close();
            routes = null;
        }
    }
}
