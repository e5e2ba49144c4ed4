package dev.camelspark.dynaspark;

import java.util.List;

import dev.camelspark.emulator.Provider;
import dev.camelspark.emulator.RecordedRequest;
import dev.camelspark.emulator.SparkEmulator;
import dev.camelspark.emulator.SparkEmulatorExtension;
import dev.camelspark.support.error.SparkErrorProperties;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A Camel context whose dynaspark component points at a real emulator over HTTP. */
abstract class DynaSparkTestSupport extends CamelTestSupport {

    @RegisterExtension
    static final SparkEmulatorExtension EMULATOR = new SparkEmulatorExtension();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        DynaSparkComponent component = context.getComponent("dynaspark", DynaSparkComponent.class);
        component.getConfiguration().setBaseUrl(EMULATOR.baseUrl(Provider.DYNASPARK));
        return context;
    }

    static SparkEmulator emulator() {
        return EMULATOR.emulator();
    }

    /** The calls the emulator received on one API path, e.g. {@code /generate_response}. */
    static List<RecordedRequest> calls(String path) {
        return emulator().requests(Provider.DYNASPARK).stream().filter(r -> r.path().endsWith(path)).toList();
    }

    Exchange send(String uri, Object body) {
        return template.send(uri, e -> e.getMessage().setBody(body));
    }

    static String category(Exchange exchange) {
        return exchange.getProperty(SparkErrorProperties.ERROR_CATEGORY, String.class);
    }
}
