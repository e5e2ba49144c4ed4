package dev.camelspark.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;

import dev.camelspark.emulator.Provider;
import org.apache.camel.builder.RouteBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A streamed answer through a Camel route, {@code to("dynaspark:text?stream=true")}, vs the same stream read from the
 * same emulator with a bare {@link HttpClient} and {@link PlainSse}: the time to the first delta, and to the whole
 * answer. The emulator sends without pacing, so what is left is the client's own cost: the route, the component, the
 * retry layer, Apache HttpClient, our SSE reader. A ratio near 1 means those layers add nothing a user would notice.
 * <p>
 * "First delta" includes giving the connection up (the route's exchange ends and closes the stream; the baseline
 * closes its body), since a caller that stops after the first delta pays for that too.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
public class StreamLatencyBenchmark extends EmulatorBenchmark {

    /** An answer of 94 deltas (97 events, 18 KB). */
    static final String PROMPT = "Tell me a story about a camel crossing the desert";
    private static final int WARM_UP_SECONDS = 5;

    private HttpRequest streamRequest;

    @Setup
    public void setUp() throws Exception {
        startDynaSpark(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:first").to("dynaspark:text?stream=true")
                                .process(e -> e.getMessage().setBody(e.getMessage().getBody(Iterator.class).next()));
                        from("direct:whole").to("dynaspark:text?stream=true").convertBodyTo(String.class);
                    }
                });
        streamRequest = HttpRequest.newBuilder(URI.create(emulator.baseUrl(Provider.DYNASPARK)
                + "/generate_response?user_input=" + URLEncoder.encode(PROMPT, StandardCharsets.UTF_8)
                + "&stream=true")).build();

        // the pair must do the same job
        String whole = wholeAnswerOurs();
        if (whole.length() < 100 || !whole.equals(wholeAnswerBaseline())
            || !firstDeltaOurs().equals(firstDeltaBaseline())) {
            throw new IllegalStateException("ours and the baseline do not read the same answer: " + whole);
        }
        warmUpServer(WARM_UP_SECONDS, this::firstDeltaBaseline, this::firstDeltaOurs, this::wholeAnswerBaseline,
                this::wholeAnswerOurs);
    }

    @Benchmark
    public String firstDeltaBaseline() throws IOException, InterruptedException {
        try (BufferedReader reader = open()) {
            return PlainSse.nextContent(reader);
        }
    }

    @Benchmark
    public String firstDeltaOurs() {
        return template.requestBody("direct:first", PROMPT, String.class);
    }

    @Benchmark
    public String wholeAnswerBaseline() throws IOException, InterruptedException {
        try (BufferedReader reader = open()) {
            return PlainSse.readAll(reader);
        }
    }

    @Benchmark
    public String wholeAnswerOurs() {
        return template.requestBody("direct:whole", PROMPT, String.class);
    }

    private BufferedReader open() throws IOException, InterruptedException {
        HttpResponse<InputStream> response = http.send(streamRequest, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IOException("the emulator answered " + response.statusCode());
        }
        return new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
    }
}
