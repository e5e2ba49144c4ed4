package dev.camelspark.sparkgpt;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelspark.emulator.EmulatorClock;
import dev.camelspark.emulator.Provider;
import dev.camelspark.emulator.RecordedRequest;
import dev.camelspark.emulator.SparkEmulator;
import dev.camelspark.emulator.SparkEmulatorExtension;
import dev.camelspark.support.error.SparkErrorProperties;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A Camel context whose sparkgpt component points at a real emulator over HTTP, with a key. */
abstract class SparkGptTestSupport extends CamelTestSupport {

    static final String KEY = "sg-test-key";

    @RegisterExtension
    static final SparkEmulatorExtension EMULATOR = new SparkEmulatorExtension();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        SparkGptComponent component = context.getComponent("sparkgpt", SparkGptComponent.class);
        component.getConfiguration().setBaseUrl(EMULATOR.baseUrl(Provider.SPARKGPT));
        component.getConfiguration().setApiKey(KEY);
        return context;
    }

    static SparkEmulator emulator() {
        return EMULATOR.emulator();
    }

    /** The calls the emulator received on one API path, e.g. {@code /api/askoutside}. */
    static List<RecordedRequest> calls(String path) {
        return emulator().requests(Provider.SPARKGPT).stream().filter(r -> r.path().equals(path)).toList();
    }

    static JsonNode body(RecordedRequest call) {
        return call.bodyJson();
    }

    Exchange send(String uri, Object body) {
        return template.send(uri, e -> e.getMessage().setBody(body));
    }

    static String category(Exchange exchange) {
        return exchange.getProperty(SparkErrorProperties.ERROR_CATEGORY, String.class);
    }

    /** Stops the emulator's clock at noon UTC of a later day, so daily windows do not turn over during a test. */
    static void freezeAtNoon(EmulatorClock clock) {
        clock.freeze();
        Instant now = clock.now();
        long secondsIntoDay = Math.floorMod(now.getEpochSecond(), 86_400L);
        clock.advance(Duration.ofSeconds(86_400L - secondsIntoDay + 43_200L));
    }
}
