package dev.camelspark.sparkstream;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelspark.emulator.Fault;
import dev.camelspark.emulator.Provider;
import dev.camelspark.emulator.RecordedRequest;
import dev.camelspark.emulator.sparkstream.Plan;
import dev.camelspark.support.SparkConstants;
import dev.camelspark.support.error.SparkApiException;
import dev.camelspark.support.error.SparkAuthenticationException;
import dev.camelspark.support.error.SparkErrorProperties;
import dev.camelspark.support.error.SparkRateLimitException;
import dev.camelspark.support.error.SparkServerException;
import dev.camelspark.support.error.SparkValidationException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SparkStreamChatTest extends SparkStreamTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:chat").to("sparkstream:chat");
                from("direct:tuned").to("sparkstream:chat?model=spark-pro&maxTokens=5&temperature=0.7"
                                        + "&systemMessage=Answer in one sentence");
                from("direct:denied").to("sparkstream:chat?apiKey=invalid-key");
                from("direct:impatient").to("sparkstream:chat?maxRetryAfter=1000");
            }
        };
    }

    private static JsonNode body(int call) {
        return calls().get(call).bodyJson();
    }

    @Test
    void aStringIsOneUserMessageAndTheAnswerComesWithIdFinishReasonTokensAndCost() {
        Exchange out = send("direct:chat", "What is Apache Camel?");

        assertThat(out.getException()).isNull();
        Message message = out.getMessage();
        assertThat(message.getBody(String.class)).isNotBlank();
        assertThat(message.getHeader(SparkConstants.MODEL)).isEqualTo("spark-1");
        assertThat(message.getHeader(SparkStreamConstants.RESPONSE_ID, String.class)).startsWith("chat-");
        assertThat(message.getHeader(SparkStreamConstants.FINISH_REASON)).isEqualTo("stop");
        int prompt = message.getHeader(SparkConstants.PROMPT_TOKENS, Integer.class);
        int completion = message.getHeader(SparkConstants.COMPLETION_TOKENS, Integer.class);
        int total = message.getHeader(SparkConstants.TOTAL_TOKENS, Integer.class);
        assertThat(total).isEqualTo(prompt + completion).isPositive();
        // $0.0003 per 1K tokens, exactly
        assertThat(message.getHeader(SparkConstants.COST, BigDecimal.class))
                .isEqualByComparingTo(new BigDecimal("0.0003").multiply(BigDecimal.valueOf(total))
                        .divide(BigDecimal.valueOf(1000)));
        assertThat(message.getHeader(SparkConstants.RATE_LIMIT_REMAINING, Long.class)).isEqualTo(29L);
        assertThat(message.getHeader(SparkConstants.RATE_LIMIT_RESET, Long.class)).isPositive();
        assertThat(message.getHeader(SparkConstants.ATTEMPTS, Integer.class)).isEqualTo(1);

        RecordedRequest call = calls().get(0);
        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.path()).isEqualTo("/v1/chat");
        assertThat(call.header("Authorization")).isEqualTo("Bearer " + KEY);
        JsonNode sent = call.bodyJson();
        assertThat(sent.get("model").asText()).isEqualTo("spark-1");
        assertThat(sent.get("messages").toString())
                .isEqualTo("[{\"role\":\"user\",\"content\":\"What is Apache Camel?\"}]");
        // always sent, even when false
        assertThat(sent.get("stream").isBoolean()).isTrue();
        assertThat(sent.get("stream").asBoolean()).isFalse();
        assertThat(sent.has("max_tokens")).isFalse();
        assertThat(sent.has("temperature")).isFalse();
    }

    @Test
    void everyOptionTravelsUnderItsApiNameAndTheSystemMessageComesFirst() {
        Exchange out = send("direct:tuned", "Explain message routing");

        assertThat(out.getException()).isNull();
        JsonNode sent = body(0);
        assertThat(sent.get("model").asText()).isEqualTo("spark-pro");
        assertThat(sent.get("max_tokens").asInt()).isEqualTo(5);
        assertThat(sent.get("temperature").asDouble()).isEqualTo(0.7);
        assertThat(sent.get("messages").toString()).isEqualTo("[{\"role\":\"system\",\"content\":\"Answer in one sentence\"},"
                                                           + "{\"role\":\"user\",\"content\":\"Explain message routing\"}]");
        // maxTokens cut the answer: finish reason length, five tokens, priced at spark-pro's $0.0012 per 1K
        assertThat(out.getMessage().getHeader(SparkStreamConstants.FINISH_REASON)).isEqualTo("length");
        assertThat(out.getMessage().getHeader(SparkConstants.COMPLETION_TOKENS, Integer.class)).isEqualTo(5);
        int total = out.getMessage().getHeader(SparkConstants.TOTAL_TOKENS, Integer.class);
        assertThat(out.getMessage().getHeader(SparkConstants.COST, BigDecimal.class))
                .isEqualByComparingTo(new BigDecimal("0.0000012").multiply(BigDecimal.valueOf(total)));
        assertThat(out.getMessage().getHeader(SparkConstants.MODEL)).isEqualTo("spark-pro");
    }

    @Test
    void aConversationOfMapsOrOfChatMessagesIsSentAsIs() {
        List<Map<String, String>> maps = List.of(
                Map.of("role", "system", "content", "You are terse."),
                Map.of("role", "user", "content", "Name a desert animal."),
                Map.of("role", "assistant", "content", "The camel."),
                Map.of("role", "user", "content", "Why does it have a hump?"));
        List<ChatMessage> records = List.of(ChatMessage.system("You are terse."), ChatMessage.user("Name a desert animal."),
                ChatMessage.assistant("The camel."), ChatMessage.user("Why does it have a hump?"));

        String fromMaps = send("direct:chat", maps).getMessage().getBody(String.class);
        String fromRecords = send("direct:chat", records).getMessage().getBody(String.class);

        assertThat(body(0).get("messages")).isEqualTo(body(1).get("messages"));
        assertThat(body(0).get("messages").size()).isEqualTo(4);
        assertThat(body(0).get("messages").get(2).toString()).isEqualTo("{\"role\":\"assistant\",\"content\":\"The camel.\"}");
        assertThat(fromMaps).isNotBlank().isEqualTo(fromRecords);
    }

    @Test
    void textInAnyFormCamelConvertsIsOneUserMessage() {
        Exchange out = send("direct:chat", "What is Apache Camel?".getBytes(StandardCharsets.UTF_8));

        assertThat(out.getException()).isNull();
        assertThat(body(0).get("messages").toString())
                .isEqualTo("[{\"role\":\"user\",\"content\":\"What is Apache Camel?\"}]");
    }

    @Test
    void aBadRoleFailsBeforeAnyCallNamingTheIndexAndTheValue() {
        List<Object> messages = List.of(ChatMessage.user("Hi"), Map.of("role", "tool", "content", "42"));

        Exchange out = send("direct:chat", messages);

        assertThat(out.getException()).isInstanceOf(SparkValidationException.class)
                .hasMessageContaining("messages[1].role").hasMessageContaining("'tool'")
                .hasMessageContaining("system, user, assistant");
        assertThat(category(out)).isEqualTo("VALIDATION");
        assertThat(calls()).isEmpty();
    }

    @Test
    void bodiesThatAreNoConversationFailBeforeAnyCall() {
        assertThat(send("direct:chat", List.of()).getException()).isInstanceOf(SparkValidationException.class)
                .hasMessageContaining("at least one message");
        assertThat(send("direct:chat", " ").getException()).isInstanceOf(SparkValidationException.class)
                .hasMessageContaining("non-empty message");
        assertThat(send("direct:chat", null).getException()).isInstanceOf(SparkValidationException.class)
                .hasMessageContaining("'null'").hasMessageContaining("List of ChatMessage");
        assertThat(send("direct:chat", List.of("Hi")).getException()).isInstanceOf(SparkValidationException.class)
                .hasMessageContaining("messages[0]");
        assertThat(send("direct:chat", List.of(Map.of("role", "user"))).getException())
                .isInstanceOf(SparkValidationException.class).hasMessageContaining("messages[0].content");
        assertThat(calls()).isEmpty();
    }

    @Test
    void headersOverrideOptionsAndMaxTokensIsCheckedAgainstTheModelOfTheMessage() {
        Exchange pro = template.send("direct:chat", e -> {
            e.getMessage().setBody("Hello");
            e.getMessage().setHeader(SparkStreamConstants.OVERRIDE_MODEL, "spark-pro");
            e.getMessage().setHeader(SparkStreamConstants.OVERRIDE_MAX_TOKENS, 8000);
            e.getMessage().setHeader(SparkStreamConstants.OVERRIDE_SYSTEM_MESSAGE, "Be kind");
        });
        Exchange tooMany = template.send("direct:chat", e -> {
            e.getMessage().setBody("Hello");
            e.getMessage().setHeader(SparkStreamConstants.OVERRIDE_MAX_TOKENS, 8000);
        });

        assertThat(pro.getException()).isNull();
        assertThat(body(0).get("model").asText()).isEqualTo("spark-pro");
        assertThat(body(0).get("max_tokens").asInt()).isEqualTo(8000);
        assertThat(body(0).get("messages").get(0).get("content").asText()).isEqualTo("Be kind");
        assertThat(tooMany.getException()).isInstanceOf(SparkValidationException.class)
                .hasMessageContaining("maxTokens (set by header CamelSparkStreamMaxTokens)")
                .hasMessageContaining("'8000'").hasMessageContaining("from 1 to 4096 for model spark-1");
        assertThat(calls()).hasSize(1);
    }

    @Test
    void aDeniedKeyIs401WithTheProvidersCode() {
        Exchange out = send("direct:denied", "Hello");

        assertThat(out.getException()).isInstanceOf(SparkAuthenticationException.class)
                .hasMessageContaining("Invalid API key");
        SparkApiException failure = (SparkApiException) out.getException();
        assertThat(failure.getHttpStatus()).isEqualTo(401);
        assertThat(failure.getProviderCode()).isEqualTo("invalid_api_key");
        assertThat(category(out)).isEqualTo("AUTH");
        assertThat(calls()).hasSize(1);
    }

    @Test
    void aProviderRefusalIs400WithItsCode() {
        emulator().faults().add(Fault.respond(400).on(Provider.SPARKSTREAM).times(1));

        Exchange out = send("direct:chat", "Hello");

        assertThat(out.getException()).isInstanceOf(SparkValidationException.class);
        assertThat(((SparkApiException) out.getException()).getProviderCode()).isEqualTo("invalid_parameter");
        assertThat(calls()).hasSize(1);
    }

    @Test
    void serverErrorsAndResetsAreRetriedThenPersistentOnesFail() {
        emulator().faults().add(Fault.respond(500).on(Provider.SPARKSTREAM).times(1));
        emulator().faults().add(Fault.resetConnection().on(Provider.SPARKSTREAM).times(1));
        Exchange recovered = send("direct:chat", "Hello");

        emulator().faults().add(Fault.respond(500).on(Provider.SPARKSTREAM).always());
        Exchange failed = send("direct:chat", "Hello");

        assertThat(recovered.getException()).isNull();
        assertThat(recovered.getMessage().getHeader(SparkConstants.ATTEMPTS, Integer.class)).isEqualTo(3);
        assertThat(failed.getException()).isInstanceOf(SparkServerException.class);
        assertThat(((SparkApiException) failed.getException()).getProviderCode()).isEqualTo("internal_error");
        assertThat(((SparkApiException) failed.getException()).getAttempts()).isEqualTo(3);
        assertThat(category(failed)).isEqualTo("SERVER_ERROR");
    }

    @Test
    void theTokensPerMinuteLimitIs429WithRetryAfterAndFailsAtOnceBeyondMaxRetryAfter() {
        freezeMidMinute(emulator().clock());
        emulator().sparkstream().plan("starter", new Plan(30, 10));

        Exchange out = send("direct:impatient", "Tell me about caravans");

        assertThat(out.getException()).isInstanceOf(SparkRateLimitException.class)
                .hasMessageContaining("Token rate limit exceeded");
        assertThat(((SparkApiException) out.getException()).getProviderCode()).isEqualTo("tokens_limit_exceeded");
        assertThat(category(out)).isEqualTo("RATE_LIMIT");
        assertThat(out.getProperty(SparkErrorProperties.RETRY_AFTER_MILLIS, Long.class)).isEqualTo(30_000L);
        assertThat(calls()).hasSize(1);
    }

    @Test
    void aShortRetryAfterIsWaitedOut() {
        emulator().faults().add(Fault.respond(429).header("Retry-After", "1").on(Provider.SPARKSTREAM).times(1));

        Exchange out = send("direct:chat", "Hello");

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(SparkConstants.ATTEMPTS, Integer.class)).isEqualTo(2);
    }

    @Test
    void whenThePlansRequestsAreUsedUpTheNextCallWaitsForTheWindowInsteadOfPaying() {
        freezeMidMinute(emulator().clock());
        emulator().sparkstream().plan("starter", new Plan(1, 15_000));

        Exchange first = send("direct:impatient", "Hello");
        Exchange second = send("direct:impatient", "Hello again");

        assertThat(first.getException()).isNull();
        assertThat(first.getMessage().getHeader(SparkConstants.RATE_LIMIT_REMAINING, Long.class)).isZero();
        // X-RateLimit-Remaining: 0 paused the key, for maxRetryAfter (1 s) rather than until the reset 30 s away;
        // then the provider was asked, and its 429 (nothing paid) beyond maxRetryAfter failed the call at once
        assertThat(second.getException()).isInstanceOf(SparkRateLimitException.class)
                .hasMessageContaining("beyond maxRetryAfter").hasMessageContaining("wait until");
        assertThat(calls()).hasSize(2);
        assertThat(calls().get(1).status()).isEqualTo(429);
    }

    @Test
    void aResetFarInTheFutureDoesNotStopLaterCallsForLongerThanMaxRetryAfter() {
        // one answer says the key is used up until tomorrow (a wrong reset, or a gateway's); before, every later call
        // failed at once until the reset, that is until a restart in practice
        long tomorrow = Instant.now().plus(Duration.ofDays(1)).getEpochSecond();
        emulator().faults().add(Fault.respond(200, "{\"id\":\"c-1\",\"object\":\"chat.completion\",\"model\":\"m\","
                                                   + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                                                   + "\"content\":\"hi\"},\"finish_reason\":\"stop\"}]}")
                .header("X-RateLimit-Remaining", "0").header("X-RateLimit-Reset", String.valueOf(tomorrow))
                .on(Provider.SPARKSTREAM).times(1));

        Exchange first = send("direct:impatient", "Hello");
        Exchange second = send("direct:impatient", "Hello again");

        assertThat(first.getException()).isNull();
        assertThat(first.getMessage().getHeader(SparkConstants.RATE_LIMIT_REMAINING, Long.class)).isZero();
        assertThat(second.getException()).as("waited maxRetryAfter, then answered").isNull();
        assertThat(second.getMessage().getBody(String.class)).isNotBlank();
        assertThat(calls()).hasSize(2);
    }

    @Test
    void anOkAnswerWithoutAChoiceFailsWithWhatItSaid() {
        emulator().faults().add(Fault.respond(200, "{\"error\":{\"message\":\"model overloaded\",\"type\":\"server_error\","
                                                   + "\"code\":\"overloaded\"}}").on(Provider.SPARKSTREAM).times(1));

        Exchange out = send("direct:chat", "Hello");

        assertThat(out.getException()).isInstanceOf(SparkApiException.class).hasMessageContaining("model overloaded");
        assertThat(((SparkApiException) out.getException()).getProviderCode()).isEqualTo("overloaded");
    }
}
