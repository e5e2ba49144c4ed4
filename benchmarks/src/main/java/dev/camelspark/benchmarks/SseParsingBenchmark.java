package dev.camelspark.benchmarks;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelspark.emulator.core.OpenAiChunks;
import dev.camelspark.support.sse.SseChunk;
import dev.camelspark.support.sse.SseEvent;
import dev.camelspark.support.sse.SseReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Reading a long answer's event stream from memory, no network: {@link SseReader} + {@link SseChunk} (what every
 * streamed answer goes through) vs {@code BufferedReader.readLine()} + Jackson ({@link PlainSse}). The stream is
 * OpenAI {@code chat.completion.chunk} events exactly as the emulator sends them, one token each, some of them
 * outside ASCII, with the usage on the last chunk, then {@code [DONE]}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
public class SseParsingBenchmark {

    private static final String[] WORDS = {"The ", "camel ", "crosses ", "the ", "désert ", "at ", "dawn", ", ",
        "carrying ", "water ", "for ", "three ", "days ", "— ", "naïve ", "travellers ", "say ", "🐪 ", "is ", "slow", ". "};

    /** Content chunks in the stream (a long answer has a few thousand). */
    @Param("10000")
    public int chunks;

    private byte[] stream;

    @Setup
    public void buildStream() throws IOException {
        List<String> tokens = new ArrayList<>(chunks);
        for (int i = 0; i < chunks; i++) {
            tokens.add(WORDS[i % WORDS.length]);
        }
        ObjectNode usage = JsonNodeFactory.instance.objectNode()
                .put("prompt_tokens", 12).put("completion_tokens", chunks).put("total_tokens", 12 + chunks);
        StringBuilder sse = new StringBuilder();
        for (String payload : OpenAiChunks.of("chatcmpl-benchmark", 1_750_000_000L, "spark-1", tokens, "stop", usage)) {
            sse.append("data: ").append(payload).append("\n\n");
        }
        sse.append("data: [DONE]\n\n");
        stream = sse.toString().getBytes(StandardCharsets.UTF_8);

        String expected = String.join("", tokens);
        if (!parseOurs().equals(expected) || !parseBaseline().equals(expected)) {
            throw new IllegalStateException("the two parsers do not read the same answer");
        }
    }

    @Benchmark
    public String parseBaseline() throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(stream),
                StandardCharsets.UTF_8))) {
            return PlainSse.readAll(reader);
        }
    }

    /** What {@code SparkEventStream} does per event, minus the connection. */
    @Benchmark
    public String parseOurs() throws IOException {
        StringBuilder text = new StringBuilder();
        try (SseReader reader = new SseReader(new ByteArrayInputStream(stream))) {
            SseEvent event;
            while ((event = reader.next()) != null && !event.isDone()) {
                SseChunk chunk = SseChunk.parse(event.data());
                if (chunk.content() != null) {
                    text.append(chunk.content());
                }
            }
        }
        return text.toString();
    }
}
