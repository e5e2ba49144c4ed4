package dev.camelspark.routes;

import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The batch generation application: a drop folder watched by the routes in {@code routes/*.yaml}, configured by
 * {@code application.properties}. Run it with {@code mvn -pl routes -am package exec:java}.
 */
public final class BatchApplication {

    private static final Logger LOG = LoggerFactory.getLogger(BatchApplication.class);

    private BatchApplication() {
    }

    public static void main(String[] args) {
        int status;
        try {
            // no package scan: application.properties names the configuration classes, each is run once
            status = new Main().run(args);
        } catch (Throwable e) {
            // say why, and exit: the embedded emulator's threads would otherwise keep a failed start alive
            LOG.error("camel-spark batch application failed to start: {}", e.getMessage(), e);
            status = 1;
        }
        System.exit(status);
    }
}
