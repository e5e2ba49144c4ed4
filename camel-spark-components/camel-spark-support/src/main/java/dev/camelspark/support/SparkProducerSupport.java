package dev.camelspark.support;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelspark.support.error.SparkErrorProperties;
import dev.camelspark.support.error.SparkValidationException;
import dev.camelspark.support.http.RateLimitInfo;
import dev.camelspark.support.media.DownloadRequest;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * The base of every Spark producer. A subclass builds and sends its call in {@link #send(Exchange)}, returning a
 * future that completes when the exchange holds the result. Checks that fail before any call are thrown straight from
 * {@code send}. A call whose answer is already in completes on the caller's thread; one that has to wait (a retry, a
 * rate limit, a task) completes later without holding the route's thread.
 */
public abstract class SparkProducerSupport extends DefaultAsyncProducer {

    protected SparkProducerSupport(SparkEndpointSupport endpoint) {
        super(endpoint);
    }

    @Override
    public SparkEndpointSupport getEndpoint() {
        return (SparkEndpointSupport) super.getEndpoint();
    }

    /** Sends the call; the future completes once the exchange holds the result (or fails with the reason). */
    protected abstract CompletableFuture<?> send(Exchange exchange) throws Exception;

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        CompletableFuture<?> work;
        try {
            work = send(exchange);
        } catch (Throwable t) {
            SparkErrorProperties.fail(exchange, t);
            callback.done(true);
            return true;
        }
        if (work.isDone()) {
            Throwable failure = work.handle((value, error) -> error).join();
            if (failure != null) {
                SparkErrorProperties.fail(exchange, failure);
            }
            callback.done(true);
            return true;
        }
        work.whenComplete((value, error) -> {
            if (error != null) {
                SparkErrorProperties.fail(exchange, error);
            }
            callback.done(false);
        });
        return false;
    }

    protected String provider() {
        return getEndpoint().providerName();
    }

    /** The body as text, which must not be blank: {@code what} names it in the error ("prompt", "message"). */
    protected String requiredText(Exchange exchange, String what) {
        String text = exchange.getMessage().getBody(String.class);
        if (text == null || text.isBlank()) {
            throw new SparkValidationException(provider(), "body (" + what + ")", text == null ? "null" : "\"" + text + "\"",
                    "a non-empty " + what, null);
        }
        return text;
    }

    /** Surfaces the rate-limit state and the attempt count of a call. */
    protected static void setCallHeaders(Exchange exchange, RateLimitInfo rateLimit, int attempts) {
        Message message = exchange.getMessage();
        message.setHeader(SparkConstants.ATTEMPTS, attempts);
        if (rateLimit != null) {
            if (rateLimit.remaining() != null) {
                message.setHeader(SparkConstants.RATE_LIMIT_REMAINING, rateLimit.remaining());
            }
            if (rateLimit.reset() != null) {
                message.setHeader(SparkConstants.RATE_LIMIT_RESET, rateLimit.reset().getEpochSecond());
            }
        }
    }

    /** Sets the token headers from an OpenAI-style {@code usage} object, when there is one. */
    protected static void setUsageHeaders(Exchange exchange, JsonNode usage) {
        if (usage == null || !usage.isObject()) {
            return;
        }
        Message message = exchange.getMessage();
        if (usage.hasNonNull("prompt_tokens")) {
            message.setHeader(SparkConstants.PROMPT_TOKENS, usage.get("prompt_tokens").asInt());
        }
        if (usage.hasNonNull("completion_tokens")) {
            message.setHeader(SparkConstants.COMPLETION_TOKENS, usage.get("completion_tokens").asInt());
        }
        if (usage.hasNonNull("total_tokens")) {
            message.setHeader(SparkConstants.TOTAL_TOKENS, usage.get("total_tokens").asInt());
        }
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
        Message message = exchange.getMessage();
        message.setHeader(SparkConstants.MEDIA_URL, mediaUrl);
        if (!config.isDownload()) {
            message.setBody(mediaUrl);
            return CompletableFuture.completedFuture(null);
        }
        DownloadRequest request = downloadRequest(config, mediaUrl, apiAuthHeaders, fileName);
        return getEndpoint().getDownloader().download(request, config.callPolicy(apiKey)).thenAccept(media -> {
            message.setBody(media.toBody(exchange));
            if (!media.contentType().isEmpty()) {
                message.setHeader(Exchange.CONTENT_TYPE, media.contentType());
            }
        });
    }

    /** The download of {@code mediaUrl} under the endpoint's media options. */
    protected static DownloadRequest downloadRequest(SparkMediaConfiguration config, String mediaUrl,
                                                     Map<String, String> apiAuthHeaders, String fileName) {
        return new DownloadRequest(URI.create(mediaUrl), URI.create(config.getBaseUrl()),
                apiAuthHeaders, config.getMaxDownloadSize(), DownloadRequest.DEFAULT_IN_MEMORY_LIMIT,
                config.getDownloadDirectory() == null ? null : Path.of(config.getDownloadDirectory()), fileName,
                config.allowedDownloadHostSet(), Duration.ofMillis(config.getConnectTimeout()),
                Duration.ofMillis(config.getStreamIdleTimeout()));
    }
}
