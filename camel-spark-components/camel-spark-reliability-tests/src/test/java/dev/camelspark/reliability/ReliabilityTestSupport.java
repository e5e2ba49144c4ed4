package dev.camelspark.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelspark.emulator.Provider;
import dev.camelspark.emulator.RecordedRequest;
import dev.camelspark.emulator.RequestPattern;
import dev.camelspark.emulator.SparkEmulator;
import dev.camelspark.emulator.SparkEmulatorExtension;
import dev.camelspark.emulator.sparkstream.Plan;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A plain Camel context (a new one per test, so no rate-limit pause or pooled connection outlives its test) and one
 * emulator per class, its own limits raised out of the way: what is measured here is what the components do. The
 * components are reached only through their URIs, options and headers.
 */
abstract class ReliabilityTestSupport {

    @RegisterExtension
    static final SparkEmulatorExtension EMULATOR = new SparkEmulatorExtension(SparkEmulator.builder()
            .tokenDelay(Duration.ofMillis(1))
            .settings(s -> s.maxLoggedRequests(20_000))
            .dynaspark(s -> s.requestsPerHour(1_000_000))
            .sparkgpt(s -> s.requestsPerDay(1_000_000))
            .sparkstream(s -> s.plan("starter", new Plan(1_000_000, 1_000_000_000)))
            .sparkdream(s -> s.durations(Duration.ZERO, Duration.ofMillis(200))
                    .defaultBalance(new BigDecimal("1000000")))
            .neospark(s -> s.taskTimes(Duration.ZERO, Duration.ofMillis(200)).defaultBalance(1_000_000_000L)));

    protected CamelContext context;
    protected ProducerTemplate template;

    @BeforeEach
    void startContext() throws Exception {
        context = new DefaultCamelContext();
        context.start();
        template = context.createProducerTemplate();
    }

    @AfterEach
    void stopContext() throws Exception {
        context.close();
    }

    static SparkEmulator emulator() {
        return EMULATOR.emulator();
    }

    /** A key each emulated provider accepts (NeoSpark's start with {@code np_}). */
    static String keyOf(Provider provider) {
        return provider == Provider.NEOSPARK ? "np_reliability" : "reliability-key";
    }

    /**
     * The endpoint URI of {@code operationAndOptions} ({@code sparkstream:chat?stream=true}) pointed at the emulator,
     * with a key and the given extra options.
     */
    static String uri(Provider provider, String operationAndOptions, String... options) {
        StringBuilder uri = new StringBuilder(operationAndOptions).append(operationAndOptions.contains("?") ? '&' : '?')
                .append("baseUrl=RAW(").append(emulator().baseUrl(provider)).append(")&apiKey=RAW(")
                .append(keyOf(provider)).append(')');
        for (String option : options) {
            uri.append('&').append(option);
        }
        return uri.toString();
    }

    Exchange send(String uri, Object body) {
        return template.send(uri, e -> e.getMessage().setBody(body));
    }

    /** Sends {@code count} exchanges from {@code threads} threads at once; returns them all, each completed. */
    List<Exchange> burst(int count, int threads, IntFunction<String> uri, IntFunction<Object> body)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Exchange>> sent = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                sent.add(pool.submit(() -> send(uri.apply(n), body.apply(n))));
            }
            List<Exchange> done = new ArrayList<>();
            for (Future<Exchange> f : sent) {
                try {
                    done.add(f.get(2, TimeUnit.MINUTES));
                } catch (ExecutionException | TimeoutException e) {
                    throw new AssertionError("an exchange of the burst did not complete", e);
                }
            }
            return done;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A task created on the emulator directly over HTTP, not through a component (whose own polling of a submitted
     * task would add status reads to the ones a test counts); returns its id.
     */
    static String taskCreatedDirectly(Provider provider) {
        boolean neo = provider == Provider.NEOSPARK;
        String body = neo ? "{\"prompt\":\"A corgi on the beach\",\"duration\":5}"
                : "{\"model\":\"spark_dream_3_0\",\"input\":[{\"params\":{\"prompt\":\"A lighthouse\"}}]}";
        HttpRequest create = HttpRequest.newBuilder(URI.create(emulator().baseUrl(provider)
                        + (neo ? "/video/generations" : "/model/v1/generation")))
                .header(neo ? "X-API-Key" : "Authorization", neo ? keyOf(provider) : "Bearer " + keyOf(provider))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(create, HttpResponse.BodyHandlers.ofString());
            JsonNode json = new ObjectMapper().readTree(answer.body());
            return neo ? json.path("data").path("task_id").asText() : json.path("id").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The requests the emulator received for this provider, method and path (a fault rule's path glob). */
    static List<RecordedRequest> received(Provider provider, String method, String path) {
        return emulator().requests().find(RequestPattern.on(provider).method(method).path(path));
    }

    /** The time between the first two of these requests, on the emulator's clock. */
    static Duration gapBetweenFirstTwo(List<RecordedRequest> requests) {
        Instant first = requests.get(0).receivedAt();
        Instant second = requests.get(1).receivedAt();
        return Duration.between(first, second);
    }
}
