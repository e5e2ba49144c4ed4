package dev.camelspark.support.media;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import org.apache.camel.Exchange;
import org.apache.camel.StreamCache;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The body of media too large for memory: a re-readable stream over its temp file, as Camel's own
 * {@code FileInputStreamCache}, that also goes through {@code marshal().json()} with Camel's default Jackson setup
 * (as a base64 string, as a {@code byte[]} body would) and converts to {@code String} / {@code byte[]}.
 * <p>
 * The file belongs to the exchanges holding the body: each one (the first, and each that got a {@link #copy} in a
 * multicast, wire tap or Kamelet) deletes it when it completes, the last one for real, so a consumer still reading it
 * never finds it gone; the copy a Kamelet routes hands its share to the calling exchange ({@link KameletHandover}).
 * Camel resets the stream before each step, so logging it does not empty it.
 */
public final class SpooledMedia extends InputStream implements StreamCache, JsonSerializable {

    private static final Logger LOG = LoggerFactory.getLogger(SpooledMedia.class);

    private final Path file;
    private final long length;
    private final AtomicInteger holders;
    private InputStream in;
    private long position;

    private SpooledMedia(Path file, long length, AtomicInteger holders) {
        this.file = file;
        this.length = length;
        this.holders = holders;
    }

    /** The body for {@code file}, deleted when {@code exchange} (and every exchange given a copy) has completed. */
    static SpooledMedia of(Path file, long length, Exchange exchange) {
        SpooledMedia media = new SpooledMedia(file, length, new AtomicInteger());
        media.holdFor(exchange);
        return media;
    }

    private void holdFor(Exchange exchange) {
        holders.incrementAndGet();
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange exchange) {
                String caller = KameletHandover.callerOf(exchange);
                if (caller != null) {
                    // a Kamelet's copy: its body goes back to the caller, which reads it after this completion
                    KameletHandover.whenDone(exchange.getContext(), caller, SpooledMedia.this::release);
                } else {
                    release();
                }
            }
        });
    }

    private void release() {
        if (holders.decrementAndGet() == 0) {
            closeQuietly();
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warn("Could not delete temp media file {}: {}", file, e.getMessage());
            }
        }
    }

    /** The temp file; it exists until the exchanges holding this body have completed. */
    public Path file() {
        return file;
    }

    private InputStream stream() throws IOException {
        if (in == null) {
            try {
                in = Files.newInputStream(file);
            } catch (NoSuchFileException e) {
                throw gone();
            }
            in.skipNBytes(position);
        }
        return in;
    }

    private IOException gone() {
        return new FileNotFoundException("the media's temp file " + file + " was deleted when its exchange completed:"
                                         + " read the body within the route (e.g. convertBodyTo(byte[].class)), or set"
                                         + " downloadDirectory to keep the media as a file");
    }

    @Override
    public synchronized int read() throws IOException {
        int b = stream().read();
        if (b >= 0) {
            position++;
        }
        return b;
    }

    @Override
    public synchronized int read(byte[] buffer, int offset, int count) throws IOException {
        int n = stream().read(buffer, offset, count);
        if (n > 0) {
            position += n;
        }
        return n;
    }

    @Override
    public synchronized int available() throws IOException {
        return (int) Math.min(Integer.MAX_VALUE, length - position);
    }

    @Override
    public synchronized void reset() {
        closeQuietly();
        position = 0;
    }

    @Override
    public synchronized void close() {
        // closing ends this read, not the media: the file stays, and the next read starts from the beginning (a
        // converter closes what it read, and the route may read the body again without stream caching's reset)
        reset();
    }

    private void closeQuietly() {
        if (in != null) {
            try {
                in.close();
            } catch (IOException e) {
                LOG.debug("Closing {}: {}", file, e.getMessage());
            }
            in = null;
        }
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        try (InputStream whole = open()) {
            whole.transferTo(out);
        }
    }

    private InputStream open() throws IOException {
        try {
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw gone();
        }
    }

    @Override
    public StreamCache copy(Exchange exchange) {
        SpooledMedia copy = new SpooledMedia(file, length, holders);
        copy.holdFor(exchange);
        return copy;
    }

    @Override
    public boolean inMemory() {
        return false;
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public synchronized long position() {
        return position;
    }

    /** Base64, streamed from the file: what Jackson writes for a {@code byte[]} body, so both sizes look alike. */
    @Override
    public void serialize(JsonGenerator generator, SerializerProvider serializers) throws IOException {
        try (InputStream whole = open()) {
            generator.writeBinary(whole, length > Integer.MAX_VALUE ? -1 : (int) length);
        }
    }

    @Override
    public void serializeWithType(JsonGenerator generator, SerializerProvider serializers, TypeSerializer typeSer)
            throws IOException {
        serialize(generator, serializers);
    }

    @Override
    public String toString() {
        // never reads the media: logging or tracing the message must not pull megabytes into the log
        return "SpooledMedia[" + length + " bytes in " + file.getFileName() + "]";
    }
}
