package dev.camelspark.dynaspark;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelspark.emulator.Fault;
import dev.camelspark.emulator.Provider;
import dev.camelspark.emulator.RecordedRequest;
import dev.camelspark.support.SparkConstants;
import dev.camelspark.support.error.SparkApiException;
import dev.camelspark.support.error.SparkAuthenticationException;
import dev.camelspark.support.error.SparkErrorProperties;
import dev.camelspark.support.error.SparkRateLimitException;
import dev.camelspark.support.error.SparkServerException;
import dev.camelspark.support.error.SparkValidationException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DynaSparkTextTest extends DynaSparkTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:text").to("dynaspark:text");
                from("direct:tuned").to("dynaspark:text?model=openai&temperature=0.8&topP=0.9&presencePenalty=0.6"
                                        + "&frequencyPenalty=-0.5&system=Be brief&seed=42&referrer=tests&privateGeneration=true");
                from("direct:json").to("dynaspark:text?json=true");
                from("direct:keyed").to("dynaspark:text?apiKey=RAW(my-secret-key)");
                from("direct:denied").to("dynaspark:text?apiKey=invalid-key");
                from("direct:patient").to("dynaspark:text?maxRetries=2");
                // never waits for a reset, however near (the emulator's hourly window may end within a minute)
                from("direct:impatient").to("dynaspark:text?maxRetryAfter=0");
            }
        };
    }

    @Test
    void promptBecomesText() {
        Exchange out = send("direct:text", "What is Apache Camel?");

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(String.class)).isNotBlank();
        assertThat(out.getMessage().getHeader(SparkConstants.MODEL, String.class)).isNotBlank();
        Integer prompt = out.getMessage().getHeader(SparkConstants.PROMPT_TOKENS, Integer.class);
        Integer completion = out.getMessage().getHeader(SparkConstants.COMPLETION_TOKENS, Integer.class);
        assertThat(out.getMessage().getHeader(SparkConstants.TOTAL_TOKENS, Integer.class)).isEqualTo(prompt + completion);
        assertThat(out.getMessage().getHeader(SparkConstants.ATTEMPTS, Integer.class)).isEqualTo(1);
        assertThat(out.getMessage().getHeader(SparkConstants.RATE_LIMIT_REMAINING, Long.class)).isNotNull();
        assertThat(out.getMessage().getHeader(SparkConstants.RATE_LIMIT_RESET, Long.class)).isPositive();

        RecordedRequest call = calls("/generate_response").get(0);
        assertThat(call.method()).isEqualTo("GET");
        assertThat(call.queryParam("user_input")).isEqualTo("What is Apache Camel?");
        assertThat(call.query()).doesNotContainKeys("api_key", "stream", "json", "model");
    }

    @Test
    void everyOptionTravelsUnderItsApiName() {
        Exchange out = send("direct:tuned", "Write a haiku");

        assertThat(out.getException()).isNull();
        RecordedRequest call = calls("/generate_response").get(0);
        assertThat(call.queryParam("model")).isEqualTo("openai");
        assertThat(call.queryParam("temperature")).isEqualTo("0.8");
        assertThat(call.queryParam("top_p")).isEqualTo("0.9");
        assertThat(call.queryParam("presence_penalty")).isEqualTo("0.6");
        assertThat(call.queryParam("frequency_penalty")).isEqualTo("-0.5");
        assertThat(call.queryParam("system")).isEqualTo("Be brief");
        assertThat(call.queryParam("seed")).isEqualTo("42");
        assertThat(call.queryParam("referrer")).isEqualTo("tests");
        assertThat(call.queryParam("private")).isEqualTo("true");
        assertThat(out.getMessage().getHeader(SparkConstants.SEED, Long.class)).isEqualTo(42L);
    }

    @Test
    void headersOverrideEndpointOptions() {
        Exchange out = template.send("direct:tuned", e -> {
            e.getMessage().setBody("Write a haiku");
            e.getMessage().setHeader(DynaSparkConstants.OVERRIDE_TEMPERATURE, "1.5");
            e.getMessage().setHeader(DynaSparkConstants.OVERRIDE_SEED, 7);
        });

        assertThat(out.getException()).isNull();
        RecordedRequest call = calls("/generate_response").get(0);
        assertThat(call.queryParam("temperature")).isEqualTo("1.5");
        assertThat(call.queryParam("seed")).isEqualTo("7");
        assertThat(call.queryParam("top_p")).isEqualTo("0.9");
    }

    @Test
    void jsonModeGivesTheJsonDocument() throws Exception {
        Exchange out = send("direct:json", "List three colors");

        assertThat(out.getException()).isNull();
        JsonNode doc = new ObjectMapper().readTree(out.getMessage().getBody(String.class));
        assertThat(doc.isContainerNode()).isTrue();
        assertThat(calls("/generate_response").get(0).queryParam("json")).isEqualTo("true");
    }

    @Test
    void theKeyIsSentOnlyWhenConfigured() {
        Exchange out = send("direct:keyed", "Hello");

        assertThat(out.getException()).isNull();
        assertThat(calls("/generate_response").get(0).queryParam("api_key")).isEqualTo("my-secret-key");
    }

    @Test
    void badOptionValueFailsBeforeAnyCallNamingOptionValueAndRange() {
        Exchange out = template.send("direct:text", e -> {
            e.getMessage().setBody("Hello");
            e.getMessage().setHeader(DynaSparkConstants.OVERRIDE_TEMPERATURE, 5.0);
        });

        assertThat(out.getException()).isInstanceOf(SparkValidationException.class)
                .hasMessageContaining("temperature")
                .hasMessageContaining("CamelDynaSparkTemperature")
                .hasMessageContaining("5.0")
                .hasMessageContaining("from 0 to 3");
        assertThat(category(out)).isEqualTo("VALIDATION");
        assertThat(emulator().requests(Provider.DYNASPARK)).isEmpty();
    }

    @Test
    void emptyPromptFailsBeforeAnyCall() {
        Exchange out = send("direct:text", "   ");

        assertThat(out.getException()).isInstanceOf(SparkValidationException.class).hasMessageContaining("prompt");
        assertThat(emulator().requests(Provider.DYNASPARK)).isEmpty();
    }

    @Test
    void deniedKeyIsAnAuthenticationFailureAndTheKeyIsNotInTheMessage() {
        Exchange out = send("direct:denied", "Hello");

        assertThat(out.getException()).isInstanceOf(SparkAuthenticationException.class);
        assertThat(((SparkApiException) out.getException()).getHttpStatus()).isEqualTo(401);
        assertThat(category(out)).isEqualTo("AUTH");
        assertThat(calls("/generate_response")).hasSize(1); // never retried
    }

    @Test
    void serverErrorsAreRetriedAndTheAttemptsReported() {
        emulator().faults().add(Fault.respond(503, "{\"error\":\"warming up\"}").on(Provider.DYNASPARK).times(2));

        Exchange out = send("direct:patient", "Hello");

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(String.class)).isNotBlank();
        assertThat(out.getMessage().getHeader(SparkConstants.ATTEMPTS, Integer.class)).isEqualTo(3);
        assertThat(calls("/generate_response")).hasSize(3);
    }

    @Test
    void persistentServerErrorFailsAfterMaxRetries() {
        emulator().faults().add(Fault.respond(500, "{\"error\":\"boom\"}").on(Provider.DYNASPARK).always());

        Exchange out = send("direct:patient", "Hello");

        assertThat(out.getException()).isInstanceOf(SparkServerException.class).hasMessageContaining("boom");
        assertThat(((SparkApiException) out.getException()).getAttempts()).isEqualTo(3);
        assertThat(category(out)).isEqualTo("SERVER_ERROR");
        assertThat(calls("/generate_response")).hasSize(3);
    }

    @Test
    void rateLimitWithShortRetryAfterIsWaitedOut() {
        emulator().faults().add(Fault.respond(429, "{\"error\":\"Rate limit exceeded\"}").header("Retry-After", "1")
                .on(Provider.DYNASPARK).times(1));

        Exchange out = send("direct:text", "Hello");

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(SparkConstants.ATTEMPTS, Integer.class)).isEqualTo(2);
    }

    @Test
    void rateLimitBeyondMaxRetryAfterFailsAtOnceWithTheWait() {
        emulator().faults().add(Fault.respond(429, "{\"error\":\"Rate limit exceeded\"}").header("Retry-After", "3600")
                .on(Provider.DYNASPARK).times(1));

        Exchange out = send("direct:text", "Hello");

        assertThat(out.getException()).isInstanceOf(SparkRateLimitException.class);
        assertThat(category(out)).isEqualTo("RATE_LIMIT");
        assertThat(out.getProperty(SparkErrorProperties.RETRY_AFTER_MILLIS, Long.class)).isEqualTo(3_600_000L);
        assertThat(calls("/generate_response")).hasSize(1);
    }

    @Test
    void theEmulatorsOwnRateLimitSurfacesAsRateLimitFailure() {
        emulator().dynaspark().requestsPerHour(1);

        assertThat(send("direct:impatient", "first").getException()).isNull();
        Exchange second = send("direct:impatient", "second");

        assertThat(second.getException()).isInstanceOf(SparkRateLimitException.class);
        assertThat(((SparkRateLimitException) second.getException()).getRateLimitReset()).isNotNull();
    }

    @Test
    void okStatusWithAnErrorFieldIsAnError() {
        emulator().faults().add(Fault.respond(200, "{\"error\":\"model overloaded\"}").on(Provider.DYNASPARK).times(1));

        Exchange out = send("direct:text", "Hello");

        assertThat(out.getException()).isInstanceOf(SparkApiException.class).hasMessageContaining("model overloaded");
    }

    @Test
    void resetConnectionIsRetriedForText() {
        emulator().faults().add(Fault.resetConnection().on(Provider.DYNASPARK).times(1));

        Exchange out = send("direct:text", "Hello");

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(SparkConstants.ATTEMPTS, Integer.class)).isEqualTo(2);
    }

    @Test
    void providerValidationErrorIsAValidationFailure() {
        emulator().faults().add(Fault.respond(400, "{\"error\":\"user_input is required\"}").on(Provider.DYNASPARK).times(1));

        Exchange out = send("direct:text", "Hello");

        assertThat(out.getException()).isInstanceOf(SparkValidationException.class)
                .hasMessageContaining("user_input is required");
        assertThat(category(out)).isEqualTo("VALIDATION");
        assertThat(calls("/generate_response")).hasSize(1);
    }

    @Test
    void headersOfOneCallDoNotSteerTheNext() {
        // a result header such as CamelSparkModel must never be read back as an input
        Exchange out = template.send("direct:text", e -> {
            e.getMessage().setBody("Hello");
            e.getMessage().setHeaders(Map.of(SparkConstants.MODEL, "flux", SparkConstants.SEED, 3L));
        });

        assertThat(out.getException()).isNull();
        assertThat(calls("/generate_response").get(0).query()).doesNotContainKeys("model", "seed");
    }
}
