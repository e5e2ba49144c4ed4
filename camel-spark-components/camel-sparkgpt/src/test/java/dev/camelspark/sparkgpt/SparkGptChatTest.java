package dev.camelspark.sparkgpt;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelspark.emulator.Fault;
import dev.camelspark.emulator.Provider;
import dev.camelspark.emulator.RecordedRequest;
import dev.camelspark.emulator.sparkgpt.TrainedModel;
import dev.camelspark.emulator.sparkgpt.TrainingEntry;
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

class SparkGptChatTest extends SparkGptTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:tea").to("sparkgpt:chat?modelId=5");
                from("direct:helpdesk").to("sparkgpt:chat?modelId=2");
                from("direct:denied").to("sparkgpt:chat?modelId=5&apiKey=invalid-key");
                from("direct:impatient").to("sparkgpt:chat?modelId=5&maxRetries=0");
            }
        };
    }

    @Test
    void aTrainedQuestionGetsTheTrainedAnswer() {
        Exchange out = send("direct:tea", "What is your favorite tea?");

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody()).isEqualTo("I love green tea");
        assertThat(out.getMessage().getHeader(SparkConstants.MODEL)).isEqualTo("5");
        assertThat(out.getMessage().getHeader(SparkConstants.ATTEMPTS, Integer.class)).isEqualTo(1);
        assertThat(out.getMessage().getHeader(SparkConstants.RATE_LIMIT_REMAINING, Long.class)).isEqualTo(999L);
        assertThat(out.getMessage().getHeader(SparkGptConstants.RATE_LIMIT_LIMIT, Long.class)).isEqualTo(1000L);

        RecordedRequest call = calls("/api/askoutside").get(0);
        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(call.header("Content-Type")).startsWith("application/json");
        JsonNode body = body(call);
        assertThat(body.get("model_id").isInt()).isTrue();
        assertThat(body.get("model_id").asInt()).isEqualTo(5);
        assertThat(body.get("user").asText()).isEqualTo("What is your favorite tea?");
        assertThat(body.has("stream")).isFalse();
    }

    @Test
    void answersDrawOnTheModelsOwnTraining() {
        emulator().sparkgpt().model(7, new TrainedModel("Desert Guide", List.of(
                new TrainingEntry(70, "How much water does a camel drink?", "Up to 100 litres in ten minutes.", null))));

        Exchange trained = template.send("direct:tea", e -> {
            e.getMessage().setBody("how much water does a camel drink");
            e.getMessage().setHeader(SparkGptConstants.OVERRIDE_MODEL_ID, 7);
        });
        Exchange untrained = send("direct:helpdesk", "How much water does a camel drink?");

        assertThat(trained.getMessage().getBody()).isEqualTo("Up to 100 litres in ten minutes.");
        assertThat(trained.getMessage().getHeader(SparkConstants.MODEL)).isEqualTo("7");
        assertThat(body(calls("/api/askoutside").get(0)).get("model_id").asInt()).isEqualTo(7);
        assertThat(untrained.getMessage().getBody(String.class)).contains("Camel Helpdesk")
                .isNotEqualTo("Up to 100 litres in ten minutes.");
    }

    @Test
    void anEmptyMessageFailsBeforeAnyCall() {
        Exchange out = send("direct:tea", "  ");

        assertThat(out.getException()).isInstanceOf(SparkValidationException.class).hasMessageContaining("message");
        assertThat(category(out)).isEqualTo("VALIDATION");
        assertThat(emulator().requests(Provider.SPARKGPT)).isEmpty();
    }

    @Test
    void aBadModelIdHeaderFailsBeforeAnyCallNamingTheHeader() {
        Exchange out = template.send("direct:tea", e -> {
            e.getMessage().setBody("Hello");
            e.getMessage().setHeader(SparkGptConstants.OVERRIDE_MODEL_ID, 0);
        });

        assertThat(out.getException()).isInstanceOf(SparkValidationException.class)
                .hasMessageContaining("modelId").hasMessageContaining("CamelSparkGptModelId").hasMessageContaining("'0'");
        assertThat(emulator().requests(Provider.SPARKGPT)).isEmpty();
    }

    @Test
    void aDeniedKeyIs401AuthAndIsNeverRetried() {
        Exchange out = send("direct:denied", "Hello");

        assertThat(out.getException()).isInstanceOf(SparkAuthenticationException.class)
                .hasMessageContaining("Invalid API key").hasMessageNotContaining("invalid-key");
        assertThat(((SparkApiException) out.getException()).getHttpStatus()).isEqualTo(401);
        assertThat(category(out)).isEqualTo("AUTH");
        assertThat(calls("/api/askoutside")).hasSize(1);
    }

    @Test
    void aModelTheKeyDoesNotOwnIs403Auth() {
        emulator().sparkgpt().ownership(KEY, Set.of(1, 2));

        Exchange out = send("direct:tea", "What is your favorite tea?");

        assertThat(out.getException()).isInstanceOf(SparkAuthenticationException.class).hasMessageContaining("model 5");
        assertThat(((SparkApiException) out.getException()).getHttpStatus()).isEqualTo(403);
        assertThat(category(out)).isEqualTo("AUTH");
    }

    @Test
    void aProviderRefusalIs400ValidationWithItsMessageWhateverTheBodyShape() {
        emulator().faults().add(Fault.respond(400, "{\"error\":\"Field 'model_id' must be an integer\"}")
                .on(Provider.SPARKGPT).times(1));
        emulator().faults().add(Fault.respond(400, "{\"message\":\"Missing required field 'user'\"}")
                .on(Provider.SPARKGPT).times(1));

        Exchange errorShape = send("direct:tea", "Hello");
        Exchange messageShape = send("direct:tea", "Hello");

        assertThat(errorShape.getException()).isInstanceOf(SparkValidationException.class)
                .hasMessageContaining("Field 'model_id' must be an integer");
        assertThat(messageShape.getException()).isInstanceOf(SparkValidationException.class)
                .hasMessageContaining("Missing required field 'user'");
        assertThat(category(messageShape)).isEqualTo("VALIDATION");
    }

    @Test
    void aRawServerErrorIsReportedAsItCameAfterTheRetries() {
        emulator().faults().add(Fault.respond(500, "Internal Server Error: upstream model crashed")
                .on(Provider.SPARKGPT).always());

        Exchange out = send("direct:tea", "Hello");

        assertThat(out.getException()).isInstanceOf(SparkServerException.class)
                .hasMessageContaining("upstream model crashed");
        assertThat(((SparkApiException) out.getException()).getAttempts()).isEqualTo(3);
        assertThat(category(out)).isEqualTo("SERVER_ERROR");
        assertThat(calls("/api/askoutside")).hasSize(3);
    }

    @Test
    void serverErrorsAndResetsAreRetried() {
        emulator().faults().add(Fault.respond(503).on(Provider.SPARKGPT).times(1));
        emulator().faults().add(Fault.resetConnection().on(Provider.SPARKGPT).times(1));

        Exchange out = send("direct:tea", "What is your favorite tea?");

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody()).isEqualTo("I love green tea");
        assertThat(out.getMessage().getHeader(SparkConstants.ATTEMPTS, Integer.class)).isEqualTo(3);
    }

    @Test
    void aShortRetryAfterIsWaitedOut() {
        emulator().faults().add(Fault.respond(429, "{\"error\":\"Rate limit exceeded\"}").header("Retry-After", "1")
                .on(Provider.SPARKGPT).times(1));

        Exchange out = send("direct:tea", "What is your favorite tea?");

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(SparkConstants.ATTEMPTS, Integer.class)).isEqualTo(2);
    }

    @Test
    void theDailyLimitFailsAtOnceWithTheWaitUntilTomorrow() {
        freezeAtNoon(emulator().clock());
        emulator().sparkgpt().requestsPerDay(1);

        Exchange first = send("direct:tea", "What is your favorite tea?");
        Exchange second = send("direct:tea", "What is your favorite tea?");

        assertThat(first.getException()).isNull();
        assertThat(first.getMessage().getHeader(SparkConstants.RATE_LIMIT_REMAINING, Long.class)).isZero();
        assertThat(second.getException()).isInstanceOf(SparkRateLimitException.class)
                .hasMessageContaining("1 requests per day");
        assertThat(category(second)).isEqualTo("RATE_LIMIT");
        // noon: twelve hours until the next day, far beyond maxRetryAfter, so no retry
        assertThat(second.getProperty(SparkErrorProperties.RETRY_AFTER_MILLIS, Long.class)).isEqualTo(43_200_000L);
        assertThat(calls("/api/askoutside")).hasSize(2);
    }

    @Test
    void anOkAnswerWithAnErrorFieldFails() {
        emulator().faults().add(Fault.respond(200, "{\"error\":\"model is still training\"}").on(Provider.SPARKGPT).times(1));

        Exchange out = send("direct:impatient", "Hello");

        assertThat(out.getException()).isInstanceOf(SparkApiException.class).hasMessageContaining("model is still training");
    }

    @Test
    void resultHeadersOfOneCallDoNotSteerTheNext() {
        Exchange out = template.send("direct:tea", e -> {
            e.getMessage().setBody("What is your favorite tea?");
            e.getMessage().setHeader(SparkConstants.MODEL, "2");
        });

        assertThat(out.getException()).isNull();
        assertThat(body(calls("/api/askoutside").get(0)).get("model_id").asInt()).isEqualTo(5);
    }
}
