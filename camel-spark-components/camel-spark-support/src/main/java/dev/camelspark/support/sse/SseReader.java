package dev.camelspark.support.sse;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads server-sent events from a byte stream, exactly as {@code api-contracts.md} says: lines split on {@code \n}
 * with a trailing {@code \r} stripped; a blank line ends an event; several {@code data:} lines join with {@code \n};
 * {@code data:} with or without the space; {@code :} comments, {@code id:} and {@code retry:} ignored;
 * {@code event:} kept. Each event is returned as soon as its blank line has arrived, never after the whole body.
 */
public final class SseReader implements Closeable {

    private final InputStream in;
    private final byte[] buffer = new byte[8192];
    private int position;
    private int limit;
    private boolean eof;
    private boolean lastLineCut;

    public SseReader(InputStream in) {
        this.in = in;
    }

    /** The next event, or {@code null} at the end of the input. */
    public SseEvent next() throws IOException {
        if (position == limit && !eof) {
            fill();
        }
        SseEvent single = singleDataLine();
        if (single != null) {
            return single;
        }
        String event = null;
        StringBuilder data = null;
        String line;
        while ((line = readLine()) != null) {
            if (line.isEmpty()) {
                if (data != null) {
                    return new SseEvent(event, data.toString());
                }
                event = null; // an event with no data is not dispatched
                continue;
            }
            if (line.startsWith(":")) {
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            switch (field) {
                case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                case "event" -> event = value;
                default -> {
                    // id:, retry: and unknown fields carry nothing we use
                }
            }
        }
        // a last event not followed by a blank line still counts: some servers end the body right after it. But when
        // the input stopped in the middle of a line, that line (and so the event) is cut short: half a JSON chunk
        // must not be delivered as if it were plain text. [DONE] alone is safe to take either way.
        if (data == null || lastLineCut && !SseEvent.DONE.equals(data.toString().trim())) {
            return null;
        }
        return new SseEvent(event, data.toString());
    }

    /**
     * The fast path, for what nearly every chunk of a streamed answer is: one {@code data:} line and its blank line,
     * both already in the buffer. The value is decoded straight from the buffer (one String, no line, substring or
     * builder on the way); anything else ({@code event:}, several data lines, comments, a line cut by the buffer's
     * end) returns {@code null} and goes the general way, which reads it the same.
     */
    private SseEvent singleDataLine() {
        int p = position;
        if (limit - p < 6 || buffer[p] != 'd' || buffer[p + 1] != 'a' || buffer[p + 2] != 't' || buffer[p + 3] != 'a'
            || buffer[p + 4] != ':') {
            return null;
        }
        int start = buffer[p + 5] == ' ' ? p + 6 : p + 5;
        int newline = start;
        while (newline < limit && buffer[newline] != '\n') {
            newline++;
        }
        int next = newline + 1;
        int after;
        if (next < limit && buffer[next] == '\n') {
            after = next + 1;
        } else if (next + 1 < limit && buffer[next] == '\r' && buffer[next + 1] == '\n') {
            after = next + 2;
        } else {
            return null; // no blank line in the buffer yet (or another field follows)
        }
        int end = newline > start && buffer[newline - 1] == '\r' ? newline - 1 : newline;
        position = after;
        return new SseEvent(null, new String(buffer, start, end - start, StandardCharsets.UTF_8));
    }

    /** One line without its {@code \n} (and trailing {@code \r}), decoded as UTF-8; {@code null} at the end. */
    private String readLine() throws IOException {
        ByteArrayOutputStream line = null;
        while (true) {
            if (position == limit) {
                if (eof || !fill()) {
                    if (line == null) {
                        return null;
                    }
                    lastLineCut = true; // the input ended before this line's \n
                    return decode(line.toByteArray(), line.size());
                }
            }
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            if (position < limit) {
                // found the end of the line
                int end = position;
                position++;
                if (line == null) {
                    return decode(buffer, start, end);
                }
                line.write(buffer, start, end - start);
                return decode(line.toByteArray(), line.size());
            }
            if (line == null) {
                line = new ByteArrayOutputStream(Math.max(64, limit - start));
            }
            line.write(buffer, start, limit - start);
        }
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n < 0) {
            eof = true;
            position = limit = 0;
            return false;
        }
        position = 0;
        limit = n;
        return n > 0 || fill();
    }

    private static String decode(byte[] bytes, int length) {
        return decode(bytes, 0, length);
    }

    private static String decode(byte[] bytes, int start, int end) {
        int stop = end > start && bytes[end - 1] == '\r' ? end - 1 : end;
        return new String(bytes, start, stop - start, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
