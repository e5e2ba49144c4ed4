package dev.camelspark.support;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.camelspark.support.media.DownloadRequest;
import dev.camelspark.support.media.MediaDownloader;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.spi.StreamCachingStrategy;

/**
 * Makes generated media the body of an exchange, under the media options: shared by the producers and by the
 * consumers that hand finished tasks out.
 */
public final class SparkMediaDelivery {

    private SparkMediaDelivery() {
    }

    /**
     * Sets the body to the URL with {@code download=false}, else to the downloaded media (bytes, a temp-file-backed
     * stream, or the file in {@code downloadDirectory}). Header {@code CamelSparkMediaUrl} is set either way, and
     * {@code Content-Type} when downloaded.
     *
     * @param apiAuthHeaders the key's headers; sent only when the media is on the API's own origin
     * @param fileName       the name in {@code downloadDirectory}; derived from the URL when {@code null}
     */
    public static CompletableFuture<Void> deliver(Exchange exchange, MediaDownloader downloader,
                                                  SparkMediaConfiguration config, String mediaUrl,
                                                  Map<String, String> apiAuthHeaders, String fileName, String apiKey) {
        return deliver(exchange, downloader, config, mediaUrl, apiAuthHeaders, fileName, apiKey,
                DownloadRequest.DEFAULT_IN_MEMORY_LIMIT);
    }

    /**
     * The same, keeping at most {@code inMemoryLimit} bytes in memory: larger media go to a temp-file-backed stream
     * (or {@code downloadDirectory}); 0 sends every byte to a file, for media that must never be read into the heap
     * (videos).
     */
    public static CompletableFuture<Void> deliver(Exchange exchange, MediaDownloader downloader,
                                                  SparkMediaConfiguration config, String mediaUrl,
                                                  Map<String, String> apiAuthHeaders, String fileName, String apiKey,
                                                  long inMemoryLimit) {
        Message message = exchange.getMessage();
        message.setHeader(SparkConstants.MEDIA_URL, mediaUrl);
        if (!config.isDownload()) {
            message.setBody(mediaUrl);
            return CompletableFuture.completedFuture(null);
        }
        DownloadRequest request = spooling(exchange,
                downloadRequest(config, mediaUrl, apiAuthHeaders, fileName, inMemoryLimit));
        return downloader.download(request, config.callPolicy(apiKey)).thenAccept(media -> {
            message.setBody(media.toBody(exchange));
            if (!media.contentType().isEmpty()) {
                message.setHeader(Exchange.CONTENT_TYPE, media.contentType());
            }
        });
    }

    /** The download of {@code mediaUrl} under the media options. */
    public static DownloadRequest downloadRequest(SparkMediaConfiguration config, String mediaUrl,
                                                  Map<String, String> apiAuthHeaders, String fileName) {
        return downloadRequest(config, mediaUrl, apiAuthHeaders, fileName, DownloadRequest.DEFAULT_IN_MEMORY_LIMIT);
    }

    /** The same for a download made while {@code exchange} is routed: it spools as Camel's stream caching does. */
    public static DownloadRequest downloadRequest(Exchange exchange, SparkMediaConfiguration config, String mediaUrl,
                                                  Map<String, String> apiAuthHeaders, String fileName) {
        return spooling(exchange, downloadRequest(config, mediaUrl, apiAuthHeaders, fileName));
    }

    /**
     * When Camel's stream caching spools to disk ({@code camel.main.streamCachingSpoolEnabled}), media over its spool
     * threshold go to its spool directory too, so one setting says where large bodies live and how large they get in
     * the heap; otherwise the JVM's temp directory and {@link DownloadRequest#DEFAULT_IN_MEMORY_LIMIT}.
     */
    static DownloadRequest spooling(Exchange exchange, DownloadRequest request) {
        StreamCachingStrategy strategy = exchange.getContext().getStreamCachingStrategy();
        if (strategy == null || !strategy.isSpoolEnabled() || strategy.getSpoolDirectory() == null) {
            return request;
        }
        long threshold = strategy.getSpoolThreshold() > 0 ? strategy.getSpoolThreshold() : request.inMemoryLimit();
        return request.spoolingTo(strategy.getSpoolDirectory().toPath(), threshold);
    }

    private static DownloadRequest downloadRequest(SparkMediaConfiguration config, String mediaUrl,
                                                   Map<String, String> apiAuthHeaders, String fileName,
                                                   long inMemoryLimit) {
        return new DownloadRequest(URI.create(mediaUrl), URI.create(config.getBaseUrl()),
                apiAuthHeaders, config.getMaxDownloadSize(), inMemoryLimit,
                config.getDownloadDirectory() == null ? null : Path.of(config.getDownloadDirectory()), fileName,
                config.allowedDownloadHostSet(), Duration.ofMillis(config.getConnectTimeout()),
                Duration.ofMillis(config.getStreamIdleTimeout()), Duration.ofMillis(config.getDownloadTimeout()));
    }
}
