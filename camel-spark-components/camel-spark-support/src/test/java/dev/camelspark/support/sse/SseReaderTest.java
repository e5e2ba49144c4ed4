package dev.camelspark.support.sse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The line and event rules of api-contracts.md, "Event streams (SSE)", byte by byte. */
class SseReaderTest {

    /** Hands out at most {@code step} bytes per read, as a slow network would. */
    private static final class Trickle extends InputStream {
        private final byte[] bytes;
        private final int step;
        private int pos;

        Trickle(byte[] bytes, int step) {
            this.bytes = bytes;
            this.step = step;
        }

        @Override
        public int read() {
            return pos < bytes.length ? bytes[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= bytes.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, step), bytes.length - pos);
            System.arraycopy(bytes, pos, b, off, n);
            pos += n;
            return n;
        }
    }

    private static List<SseEvent> events(String wire, int step) throws IOException {
        return events(wire.getBytes(StandardCharsets.UTF_8), step);
    }

    private static List<SseEvent> events(byte[] wire, int step) throws IOException {
        List<SseEvent> all = new ArrayList<>();
        try (SseReader reader = new SseReader(new Trickle(wire, step))) {
            SseEvent e;
            while ((e = reader.next()) != null) {
                all.add(e);
            }
        }
        return all;
    }

    private static List<String> data(String wire) throws IOException {
        return events(wire, 8192).stream().map(SseEvent::data).toList();
    }

    @Test
    void splitsOnLineFeedAndStripsTrailingCarriageReturn() throws IOException {
        assertThat(data("data: one\r\n\r\ndata: two\n\n")).containsExactly("one", "two");
    }

    @Test
    void blankLineEndsAnEvent() throws IOException {
        assertThat(data("data: a\n\ndata: b\n\ndata: c\n\n")).containsExactly("a", "b", "c");
    }

    @Test
    void severalDataLinesOfOneEventJoinWithLineFeed() throws IOException {
        assertThat(data("data: first\ndata: second\r\ndata:third\n\n")).containsExactly("first\nsecond\nthird");
    }

    @Test
    void dataWithAndWithoutTheSpace() throws IOException {
        // exactly one leading space is dropped: a second one belongs to the value
        assertThat(data("data:tight\n\ndata: spaced\n\ndata:  indented\n\n"))
                .containsExactly("tight", "spaced", " indented");
    }

    @Test
    void commentsIdAndRetryAreIgnored() throws IOException {
        List<SseEvent> events = events(": keep-alive\n\nid: 42\nretry: 1500\n: comment inside\ndata: x\n\n", 8192);
        assertThat(events).containsExactly(new SseEvent(null, "x"));
    }

    @Test
    void eventNameIsKeptAndBelongsToItsEventOnly() throws IOException {
        List<SseEvent> events = events("event: progress\ndata: {\"p\":1}\n\ndata: plain\n\n", 8192);
        assertThat(events).containsExactly(new SseEvent("progress", "{\"p\":1}"), new SseEvent(null, "plain"));
    }

    @Test
    void anEventWithoutDataIsNotDispatchedAndItsNameDoesNotLeak() throws IOException {
        assertThat(events("event: ping\n\ndata: after\n\n", 8192)).containsExactly(new SseEvent(null, "after"));
    }

    @Test
    void doneIsAnEventLikeAnyOther() throws IOException {
        List<SseEvent> events = events("data: x\n\ndata: [DONE]\n\n", 8192);
        assertThat(events).extracting(SseEvent::isDone).containsExactly(false, true);
    }

    @Test
    void emptyInputHasNoEvents() throws IOException {
        assertThat(events("", 1)).isEmpty();
        assertThat(events(": only a comment\n\n", 1)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = { 1, 2, 3, 5, 7, 4096 })
    void multiByteCharactersSplitAcrossReadsStayWhole(int step) throws IOException {
        String text = "héllo wörld – 日本語 😀 ok";
        List<SseEvent> events = events("data: " + text + "\r\n\r\ndata: " + text + "\n\n", step);
        assertThat(events).extracting(SseEvent::data).containsExactly(text, text);
    }

    @Test
    void aLineLongerThanTheReadBufferWithMultiByteCharactersAtTheSeams() throws IOException {
        String text = "ü😀".repeat(5000); // 30,000 bytes: crosses the 8 KiB buffer several times, mid-character
        assertThat(events("data: " + text + "\n\n", 8192)).extracting(SseEvent::data).containsExactly(text);
        assertThat(events("data: " + text + "\n\n", 8191)).extracting(SseEvent::data).containsExactly(text);
    }

    @Test
    void readsAnEventAsSoonAsItsBlankLineArrivesWithoutWaitingForMore() throws IOException {
        // a stream that would block forever after the first event: the reader must not ask for more bytes
        byte[] first = "data: first\n\n".getBytes(StandardCharsets.UTF_8);
        InputStream blocking = new InputStream() {
            private final ByteArrayInputStream head = new ByteArrayInputStream(first);

            @Override
            public int read() {
                throw new AssertionError("single-byte read not expected");
            }

            @Override
            public int read(byte[] b, int off, int len) {
                int n = head.read(b, off, len);
                if (n < 0) {
                    throw new AssertionError("the reader asked for more bytes before returning the first event");
                }
                return n;
            }
        };
        try (SseReader reader = new SseReader(blocking)) {
            assertThat(reader.next()).isEqualTo(new SseEvent(null, "first"));
        }
    }

    @Test
    void aLastEventWithCompleteLinesButNoBlankLineStillCounts() throws IOException {
        assertThat(data("data: a\n\ndata: [DONE]\n")).containsExactly("a", "[DONE]");
        assertThat(data("data: a\n\ndata: [DONE]")).containsExactly("a", "[DONE]");
    }

    @Test
    void anEventCutInTheMiddleOfALineIsNotDispatched() throws IOException {
        // the connection closed half way through a JSON chunk: that half must not become content
        assertThat(data("data: a\n\ndata: {\"choices\":[{\"delta\":{\"content\":\"hal")).containsExactly("a");
        assertThat(data("data: a\n\ndata: line one\ndata: line tw")).containsExactly("a");
    }

    /**
     * Single-data-line events whole in the buffer take the fast path, the rest the general one: every way of cutting
     * the same bytes into reads gives the same events, mixed with every other kind of line.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 7, 13, 64, 8192})
    void theSingleDataLineFastPathReadsWhatTheGeneralPathReads(int step) throws IOException {
        String wire = "data: one\n\ndata:two\r\n\r\ndata: \n\ndata:\n\nevent: e\ndata: named\n\n"
                      + ": comment\ndata: three\n\ndata: a\ndata: b\n\nid: 7\ndata: after id\n\n"
                      + "data: d\u00e9sert \uD83D\uDC2A\n\ndata:  two spaces\n\ndata: [DONE]\n\n";
        assertThat(events(wire, step)).containsExactly(new SseEvent(null, "one"), new SseEvent(null, "two"),
                new SseEvent(null, ""), new SseEvent(null, ""), new SseEvent("e", "named"),
                new SseEvent(null, "three"), new SseEvent(null, "a\nb"), new SseEvent(null, "after id"),
                new SseEvent(null, "d\u00e9sert \uD83D\uDC2A"), new SseEvent(null, " two spaces"),
                new SseEvent(null, "[DONE]"));
    }
}
