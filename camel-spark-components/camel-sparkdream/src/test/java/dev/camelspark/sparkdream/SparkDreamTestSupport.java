package dev.camelspark.sparkdream;

import java.time.Duration;
import java.util.List;

import dev.camelspark.emulator.Provider;
import dev.camelspark.emulator.RecordedRequest;
import dev.camelspark.emulator.SparkEmulator;
import dev.camelspark.emulator.SparkEmulatorExtension;
import dev.camelspark.emulator.sparkdream.SparkDreamSettings;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Camel context whose sparkdream component points at a real emulator over HTTP. Emulated tasks skip the queue and
 * take 300 ms to complete; the component polls every 50-200 ms.
 */
abstract class SparkDreamTestSupport extends CamelTestSupport {

    @RegisterExtension
    static final SparkEmulatorExtension EMULATOR = new SparkEmulatorExtension();

    static final String KEY = "sd-test-key";

    @BeforeEach
    void quickTasks() {
        settings().durations(Duration.ZERO, Duration.ofMillis(300));
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        configure(context.getComponent("sparkdream", SparkDreamComponent.class), EMULATOR.baseUrl(Provider.SPARKDREAM));
        return context;
    }

    /** Key, base URL and quick polling, as every test here uses them. */
    static void configure(SparkDreamComponent component, String baseUrl) {
        SparkDreamConfiguration c = component.getConfiguration();
        c.setBaseUrl(baseUrl);
        c.setApiKey(KEY);
        c.setPollInterval(50);
        c.setMaxPollInterval(200);
    }

    static SparkEmulator emulator() {
        return EMULATOR.emulator();
    }

    static SparkDreamSettings settings() {
        return emulator().settings(Provider.SPARKDREAM, SparkDreamSettings.class);
    }

    /** The create calls the emulator received. */
    static List<RecordedRequest> creates() {
        return emulator().requests(Provider.SPARKDREAM).stream()
                .filter(r -> r.method().equals("POST") && r.path().equals("/model/v1/generation")).toList();
    }

    /** The image downloads from the emulator's CDN. */
    static List<RecordedRequest> cdnDownloads() {
        return emulator().requests(Provider.SPARKDREAM).stream().filter(r -> r.path().startsWith("/cdn/")).toList();
    }

    Exchange send(String uri, Object body) {
        return template.send(uri, e -> e.getMessage().setBody(body));
    }
}
