package dev.camelspark.dynaspark;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;

import javax.imageio.ImageIO;

import dev.camelspark.emulator.Fault;
import dev.camelspark.emulator.Provider;
import dev.camelspark.emulator.SparkEmulator;
import dev.camelspark.support.SparkConstants;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.mock.MockEndpoint;

import static org.assertj.core.api.Assertions.assertThat;

/** The checks every DSL's copy of the routes must pass; {@code prefix} is "yaml" or "xml". */
final class DslRouteChecks {

    private DslRouteChecks() {
    }

    static void text(ProducerTemplate template, SparkEmulator emulator, String prefix) {
        Exchange out = template.send("direct:" + prefix + "-text", e -> e.getMessage().setBody("What is a camel?"));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(String.class)).isNotBlank();
        assertThat(out.getMessage().getHeader(SparkConstants.TOTAL_TOKENS, Integer.class)).isPositive();
        var call = emulator.requests(Provider.DYNASPARK).get(0);
        assertThat(call.queryParam("temperature")).isEqualTo("0.5");
        assertThat(call.queryParam("system")).isEqualTo("Answer in one sentence");
    }

    static void stream(ProducerTemplate template, CamelContext context, String prefix) {
        MockEndpoint deltas = context.getEndpoint("mock:" + prefix + "-deltas", MockEndpoint.class);
        deltas.reset();

        Exchange out = template.send("direct:" + prefix + "-stream", e -> e.getMessage().setBody("Tell me a story"));

        assertThat(out.getException()).isNull();
        assertThat(deltas.getReceivedCounter()).isGreaterThan(1);
        String joined = deltas.getReceivedExchanges().stream().map(e -> e.getMessage().getBody(String.class))
                .reduce("", String::concat);
        assertThat(joined).isNotBlank();
    }

    static void image(ProducerTemplate template, String prefix) throws Exception {
        Exchange out = template.send("direct:" + prefix + "-image", e -> e.getMessage().setBody("A camel"));

        assertThat(out.getException()).isNull();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(out.getMessage().getBody(byte[].class)));
        assertThat(image.getWidth()).isEqualTo(128);
        assertThat(image.getHeight()).isEqualTo(96);
        assertThat(out.getMessage().getHeader(SparkConstants.SEED, Long.class)).isEqualTo(7L);
    }

    static void audio(ProducerTemplate template, String prefix) {
        Exchange out = template.send("direct:" + prefix + "-audio", e -> e.getMessage().setBody("Hello"));

        assertThat(out.getException()).isNull();
        assertThat(DynaSparkAudioTest.isMp3(out.getMessage().getBody(byte[].class))).isTrue();
        assertThat(out.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("audio/mpeg");
    }

    static void errors(ProducerTemplate template, SparkEmulator emulator, String prefix) {
        emulator.faults().add(Fault.respond(401, "{\"error\":\"Invalid API key\"}").on(Provider.DYNASPARK).times(1));

        Exchange out = template.send("direct:" + prefix + "-errors", e -> e.getMessage().setBody("Hello"));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(String.class)).isEqualTo("failed: AUTH");
    }
}
