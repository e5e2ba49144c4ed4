package dev.camelspark.support.media;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloaded media: in memory when small, else in a file (a temp file deleted when the exchange completes, or the
 * final file in {@code downloadDirectory}).
 */
public final class DownloadedMedia {

    private static final Logger LOG = LoggerFactory.getLogger(DownloadedMedia.class);

    private final URI source;
    private final String contentType;
    private final long size;
    private final byte[] bytes;
    private final Path file;
    private final boolean temporary;

    DownloadedMedia(URI source, String contentType, long size, byte[] bytes, Path file, boolean temporary) {
        this.source = source;
        this.contentType = contentType;
        this.size = size;
        this.bytes = bytes;
        this.file = file;
        this.temporary = temporary;
    }

    public URI source() {
        return source;
    }

    /** The media type the server declared, e.g. {@code image/png}; empty when it did not. */
    public String contentType() {
        return contentType;
    }

    public long size() {
        return size;
    }

    public boolean inMemory() {
        return bytes != null;
    }

    /** The bytes of small media; {@code null} when the media is in a file. */
    public byte[] bytes() {
        return bytes;
    }

    /** The file holding the media; {@code null} when it is in memory. */
    public Path file() {
        return file;
    }

    /**
     * The message body for this media: {@code byte[]} when in memory, a {@link SpooledMedia} over the temp file
     * (deleted when the exchanges holding it have completed, also when they failed) when large, the {@link File}
     * when it was written to {@code downloadDirectory}.
     */
    public Object toBody(Exchange exchange) {
        if (bytes != null) {
            return bytes;
        }
        if (!temporary) {
            return file.toFile();
        }
        return SpooledMedia.of(file, size, exchange);
    }

    /** Deletes a temp file; a no-op for media in memory or in {@code downloadDirectory}. */
    public void discard() {
        if (temporary && file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warn("Could not delete temp media file {}: {}", file, e.getMessage());
            }
        }
    }
}
