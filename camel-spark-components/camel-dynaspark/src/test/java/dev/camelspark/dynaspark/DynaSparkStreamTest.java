package dev.camelspark.dynaspark;

import java.time.Duration;
import java.util.List;

import dev.camelspark.emulator.Provider;
import dev.camelspark.emulator.RecordedRequest;
import dev.camelspark.support.testing.StreamedCallTestSupport;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** dynaspark:text?stream=true: the shared streaming checks, plus what DynaSpark's own call looks like. */
class DynaSparkStreamTest extends StreamedCallTestSupport {

    DynaSparkStreamTest() {
        super(Provider.DYNASPARK, null, "dynaspark:text", "Tell me a story about a camel crossing the desert");
    }

    @Override
    protected RecordedRequest streamCall() {
        return calls("/generate_response").get(0);
    }

    private static List<RecordedRequest> calls(String path) {
        return DynaSparkTestSupport.calls(path);
    }

    @Override
    protected int cutAfter() {
        return 2;
    }

    @Override
    protected int stallAfter() {
        return 1;
    }

    @Override
    protected void moreRoutes(RouteBuilder routes) {
        routes.from("direct:ignore").to("dynaspark:text?stream=true").setBody(routes.constant("not read"));
    }

    @Override
    protected void alsoWhenStreamed(Exchange out) {
        assertThat(streamCall().queryParam("stream")).isEqualTo("true");
    }

    @Test
    void aStreamTheRouteNeverReadsIsReleasedWhenTheExchangeEnds() {
        emulator().dynaspark().tokenDelay(Duration.ofMillis(100));

        Exchange out = send("direct:ignore", question());

        assertThat(out.getException()).isNull();
        // the connection was closed by the client long before the slow stream could have finished on its own
        await().atMost(Duration.ofSeconds(10)).until(() -> streamCall().completed());
    }
}
