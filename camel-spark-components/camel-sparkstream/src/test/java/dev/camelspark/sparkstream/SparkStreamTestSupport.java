package dev.camelspark.sparkstream;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

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

/** A Camel context whose sparkstream component points at a real emulator over HTTP, with a key. */
abstract class SparkStreamTestSupport extends CamelTestSupport {

    static final String KEY = "ss-test-key";

    @RegisterExtension
    static final SparkEmulatorExtension EMULATOR = new SparkEmulatorExtension();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        SparkStreamComponent component = context.getComponent("sparkstream", SparkStreamComponent.class);
        component.getConfiguration().setBaseUrl(EMULATOR.baseUrl(Provider.SPARKSTREAM));
        component.getConfiguration().setApiKey(KEY);
        return context;
    }

    static SparkEmulator emulator() {
        return EMULATOR.emulator();
    }

    static List<RecordedRequest> calls() {
        return emulator().requests(Provider.SPARKSTREAM);
    }

    Exchange send(String uri, Object body) {
        return template.send(uri, e -> e.getMessage().setBody(body));
    }

    static String category(Exchange exchange) {
        return exchange.getProperty(SparkErrorProperties.ERROR_CATEGORY, String.class);
    }

    /** Stops the emulator's clock 30 seconds into a later minute, so per-minute windows do not turn over. */
    static void freezeMidMinute(EmulatorClock clock) {
        clock.freeze();
        Instant now = clock.now();
        clock.advance(Duration.ofSeconds(60 - Math.floorMod(now.getEpochSecond(), 60L) + 30));
    }
}
