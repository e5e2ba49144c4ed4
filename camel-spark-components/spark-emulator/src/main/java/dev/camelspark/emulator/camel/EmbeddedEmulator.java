package dev.camelspark.emulator.camel;

import dev.camelspark.emulator.EmulatorPortInUseException;
import dev.camelspark.emulator.Provider;
import dev.camelspark.emulator.SparkEmulator;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts spark-emulator inside a Camel Main application (or Camel JBang) when {@code spark.emulator.enabled=true}, on
 * {@code spark.emulator.port} (8089; 0 picks a free one), and
 * publishes its base URLs as {@code spark.emulator.url} and {@code spark.emulator.<provider>.url}, which the
 * {@code camel.component.*.base-url} settings point at, so an application runs offline, with no key:
 * <pre>
 * camel.main.configuration-classes = dev.camelspark.emulator.camel.EmbeddedEmulator
 * spark.emulator.enabled = true
 * camel.component.dynaspark.base-url = {{spark.emulator.dynaspark.url}}
 * </pre>
 * <p>
 * A configuration class rather than a main listener: Camel Main runs configuration classes after
 * {@code application.properties} is loaded and before it binds the component options, which is the moment the
 * emulator's URLs must exist.
 */
public class EmbeddedEmulator implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedEmulator.class);

    @Override
    public void configure(CamelContext camelContext) throws Exception {
        PropertiesComponent properties = camelContext.getPropertiesComponent();
        boolean enabled = properties.resolveProperty("spark.emulator.enabled").map(Boolean::parseBoolean).orElse(false);
        if (!enabled || camelContext.getRegistry().lookupByName("sparkEmulator") != null) {
            return;
        }
        int port = properties.resolveProperty("spark.emulator.port").map(Integer::parseInt).orElse(8089);
        SparkEmulator emulator;
        try {
            emulator = SparkEmulator.builder().port(port).build().start();
        } catch (EmulatorPortInUseException e) {
            throw new EmbeddedEmulatorException(e.getMessage() + ": stop it, or set spark.emulator.port to another "
                    + "port (0 picks a free one), or spark.emulator.enabled=false to use the real services");
        }
        properties.addOverrideProperty("spark.emulator.url", emulator.url());
        for (Provider provider : emulator.providers()) {
            properties.addOverrideProperty("spark.emulator." + provider.id() + ".url", emulator.baseUrl(provider));
        }
        camelContext.getRegistry().bind("sparkEmulator", emulator);
        // stopped with the context, after the routes
        camelContext.addService(new EmulatorService(emulator), true, false);
        LOG.info("spark-emulator running in-process at {} (spark.emulator.enabled=false uses the real services)",
                emulator.url());
    }

    /** Why the embedded emulator did not start, in one line: Camel prints the message, there is no trace to read. */
    static final class EmbeddedEmulatorException extends IllegalStateException {
        EmbeddedEmulatorException(String message) {
            super(message, null);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    private static final class EmulatorService extends ServiceSupport {
        private final SparkEmulator emulator;

        EmulatorService(SparkEmulator emulator) {
            this.emulator = emulator;
        }

        @Override
        protected void doStop() {
            emulator.close();
        }
    }
}
