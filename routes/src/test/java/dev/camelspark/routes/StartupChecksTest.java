package dev.camelspark.routes;

import java.nio.file.Files;

import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

/** What stops the application from starting, with a message a person can act on. */
class StartupChecksTest {

    private static Main main(String... properties) throws Exception {
        Main main = new Main();
        main.addOverrideProperty("spark.batch.dir", Files.createTempDirectory("camel-spark-startup-").toString());
        main.addOverrideProperty("spark.emulator.port", "0");
        for (int i = 0; i < properties.length; i += 2) {
            main.addOverrideProperty(properties[i], properties[i + 1]);
        }
        return main;
    }

    @Test
    void theLiveProfileRefusesToStartWithoutTheKeysItNeeds() throws Exception {
        assumeThat(System.getenv("SPARKGPT_API_KEY")).as("this machine has no SparkGPT key set").isNull();
        assumeThat(System.getenv("NEOSPARK_API_KEY")).isNull();
        Main main = main("spark.batch.providers", "dynaspark,sparkgpt,neospark");
        main.configure().setProfile("live");
        try {
            assertThatThrownBy(main::start)
                    .hasStackTraceContaining("the live profile needs API keys that are not set")
                    .hasStackTraceContaining("NEOSPARK_API_KEY (neospark)")
                    .hasStackTraceContaining("SPARKGPT_API_KEY (sparkgpt)");
        } finally {
            main.stop();
        }
    }

    @Test
    void theLiveProfileStartsWhenNoEnabledProviderNeedsAKey() throws Exception {
        Main main = main("spark.batch.providers", "dynaspark");
        main.configure().setProfile("live");
        try {
            main.start();
            assertThat(main.getCamelContext().getRoutes()).isNotEmpty();
            // the real service, not the emulator
            assertThat(main.getCamelContext().getRegistry().lookupByName("sparkEmulator")).isNull();
        } finally {
            main.stop();
        }
    }

    @Test
    void withTheHttpServerOffThereIsNoStatusPageAndNoPortIsOpened() throws Exception {
        Main main = main("spark.batch.http.enabled", "false");
        try {
            main.start();
            assertThat(main.getCamelContext().getRoute("prompt-files")).isNotNull();
            assertThat(main.getCamelContext().getRoute("status-json")).isNull();
            assertThat(main.getCamelContext().hasService(
                    org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer.class)).isNull();
        } finally {
            main.stop();
        }
    }

    @Test
    void anUnknownOptionInARouteFailsAtStartNamingIt() throws Exception {
        Main main = main("camel.main.routes-include-pattern", "classpath:routes/yaml/*,classpath:typo-route.yaml");
        try {
            assertThatThrownBy(main::start).hasStackTraceContaining("widht");
        } finally {
            main.stop();
        }
    }
}
