package dev.camelspark.dynaspark;

import java.time.Duration;

import dev.camelspark.emulator.Fault;
import dev.camelspark.emulator.Provider;
import dev.camelspark.emulator.RecordedRequest;
import dev.camelspark.support.error.SparkTransportException;
import dev.camelspark.support.error.SparkValidationException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DynaSparkAudioTest extends DynaSparkTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:speak").to("dynaspark:audio?voice=nova");
                from("direct:default").to("dynaspark:audio");
                from("direct:quick").to("dynaspark:audio?requestTimeout=500&maxRetries=0");
            }
        };
    }

    @Test
    void textBecomesMp3() {
        Exchange out = send("direct:speak", "Hello from Apache Camel");

        assertThat(out.getException()).isNull();
        byte[] mp3 = out.getMessage().getBody(byte[].class);
        assertThat(isMp3(mp3)).as("starts with an ID3 tag or an MPEG frame sync").isTrue();
        assertThat(out.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("audio/mpeg");
        RecordedRequest call = calls("/generate_response").get(0);
        assertThat(call.queryParam("model")).isEqualTo("openai-audio");
        assertThat(call.queryParam("voice")).isEqualTo("nova");
        assertThat(call.queryParam("user_input")).isEqualTo("Hello from Apache Camel");
    }

    @Test
    void anAnswerThatTricklesInPastRequestTimeoutFails() {
        // each piece comes well within the read timeout, the whole answer takes twice requestTimeout
        emulator().faults().add(Fault.trickle(200, "ID3" + "x".repeat(997), Duration.ofMillis(110))
                .header("Content-Type", "audio/mpeg").on(Provider.DYNASPARK).path("*/generate_response").times(1));

        Exchange out = send("direct:quick", "Hello");

        assertThat(out.getException()).as("the whole answer must be in within requestTimeout")
                .isInstanceOf(SparkTransportException.class).hasMessageContaining("requestTimeout (500 ms)");
        assertThat(out.getMessage().getBody()).isNotInstanceOf(byte[].class);
    }

    @Test
    void aVoiceOutsideTheListFailsBeforeAnyCall() {
        Exchange out = template.send("direct:default", e -> {
            e.getMessage().setBody("Hello");
            e.getMessage().setHeader(DynaSparkConstants.OVERRIDE_VOICE, "robot");
        });

        assertThat(out.getException()).isInstanceOf(SparkValidationException.class)
                .hasMessageContaining("voice").hasMessageContaining("robot").hasMessageContaining("alloy, echo, fable, onyx, nova, shimmer");
        assertThat(calls("/generate_response")).isEmpty();
    }

    static boolean isMp3(byte[] bytes) {
        if (bytes.length > 3 && bytes[0] == 'I' && bytes[1] == 'D' && bytes[2] == '3') {
            return true;
        }
        return bytes.length > 2 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xe0) == 0xe0;
    }
}
