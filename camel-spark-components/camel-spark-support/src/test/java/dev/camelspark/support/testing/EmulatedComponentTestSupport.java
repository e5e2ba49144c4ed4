package dev.camelspark.support.testing;

import java.time.Duration;
import java.util.List;

import dev.camelspark.emulator.Provider;
import dev.camelspark.emulator.RecordedRequest;
import dev.camelspark.emulator.SparkEmulator;
import dev.camelspark.emulator.SparkEmulatorExtension;
import dev.camelspark.support.SparkComponentSupport;
import dev.camelspark.support.SparkConfiguration;
import dev.camelspark.support.error.SparkErrorProperties;
import dev.camelspark.support.task.SparkTaskConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Camel context whose component (the one of the provider's scheme) points at a real emulator over HTTP, with the
 * test's key, for the components' tests. One emulator per test class, reset before each test. Emulated tasks skip
 * the queue and finish 300 ms after they are created (unless a test freezes the emulator's clock), and task
 * components poll every 50-200 ms, so a polling test sees a task pending, then done.
 */
public abstract class EmulatedComponentTestSupport extends CamelTestSupport {

    @RegisterExtension
    protected static final SparkEmulatorExtension EMULATOR = new SparkEmulatorExtension(SparkEmulator.builder()
            .sparkdream(s -> s.durations(Duration.ZERO, Duration.ofMillis(300)))
            .neospark(s -> s.taskTimes(Duration.ZERO, Duration.ofMillis(300))));

    private final Provider provider;
    private final String key;

    /** {@code key} null: none is configured (a provider that needs none, or a test of the missing key). */
    protected EmulatedComponentTestSupport(Provider provider, String key) {
        this.provider = provider;
        this.key = key;
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        pointAt(context.getComponent(provider.id(), SparkComponentSupport.class), EMULATOR.baseUrl(provider), key);
        return context;
    }

    /**
     * Base URL, key and quick polling, as the tests use them; also for a component a test makes itself, e.g. with
     * an emulator of its own.
     */
    public static void pointAt(SparkComponentSupport component, String baseUrl, String key) {
        SparkConfiguration c = component.getConfiguration();
        c.setBaseUrl(baseUrl);
        if (key != null) {
            c.setApiKey(key);
        }
        if (c instanceof SparkTaskConfiguration tasks) {
            tasks.setPollInterval(50);
            tasks.setMaxPollInterval(200);
        }
    }

    public static SparkEmulator emulator() {
        return EMULATOR.emulator();
    }

    /** What the emulator received for this test's provider, oldest first. */
    public List<RecordedRequest> requests() {
        return emulator().requests(provider);
    }

    public Exchange send(String uri, Object body) {
        return template.send(uri, e -> e.getMessage().setBody(body));
    }

    /** The error category a failed exchange carries. */
    public static String category(Exchange exchange) {
        return exchange.getProperty(SparkErrorProperties.ERROR_CATEGORY, String.class);
    }
}
