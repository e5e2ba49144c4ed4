package dev.camelspark.support.media;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import dev.camelspark.support.error.SparkApiException;
import dev.camelspark.support.error.SparkTransportException;
import dev.camelspark.support.error.SparkValidationException;
import dev.camelspark.support.http.CallKind;
import dev.camelspark.support.http.CallPolicy;
import dev.camelspark.support.http.SparkApiClient;
import dev.camelspark.support.http.SparkHttpTransport;
import dev.camelspark.support.http.SparkOpenResponse;
import dev.camelspark.support.http.SparkRequest;

/**
 * Fetches generated media by streaming: never more than {@link DownloadRequest#inMemoryLimit()} bytes in memory,
 * never more than {@link DownloadRequest#maxSize()} bytes at all. Redirects are followed here, hop by hop, so that
 * every hop passes the same checks and the key never follows a redirect to another origin.
 */
public final class MediaDownloader {

    private static final int MAX_REDIRECTS = 5;
    private static final int COPY_BUFFER = 64 * 1024;

    private final SparkApiClient client;

    public MediaDownloader(SparkApiClient client) {
        this.client = client;
    }

    public CompletableFuture<DownloadedMedia> download(DownloadRequest request, CallPolicy policy) {
        long deadline = request.totalTimeout() == null ? 0 : System.nanoTime() + request.totalTimeout().toNanos();
        return hop(request, request.url(), 0, policy, deadline);
    }

