package dev.camelspark.support;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import dev.camelspark.support.error.SparkApiException;
import dev.camelspark.support.error.SparkErrorProperties;
import dev.camelspark.support.error.SparkTransportException;
import dev.camelspark.support.http.CallPolicy;
import dev.camelspark.support.http.DefaultErrorDecoder;
import dev.camelspark.support.http.SparkOpenResponse;
import dev.camelspark.support.http.SparkRequest;
import dev.camelspark.support.http.SparkResponse;
import dev.camelspark.support.observe.SparkObservation;
import dev.camelspark.support.observe.SparkProducerHealthCheck;
import dev.camelspark.support.sse.SparkEventStream;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * The base of every Spark producer. A subclass builds and sends its call in {@link #send(Exchange)}, returning a
 * future that completes when the exchange holds the result. Checks that fail before any call are thrown straight from
 * {@code send}. A call whose answer is already in completes on the caller's thread; one that has to wait (a retry, a
 * rate limit, a task) completes later without holding the route's thread, and the exchange then continues on one of
 * the component's worker threads ({@code workerPoolSize}), never on the scheduler that polls tasks.
 */
public abstract class SparkProducerSupport extends DefaultAsyncProducer {

    protected SparkProducerSupport(SparkEndpointSupport endpoint) {
        super(endpoint);
    }

    @Override
    public SparkEndpointSupport getEndpoint() {
        return (SparkEndpointSupport) super.getEndpoint();
    }

    private SparkProducerHealthCheck healthCheck;
    private WritableHealthCheckRepository healthRepository;

    /**
     * Registers the producer's health check in Camel's {@code producers} repository, as Camel's own components do:
     * present when health checks are on ({@code camel.health.producers-enabled=true}), and the endpoint has a probe.
     */
    @Override
    protected void doStart() throws Exception {
        super.doStart();
        SparkEndpointSupport endpoint = getEndpoint();
        SparkComponentSupport component = endpoint.getComponent();
        if (endpoint.healthProbe() == null) {
            return;
        }
        healthRepository = HealthCheckHelper.getHealthCheckRepository(endpoint.getCamelContext(), "producers",
                WritableHealthCheckRepository.class);
        if (healthRepository != null) {
            String id = "producer:" + provider() + "-" + endpoint.getOperationName();
            String unique = id;
            for (int n = 2; healthRepository.getCheck(unique).isPresent(); n++) {
                unique = id + "-" + n;
            }
            healthCheck = new SparkProducerHealthCheck(provider(), unique, endpoint::healthProbe,
                    component::getHealthProbes);
            healthCheck.setEnabled(component.isHealthCheckProducerEnabled());
            healthRepository.addHealthCheck(healthCheck);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (healthRepository != null && healthCheck != null) {
            healthRepository.removeHealthCheck(healthCheck);
            healthCheck = null;
        }
        super.doStop();
    }

    /** Sends the call; the future completes once the exchange holds the result (or fails with the reason). */
    protected abstract CompletableFuture<?> send(Exchange exchange) throws Exception;

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        SparkObservation observation = observe(exchange);
        CompletableFuture<?> work;
        Executor workers;
        try {
            // taken before the call: a component stopped while the call is under way still completes the exchange
            workers = getEndpoint().getComponent().getWorkers();
            work = send(exchange);
        } catch (Throwable t) {
            finish(observation, exchange, t);
            SparkErrorProperties.fail(exchange, t);
            callback.done(true);
            return true;
        }
        if (work.isDone()) {
            Throwable failure = work.isCompletedExceptionally() ? work.handle((value, error) -> error).join() : null;
            finish(observation, exchange, failure);
            if (failure != null) {
                SparkErrorProperties.fail(exchange, failure);
            }
            callback.done(true);
            return true;
        }
        // the rest of the route runs here: on a worker, whichever thread completed the work
        work.whenCompleteAsync((value, error) -> {
            finish(observation, exchange, error);
            if (error != null) {
                SparkErrorProperties.fail(exchange, error);
            }
            callback.done(false);
        }, workers);
        return false;
    }

