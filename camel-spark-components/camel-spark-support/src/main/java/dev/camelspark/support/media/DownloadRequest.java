package dev.camelspark.support.media;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * One media download.
 *
 * @param url             the media URL (absolute)
 * @param apiBaseUrl      the API's base URL: its origin may receive {@code apiAuthHeaders}, its host may be private
 * @param apiAuthHeaders  headers carrying the key, sent only to the API's own origin (never to a CDN or redirect host)
 * @param maxSize         bytes beyond which the download is refused ({@code maxDownloadSize})
 * @param inMemoryLimit   bytes up to which the media is kept in memory; larger media spill to a temp file
 * @param directory       when set, the media is written there ({@code downloadDirectory}) and the body is the file
 * @param fileName        the name to give it there; derived from the URL when {@code null}
 * @param allowedHosts    private hosts a download may still go to ({@code allowedDownloadHosts})
 * @param connectTimeout  per connection attempt ({@code connectTimeout})
 * @param idleTimeout     the longest silence between two reads ({@code streamIdleTimeout})
 * @param totalTimeout    the longest the whole download may take, redirects included ({@code downloadTimeout});
 *                        {@code null} for none
 * @param spoolDirectory  where media over {@code inMemoryLimit} spill to; the JVM's temp directory when {@code null}
 */
public record DownloadRequest(URI url, URI apiBaseUrl, Map<String, String> apiAuthHeaders, long maxSize,
                              long inMemoryLimit, Path directory, String fileName, Set<String> allowedHosts,
                              Duration connectTimeout, Duration idleTimeout, Duration totalTimeout,
                              Path spoolDirectory) {

    public DownloadRequest(URI url, URI apiBaseUrl, Map<String, String> apiAuthHeaders, long maxSize,
                           long inMemoryLimit, Path directory, String fileName, Set<String> allowedHosts,
                           Duration connectTimeout, Duration idleTimeout, Duration totalTimeout) {
        this(url, apiBaseUrl, apiAuthHeaders, maxSize, inMemoryLimit, directory, fileName, allowedHosts,
                connectTimeout, idleTimeout, totalTimeout, null);
    }

    /** The same download, spilling media over {@code limit} bytes into {@code spoolDirectory}. */
    public DownloadRequest spoolingTo(Path spoolDirectory, long limit) {
        return new DownloadRequest(url, apiBaseUrl, apiAuthHeaders, maxSize, Math.min(inMemoryLimit, limit),
                directory, fileName, allowedHosts, connectTimeout, idleTimeout, totalTimeout, spoolDirectory);
    }

    public static final long DEFAULT_IN_MEMORY_LIMIT = 8L * 1024 * 1024;
}