    private CompletableFuture<DownloadedMedia> hop(DownloadRequest request, URI url, int redirects, CallPolicy policy,
                                                   long deadlineNanos) {
        String refusal = DownloadGuard.refusal(url, request.apiBaseUrl(), request.allowedHosts());
        if (refusal != null) {
            return CompletableFuture.failedFuture(new SparkValidationException(client.provider(), "media URL",
                    url, "an http(s) URL on a public host, the API's own host, or a host in allowedDownloadHosts ("
                         + refusal + ")",
                    null));
        }
        SparkRequest.Builder get = SparkRequest.getUrl(url.toString())
                .kind(CallKind.READ)
                .connectTimeout(request.connectTimeout())
                .readTimeout(request.idleTimeout())
                .returnRedirects();
        if (deadlineNanos != 0) {
            // what is left of downloadTimeout for this hop: the transport aborts the request when it runs out
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                return CompletableFuture.failedFuture(timedOut(url, request, null));
            }
            get.deadline(Duration.ofNanos(left));
        }
        if (DownloadGuard.sameOrigin(url, request.apiBaseUrl()) && request.apiAuthHeaders() != null) {
            request.apiAuthHeaders().forEach(get::secretHeader);
        }
        return client.open(get.build(), policy).exceptionallyCompose(e -> {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            return CompletableFuture.failedFuture(deadlineExceeded(cause) ? timedOut(url, request, cause) : cause);
        }).thenCompose(response -> {
            if (response.status() >= 300) {
                String location = response.header("Location");
                response.close();
                if (location == null || redirects >= MAX_REDIRECTS) {
                    return CompletableFuture.failedFuture(new SparkApiException(client.provider(), response.status(), null,
                            "media download of " + url + " redirected " + (location == null ? "without a Location" : "too often")));
                }
                return hop(request, url.resolve(location), redirects + 1, policy, deadlineNanos);
            }
            try {
                return CompletableFuture.completedFuture(store(request, url, response));
            } catch (SparkHttpTransport.DeadlineExceededException e) {
                return CompletableFuture.failedFuture(timedOut(url, request, e));
            } catch (IOException e) {
                // a cut or silent connection may work the next time: transient, unlike a refusal or a size limit
                return CompletableFuture.failedFuture(new SparkTransportException(client.provider(),
                        "media download of " + url + " failed: " + e, false, e));
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e instanceof SparkApiException ? e
                        : new SparkApiException(client.provider(), 0, null, "media download of " + url + " failed: " + e,
                                null, null, e));
            } finally {
                response.close();
            }
        });
    }

    /**
     * Stores a body that is itself the media (an audio answer, say) with the same limits as a download: in memory
     * when small, else a temp file, or the file in the request's directory. Closes the response.
     */
    public DownloadedMedia receive(DownloadRequest request, SparkOpenResponse response) throws IOException {
        try {
            return store(request, request.url(), response);
        } finally {
            response.close();
        }
    }

    private DownloadedMedia store(DownloadRequest request, URI url, SparkOpenResponse response) throws IOException {
        long declared = response.contentLength();
        if (declared > request.maxSize()) {
            throw tooLarge(url, declared, request.maxSize());
        }
        String type = response.mediaType();
        // the body stream is not closed here: closing it would read the rest of a body that is too large (or
        // endless); the caller closes the response, which aborts the connection unless the body was read to its end
        InputStream in = response.body();
        DownloadedMedia media = request.directory() != null
                ? toDirectory(request, url, type, in)
                : toMemoryOrTempFile(request, url, type, in);
        response.markFullyRead();
        return media;
    }

    private static boolean deadlineExceeded(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SparkHttpTransport.DeadlineExceededException) {
                return true;
            }
        }
        return false;
    }

    private SparkTransportException timedOut(URI url, DownloadRequest request, Throwable cause) {
        // transient: a slow CDN may be faster the next time
        return new SparkTransportException(client.provider(), "media download of " + url
                + " did not finish within downloadTimeout (" + request.totalTimeout().toMillis() + " ms)", false, cause);
    }

    private DownloadedMedia toMemoryOrTempFile(DownloadRequest request, URI url, String type, InputStream in)
            throws IOException {
        ByteArrayOutputStream memory = new ByteArrayOutputStream();
        byte[] buffer = new byte[COPY_BUFFER];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            total += n;
            if (total > request.maxSize()) {
                throw tooLarge(url, total, request.maxSize());
            }
            memory.write(buffer, 0, n);
            if (total > request.inMemoryLimit()) {
                return spill(request, url, type, in, memory, total);
            }
        }
        return new DownloadedMedia(url, type, total, memory.toByteArray(), null, false);
    }

    private DownloadedMedia spill(DownloadRequest request, URI url, String type, InputStream in,
                                  ByteArrayOutputStream head, long sofar) throws IOException {
        Path temp = request.spoolDirectory() == null
                ? Files.createTempFile("camel-spark-", extensionOf(type, url))
                : Files.createTempFile(Files.createDirectories(request.spoolDirectory()), "camel-spark-",
                        extensionOf(type, url));
        try (OutputStream out = Files.newOutputStream(temp)) {
            head.writeTo(out);
            long total = copy(in, out, sofar, request.maxSize(), url);
            return new DownloadedMedia(url, type, total, null, temp, true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    private DownloadedMedia toDirectory(DownloadRequest request, URI url, String type, InputStream in) throws IOException {
        Path directory = Files.createDirectories(request.directory());
        Path target = directory.resolve(safeFileName(request.fileName(), url, type));
        // written under a temporary name, then moved: a reader of the directory never sees half a file
        Path partial = Files.createTempFile(directory, ".camel-spark-", ".part");
        try {
            long total;
            try (OutputStream out = Files.newOutputStream(partial)) {
                total = copy(in, out, 0, request.maxSize(), url);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new DownloadedMedia(url, type, total, null, target, false);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
    }

    private long copy(InputStream in, OutputStream out, long sofar, long max, URI url) throws IOException {
        byte[] buffer = new byte[COPY_BUFFER];
        long total = sofar;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            total += n;
            if (total > max) {
                throw tooLarge(url, total, max);
            }
            out.write(buffer, 0, n);
        }
        return total;
    }

    private SparkApiException tooLarge(URI url, long size, long max) {
        return new SparkApiException(client.provider(), 0, null,
                "media at " + url + " is larger than maxDownloadSize (" + max + " bytes; got at least " + size + ")");
    }

    /**
     * A file name safe to use in any directory: only letters, digits, dot, dash and underscore, no leading dot, no
     * path, at most 120 characters, with an extension matching the media type.
     */
    public static String safeFileName(String proposed, URI url, String contentType) {
        String name = proposed;
        if (name == null || name.isBlank()) {
            String path = url.getPath() == null ? "" : url.getPath();
            name = path.substring(path.lastIndexOf('/') + 1);
        }
        name = name.replaceAll("[^A-Za-z0-9._-]", "_");
        if (name.length() > 120) {
            name = name.substring(name.length() - 120);
        }
        name = name.replaceAll("^[._]+", ""); // after the cut, which may itself start the name with a dot
        if (name.isEmpty()) {
            name = "media";
        }
        if (!name.contains(".")) {
            name += extensionOf(contentType, url);
        }
        return name;
    }

    static String extensionOf(String contentType, URI url) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        return switch (type) {
            case "image/png" -> ".png";
            case "image/jpeg", "image/jpg" -> ".jpg";
            case "image/webp" -> ".webp";
            case "audio/mpeg", "audio/mp3" -> ".mp3";
            case "video/mp4" -> ".mp4";
            default -> {
                String path = url == null || url.getPath() == null ? "" : url.getPath();
                int dot = path.lastIndexOf('.');
                String ext = dot >= 0 && dot > path.lastIndexOf('/') ? path.substring(dot) : "";
                yield ext.matches("\\.[A-Za-z0-9]{1,5}") ? ext : ".bin";
            }
        };
    }
}