    /** Starts measuring this call when the operation generates something (metrics, and the span's model and tokens). */
    private SparkObservation observe(Exchange exchange) {
        SparkEndpointSupport endpoint = getEndpoint();
        SparkComponentSupport component = endpoint.getComponent();
        return SparkObservation.start(exchange, component.getMetrics(), provider(), endpoint.genAiOperation(),
                endpoint.requestModel(exchange), component.costUnit(), SparkConstants.COST);
    }

    private static void finish(SparkObservation observation, Exchange exchange, Throwable failure) {
        if (observation != null) {
            observation.finish(exchange, failure);
        }
    }

    protected String provider() {
        return getEndpoint().providerName();
    }

    /** The body as text, which must not be blank: {@code what} names it in the error ("prompt", "message"). */
    protected String requiredText(Exchange exchange, String what) {
        return SparkChecks.of(provider()).bodyText(exchange, what);
    }

    /** @see SparkConfiguration#withTimeouts(SparkRequest.Builder, boolean) */
    public static SparkRequest.Builder withTimeouts(SparkRequest.Builder request, SparkConfiguration config,
                                                    boolean streamed) {
        return config.withTimeouts(request, streamed);
    }

    /**
     * Sends a streamed call and makes its event stream the body, delivered to the route as it arrives and closed when
     * the exchange completes. An answer that is not {@code text/event-stream} fails the exchange (with the provider's
     * message when it has one), since the route is waiting for deltas.
     *
     * @return the stream, already the body, for the caller to add {@link SparkEventStream#whenComplete}
     */
    protected CompletableFuture<SparkEventStream> openEventStream(Exchange exchange, SparkRequest request,
                                                                  CallPolicy policy, SparkConfiguration config,
                                                                  boolean lenient) {
        return getEndpoint().getClient().open(request, policy).thenApply(response -> {
            SparkCallHeaders.setCallHeaders(exchange, response.rateLimit(), response.attempts());
            try {
                if (!"text/event-stream".equals(response.mediaType())) {
                    throw notAStream(response);
                }
                SparkEventStream stream = new SparkEventStream(provider(), response, lenient,
                        Duration.ofMillis(config.getStreamIdleTimeout()));
                exchange.getMessage().setBody(stream.closeWhenDone(exchange));
                return stream;
            } catch (IOException e) {
                response.close();
                throw new SparkTransportException(provider(), request.describe() + " failed: " + e.getMessage(), true, e);
            } catch (RuntimeException e) {
                response.close();
                throw e;
            }
        });
    }

    private SparkApiException notAStream(SparkOpenResponse response) throws IOException {
        return unexpectedAnswer(response.readFully(64 * 1024), "an event stream (text/event-stream)");
    }

    /**
     * A successful answer without what the API promises ({@code expected}); it fails with the provider's message when
     * it carries one, since some APIs answer 200 with an {@code error} field.
     */
    protected SparkApiException unexpectedAnswer(SparkResponse answer, String expected) {
        DefaultErrorDecoder.ErrorBody said = DefaultErrorDecoder.ErrorBody.of(answer.json(), answer.bodyAsString());
        return new SparkApiException(provider(), answer.status(), said.code(),
                "expected " + expected + " but the answer (" + answer.mediaType() + ") was: " + said.message());
    }



    /**
     * Makes generated media the body: the URL with {@code download=false}, else the downloaded media (bytes, a
     * temp-file-backed stream, or the file in {@code downloadDirectory}). Header {@code CamelSparkMediaUrl} is set
     * either way, and {@code Content-Type} when downloaded.
     *
     * @param apiAuthHeaders the key's headers; sent only when the media is on the API's own origin
     * @param fileName       the name in {@code downloadDirectory}; derived from the URL when {@code null}
     */
    protected CompletableFuture<Void> deliverMedia(Exchange exchange, SparkMediaConfiguration config, String mediaUrl,
                                                   Map<String, String> apiAuthHeaders, String fileName, String apiKey) {
        return SparkMediaDelivery.deliver(exchange, getEndpoint().getDownloader(), config, mediaUrl, apiAuthHeaders,
                fileName, apiKey);
    }
}
