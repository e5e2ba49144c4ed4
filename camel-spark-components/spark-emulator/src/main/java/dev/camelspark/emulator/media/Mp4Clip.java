package dev.camelspark.emulator.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.jcodec.api.SequenceEncoder;
import org.jcodec.common.io.ByteBufferSeekableByteChannel;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;
import org.jcodec.common.model.Rational;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

/**
 * A real H.264 MP4 (ftyp, mdat, moov: what players and MP4 readers expect) of a few frames painted by
 * {@link PictureRenderer}, lasting the asked number of seconds. It can be sent padded to any size: the padding goes
 * inside {@code mdat}, after the frames, so the file stays valid and its sample offsets stay right; it is generated
 * while sending, so a file of gigabytes is never in memory.
 */
public final class Mp4Clip {

    private static final int FRAMES = 4;
    private static final int CHUNK = 64 * 1024;
    private static final long MAX_32 = 0xFFFFFFFFL;

    /** Everything up to the end of mdat (ftyp, wide, mdat header and frames). */
    private final byte[] head;
    /** What follows mdat (moov). */
    private final byte[] tail;
    private final int mdatAt;
    private final long mdatSize;
    /** Where an 8-byte {@code wide} box sits right before mdat, or -1: room for a 64-bit mdat header. */
    private final int wideAt;

    private Mp4Clip(byte[] head, byte[] tail, int mdatAt, long mdatSize, int wideAt) {
        this.head = head;
        this.tail = tail;
        this.mdatAt = mdatAt;
        this.mdatSize = mdatSize;
        this.wideAt = wideAt;
    }

    /** Encodes the clip: CPU work of a second or so for 720p, so never on an event loop. */
    public static Mp4Clip encode(int width, int height, int seconds, long seed) {
        try {
            ByteBufferSeekableByteChannel out = ByteBufferSeekableByteChannel
                    .writeToByteBuffer(ByteBuffer.allocate(8 * 1024 * 1024));
            SequenceEncoder encoder = SequenceEncoder.createWithFps(out, new Rational(FRAMES, seconds));
            for (int f = 0; f < FRAMES; f++) {
                encoder.encodeNativeFrame(picture(width, height, PictureRenderer.render(width, height, seed + f, false)));
            }
            encoder.finish();
            ByteBuffer contents = out.getContents();
            byte[] file = new byte[contents.remaining()];
            contents.get(file);
            return split(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot encode the video", e);
        }
    }

    private static Picture picture(int width, int height, int[] rgb) {
        Picture picture = Picture.create(width, height, ColorSpace.RGB);
        byte[] data = picture.getPlaneData(0);
        for (int i = 0; i < rgb.length; i++) {
            // jcodec keeps samples as signed bytes centred on 0
            data[3 * i] = (byte) (((rgb[i] >> 16) & 0xff) - 128);
            data[3 * i + 1] = (byte) (((rgb[i] >> 8) & 0xff) - 128);
            data[3 * i + 2] = (byte) ((rgb[i] & 0xff) - 128);
        }
        return picture;
    }

    /** Finds the top-level boxes: the file must be [..., (wide,) mdat, moov]. */
    private static Mp4Clip split(byte[] file) {
        int pos = 0;
        int previous = -1;
        while (pos + 8 <= file.length) {
            long size = ByteBuffer.wrap(file, pos, 4).getInt() & MAX_32;
            String type = new String(file, pos + 4, 4, StandardCharsets.ISO_8859_1);
            if (size == 1) {
                size = ByteBuffer.wrap(file, pos + 8, 8).getLong();
            }
            if (size < 8 || pos + size > file.length) {
                break;
            }
            if (type.equals("mdat")) {
                int end = (int) (pos + size);
                boolean wide = previous >= 0 && pos - previous == 8
                        && new String(file, previous + 4, 4, StandardCharsets.ISO_8859_1).equals("wide");
                return new Mp4Clip(Arrays.copyOf(file, end), Arrays.copyOfRange(file, end, file.length), pos, size,
                        wide ? previous : -1);
            }
            previous = pos;
            pos += (int) size;
        }
        throw new IllegalStateException("The encoder wrote no mdat box");
    }

    /** The size without padding. */
    public long naturalSize() {
        return head.length + tail.length;
    }

    /** What {@link #send} sends for this wanted size: the natural size, or more. */
    public long sizeFor(long wanted) {
        return naturalSize() + padding(wanted);
    }

    private long padding(long wanted) {
        long padding = Math.max(0, wanted - naturalSize());
        if (wideAt < 0) {
            padding = Math.min(padding, MAX_32 - mdatSize); // no room for a 64-bit header
        }
        return padding;
    }

    /**
     * Sends the file padded to {@code wanted} bytes (or its natural size, when larger), respecting back-pressure:
     * the next chunk is written only when the connection has room for it. Stops if the client goes away.
     */
    public void send(HttpServerResponse response, long wanted) {
        long padding = padding(wanted);
        byte[] start = head.clone();
        long newMdat = mdatSize + padding;
        if (newMdat <= MAX_32) {
            ByteBuffer.wrap(start, mdatAt, 4).putInt((int) newMdat);
        } else {
            // the wide box and the mdat header become one 16-byte header; the frames stay where they are
            ByteBuffer header = ByteBuffer.wrap(start, wideAt, 16);
            header.putInt(1).put("mdat".getBytes(StandardCharsets.ISO_8859_1)).putLong(newMdat + 8);
        }
        response.putHeader("Content-Type", "video/mp4");
        response.putHeader("Content-Length", String.valueOf(start.length + padding + tail.length));
        response.write(Buffer.buffer(start));
        pump(response, padding);
    }

    private void pump(HttpServerResponse response, long remaining) {
        long left = remaining;
        while (left > 0 && !response.writeQueueFull()) {
            if (response.closed()) {
                return;
            }
            int n = (int) Math.min(CHUNK, left);
            response.write(Buffer.buffer(new byte[n]));
            left -= n;
        }
        if (left > 0) {
            long rest = left;
            response.drainHandler(v -> pump(response, rest));
            return;
        }
        if (!response.closed()) {
            response.end(Buffer.buffer(tail));
        }
    }
}
