package dev.camelspark.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelspark.dynaspark.DynaSparkComponent;
import dev.camelspark.emulator.Provider;
import dev.camelspark.sparkstream.SparkStreamComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.dataformat.JsonLibrary;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * Round trips under concurrency, side by side in one run: {@code dynaspark:text} and {@code sparkstream:chat} (not
 * streamed) against what a user would otherwise write, (a) a raw client doing the same calls with Jackson, both
 * {@link HttpClient} and Apache HttpClient 5 (the faster of the two is "raw"), and (b) a hand-written
 * {@code camel-http} + {@code camel-jackson} route. Each side runs {@code --seconds} with N caller threads, each
 * making one call after the other; reported: requests per second, p50 and p99 latency, and the client JVM's CPU per
 * request. The sides run in a rotating order, round after round, so that none always runs on a machine another has
 * just loaded.
 * <p>
 * Also: the emulator alone first (the raw client at the highest concurrency, with the emulator's own CPU use, to show
 * that it is not what limits the figures), and the time to the first delta of a streamed {@code sparkstream:chat}
 * (ours and a raw {@link HttpClient} reading lines, concurrency 1).
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.camelspark.benchmarks.ConcurrencyHarness
 *     [--concurrency 1,16,64] [--seconds 5] [--rounds 3] [--summary target/results/summary.tsv]</pre>
 */
public final class ConcurrencyHarness {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String KEY = "ss-benchmark";
    static final String PROMPT = "What is Apache Camel?";
    private static final String STREAM_PROMPT = "Tell me a story about a camel crossing the desert";
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    static final String RAW_JDK = "raw java.net.http";
    static final String RAW_HC5 = "raw HttpClient 5";
    static final String CAMEL_HTTP = "camel-http route";
    static final String OURS = "ours";
    private static final List<String> ALL_SIDES = List.of(RAW_JDK, RAW_HC5, CAMEL_HTTP, OURS);
    /** {@code --only ours} (or any side's name, comma-separated) runs only those: to profile one side. */
    private static List<String> SIDES = ALL_SIDES;

    /** One call of one side; returns the answer's text (checked against the others' once). */
    @FunctionalInterface
    interface Call {
        String call() throws Exception;
    }

    /** One side's run at one concurrency. */
    record Run(double perSecond, double p50Millis, double p99Millis, double cpuMicrosPerCall,
               double emulatorCpuShare) {
    }

    private final EmulatorProcess emulator;
    private final CamelContext camel;
    private final ProducerTemplate template;
    private final Endpoint oursStream;
    private final HttpClient jdk;
    private final CloseableHttpClient hc5;
    private final String textBase;
    private final URI chatUri;
    private final byte[] streamBody;

    private ConcurrencyHarness(EmulatorProcess emulator) throws Exception {
        this.emulator = emulator;
        textBase = emulator.baseUrl(Provider.DYNASPARK) + "/generate_response?user_input=";
        chatUri = URI.create(emulator.baseUrl(Provider.SPARKSTREAM) + "/v1/chat");
        streamBody = chatJson(STREAM_PROMPT, true);
        // every side pools 100 connections, as ours does by default
        jdk = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        hc5 = HttpClients.custom().disableContentCompression().disableAutomaticRetries()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(100).setMaxConnPerRoute(100).build())
                .build();
        camel = new DefaultCamelContext();
        camel.getComponent("dynaspark", DynaSparkComponent.class).getConfiguration()
                .setBaseUrl(emulator.baseUrl(Provider.DYNASPARK));
        camel.getComponent("sparkstream", SparkStreamComponent.class).getConfiguration()
                .setBaseUrl(emulator.baseUrl(Provider.SPARKSTREAM));
        camel.getComponent("sparkstream", SparkStreamComponent.class).getConfiguration().setApiKey(KEY);
        HttpComponent http = camel.getComponent("http", HttpComponent.class);
        http.setMaxTotalConnections(100);
        http.setConnectionsPerRoute(100);
        String chatHttp = chatUri.toString();
        current = emulator;
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:ours-text").to("dynaspark:text");
                from("direct:ours-chat").to("sparkstream:chat");
                from("direct:ours-stream").to("sparkstream:chat?stream=true").process(e -> {
                    Iterator<?> deltas = e.getMessage().getBody(Iterator.class);
                    String first = (String) deltas.next();
                    e.setProperty("firstDelta", System.nanoTime());
                    StringBuilder whole = new StringBuilder(first);
                    deltas.forEachRemaining(whole::append);
                    e.getMessage().setBody(whole.toString());
                });
                // what a user writes by hand: the call, the status check camel-http does, Jackson for the JSON
                from("direct:http-text")
                        .setHeader(Exchange.HTTP_METHOD, constant("GET"))
                        .process(e -> e.getMessage().setHeader(Exchange.HTTP_QUERY, "user_input="
                                + URLEncoder.encode(e.getMessage().getBody(String.class), StandardCharsets.UTF_8)))
                        .setBody(constant(null))
                        .to(textBase.substring(0, textBase.indexOf('?')))
                        .unmarshal().json(JsonLibrary.Jackson, JsonNode.class)
                        .setBody(e -> e.getMessage().getBody(JsonNode.class).path("response").asText());
                from("direct:http-chat")
                        .process(e -> {
                            ObjectNode body = MAPPER.createObjectNode().put("model", "spark-1");
                            body.putArray("messages").addObject().put("role", "user")
                                    .put("content", e.getMessage().getBody(String.class));
                            e.getMessage().setBody(body);
                        })
                        .marshal().json(JsonLibrary.Jackson)
                        .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                        .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                        .setHeader("Authorization", constant("Bearer " + KEY))
                        .to(chatHttp)
                        .unmarshal().json(JsonLibrary.Jackson, JsonNode.class)
                        .setBody(e -> e.getMessage().getBody(JsonNode.class)
                                .path("choices").path(0).path("message").path("content").asText());
            }
        });
        camel.start();
        template = camel.createProducerTemplate();
        oursStream = camel.getEndpoint("direct:ours-stream");
    }

    private static byte[] chatJson(String prompt, boolean stream) throws IOException {
        ObjectNode body = MAPPER.createObjectNode().put("model", "spark-1");
        body.putArray("messages").addObject().put("role", "user").put("content", prompt);
        if (stream) {
            body.put("stream", true);
        }
        return MAPPER.writeValueAsBytes(body);
    }

    public static void main(String[] args) throws Exception {
        int[] concurrency = Arrays.stream(stringArg(args, "--concurrency", "1,16,64").split(","))
                .mapToInt(Integer::parseInt).toArray();
        double seconds = Double.parseDouble(stringArg(args, "--seconds", "5"));
        int rounds = Rounds.intArg(args, "--rounds", 3);
        String summary = stringArg(args, "--summary", null);
        String only = stringArg(args, "--only", null);
        if (only != null) {
            SIDES = ALL_SIDES.stream().filter(side -> Arrays.asList(only.split(",")).contains(side)).toList();
        }
        Summary table = new Summary();
        try (EmulatorProcess emulator = EmulatorProcess.start()) {
            ConcurrencyHarness harness = new ConcurrencyHarness(emulator);
            try {
                harness.run(concurrency, seconds, rounds, table);
            } finally {
                harness.close();
            }
        }
        System.out.println(table.markdown());
        if (summary != null) {
            table.append(Path.of(summary));
        }
    }

    private void run(int[] concurrency, double seconds, int rounds, Summary summary) throws Exception {
        Endpoint httpText = camel.getEndpoint("direct:http-text");
        Endpoint oursText = camel.getEndpoint("direct:ours-text");
        Endpoint httpChat = camel.getEndpoint("direct:http-chat");
        Endpoint oursChat = camel.getEndpoint("direct:ours-chat");
        Map<String, Map<String, Call>> operations = new LinkedHashMap<>();
        operations.put("dynaspark:text", Map.of(RAW_JDK, this::textJdk, RAW_HC5, this::textHc5,
                CAMEL_HTTP, () -> template.requestBody(httpText, PROMPT, String.class),
                OURS, () -> template.requestBody(oursText, PROMPT, String.class)));
        operations.put("sparkstream:chat", Map.of(RAW_JDK, this::chatJdk, RAW_HC5, this::chatHc5,
                CAMEL_HTTP, () -> template.requestBody(httpChat, PROMPT, String.class),
                OURS, () -> template.requestBody(oursChat, PROMPT, String.class)));
        int top = Arrays.stream(concurrency).max().orElse(1);
        // the endpoints resolved once, as a route's to() is: what a call costs, not the template's URI lookup
        // the pair must do the same job, and every side is warmed up (client and emulator) before anything counts
        for (Map.Entry<String, Map<String, Call>> op : operations.entrySet()) {
            String expected = null;
            for (String side : SIDES) {
                String answer = op.getValue().get(side).call();
                if (answer == null || answer.length() < 20 || expected != null && !expected.equals(answer)) {
                    throw new IllegalStateException(op.getKey() + ": " + side + " read another answer: " + answer);
                }
                expected = answer;
            }
            for (String side : SIDES) {
                // long enough for both JVMs to compile the hot paths: the emulator alone is measured next
                measure(op.getValue().get(side), top, Math.max(3, seconds));
            }
        }

        // the emulator alone: the raw client at the highest concurrency, with the share of a core the emulator used
        System.err.printf("emulator alone, raw HttpClient 5 at concurrency %d%n", top);
        List<Run> alone = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            alone.add(measure(operations.get("dynaspark:text").get(RAW_HC5), top, seconds));
        }
        summary.emulator(top, alone);

        for (Map.Entry<String, Map<String, Call>> op : operations.entrySet()) {
            for (int n : concurrency) {
                Map<String, List<Run>> runs = new LinkedHashMap<>();
                SIDES.forEach(side -> runs.put(side, new ArrayList<>()));
                for (int round = 0; round < rounds; round++) {
                    for (int i = 0; i < SIDES.size(); i++) {
                        String side = SIDES.get((i + round) % SIDES.size());
                        System.err.printf("%s, concurrency %d, round %d: %s%n", op.getKey(), n, round + 1, side);
                        runs.get(side).add(measure(op.getValue().get(side), n, seconds));
                    }
                }
                if (SIDES == ALL_SIDES) {
                    summary.pair(op.getKey(), n, runs);
                }
            }
        }

        if (SIDES != ALL_SIDES) {
            return;
        }
        // time to the first delta of a streamed chat, and the whole answer, one caller
        Map<String, List<double[]>> stream = new LinkedHashMap<>();
        stream.put(RAW_JDK, new ArrayList<>());
        stream.put(OURS, new ArrayList<>());
        if (!firstDeltaJdk()[2].equals(firstDeltaOurs()[2])) {
            throw new IllegalStateException("the streamed answers differ");
        }
        for (int round = -1; round < rounds; round++) {
            for (String side : round % 2 == 0 ? List.of(RAW_JDK, OURS) : List.of(OURS, RAW_JDK)) {
                double[] figures = streamRun(side.equals(OURS) ? this::firstDeltaOurs : this::firstDeltaJdk, seconds);
                if (round >= 0) {
                    stream.get(side).add(figures);
                }
            }
        }
        summary.stream(stream);
    }

    /** N threads calling for {@code seconds} after a short ramp; latencies of every call made in the window. */
    static Run measure(Call call, int threads, double seconds) throws Exception {
        long rampNanos = 200_000_000L;
        long windowNanos = (long) (seconds * 1e9);
        long[][] latencies = new long[threads][];
        int[] counts = new int[threads];
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch go = new CountDownLatch(1);
        Thread[] workers = new Thread[threads];
        long[] window = new long[2];
        for (int t = 0; t < threads; t++) {
            int me = t;
            workers[t] = new Thread(() -> {
                long[] mine = new long[1024];
                int count = 0;
                try {
                    go.await();
                    long from = window[0];
                    long to = window[1];
                    long now = System.nanoTime();
                    while (now < to && failure.get() == null) {
                        long start = now;
                        call.call();
                        now = System.nanoTime();
                        if (start >= from && now <= to) {
                            if (count == mine.length) {
                                mine = Arrays.copyOf(mine, count * 2);
                            }
                            mine[count++] = now - start;
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
                latencies[me] = mine;
                counts[me] = count;
            }, "caller-" + t);
            workers[t].start();
        }
        long start = System.nanoTime();
        window[0] = start + rampNanos;
        window[1] = window[0] + windowNanos;
        go.countDown();
        // the measuring thread, not a poller: it waits out the ramp once, then reads the CPU at the window's start
        Thread.sleep(Math.max(0, (window[0] - System.nanoTime()) / 1_000_000));
        long cpu0 = OS.getProcessCpuTime();
        double emulator0 = emulatorCpu();
        for (Thread worker : workers) {
            worker.join();
        }
        long cpu1 = OS.getProcessCpuTime();
        double emulator1 = emulatorCpu();
        if (failure.get() != null) {
            throw new IllegalStateException("a call failed; the run does not count", failure.get());
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(latencies[t], 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        double elapsed = windowNanos / 1e9;
        return new Run(total / elapsed, percentile(all, 0.50) / 1e6, percentile(all, 0.99) / 1e6,
                total == 0 ? Double.NaN : (cpu1 - cpu0) / 1e3 / total,
                (emulator1 - emulator0) / ((System.nanoTime() - window[0]) / 1e9));
    }

    private static EmulatorProcess current;

    private static double emulatorCpu() {
        return current == null ? Double.NaN : current.cpuSeconds();
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    /** One caller streaming for {@code seconds}: p50 time to the first delta and p50 time to the whole answer. */
    private static double[] streamRun(StreamCall call, double seconds) throws Exception {
        long until = System.nanoTime() + (long) (seconds * 1e9);
        List<Long> first = new ArrayList<>();
        List<Long> whole = new ArrayList<>();
        while (System.nanoTime() < until) {
            Object[] one = call.call();
            first.add((Long) one[0]);
            whole.add((Long) one[1]);
        }
        long[] f = first.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] w = whole.stream().mapToLong(Long::longValue).sorted().toArray();
        return new double[] {percentile(f, 0.5) / 1e6, percentile(w, 0.5) / 1e6, f.length};
    }

    @FunctionalInterface
    interface StreamCall {
        /** {time to first delta (ns), time to the whole answer (ns), the answer}. */
        Object[] call() throws Exception;
    }

    // The raw calls build each request from the prompt, as every other side does and as a client that is handed a
    // prompt must: the query encoded, the chat body written with Jackson (not bytes prepared once before the run).

    private String textUrl(String prompt) {
        return textBase + URLEncoder.encode(prompt, StandardCharsets.UTF_8);
    }

    private String textJdk() throws IOException, InterruptedException {
        HttpResponse<byte[]> response = jdk.send(HttpRequest.newBuilder(URI.create(textUrl(PROMPT))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return MAPPER.readTree(ok(response.statusCode(), response.body())).path("response").asText();
    }

    private String textHc5() throws IOException {
        return hc5.execute(new HttpGet(textUrl(PROMPT)), response -> MAPPER.readTree(ok(response.getCode(),
                EntityUtils.toByteArray(response.getEntity()))).path("response").asText());
    }

    private String chatJdk() throws IOException, InterruptedException {
        HttpResponse<byte[]> response = jdk.send(HttpRequest.newBuilder(chatUri)
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + KEY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(chatJson(PROMPT, false))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return content(MAPPER.readTree(ok(response.statusCode(), response.body())));
    }

    private String chatHc5() throws IOException {
        HttpPost post = new HttpPost(chatUri);
        post.setHeader("Authorization", "Bearer " + KEY);
        post.setEntity(new ByteArrayEntity(chatJson(PROMPT, false), ContentType.APPLICATION_JSON));
        return hc5.execute(post, response -> content(MAPPER.readTree(ok(response.getCode(),
                EntityUtils.toByteArray(response.getEntity())))));
    }

    private static String content(JsonNode chat) {
        return chat.path("choices").path(0).path("message").path("content").asText();
    }

    private static byte[] ok(int status, byte[] body) throws IOException {
        if (status != 200) {
            throw new IOException("the emulator answered " + status + ": " + new String(body, StandardCharsets.UTF_8));
        }
        return body;
    }

    private Object[] firstDeltaJdk() throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<InputStream> response = jdk.send(HttpRequest.newBuilder(chatUri)
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + KEY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(streamBody)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(),
                StandardCharsets.UTF_8))) {
            if (response.statusCode() != 200) {
                throw new IOException("the emulator answered " + response.statusCode());
            }
            StringBuilder whole = new StringBuilder(PlainSse.nextContent(reader));
            long first = System.nanoTime();
            whole.append(PlainSse.readAll(reader));
            return new Object[] {first - start, System.nanoTime() - start, whole.toString()};
        }
    }

    private Object[] firstDeltaOurs() {
        long start = System.nanoTime();
        Exchange exchange = template.request(oursStream, e -> e.getMessage().setBody(STREAM_PROMPT));
        if (exchange.getException() != null) {
            throw new IllegalStateException(exchange.getException());
        }
        long end = System.nanoTime();
        return new Object[] {exchange.getProperty("firstDelta", Long.class) - start, end - start,
                exchange.getMessage().getBody(String.class)};
    }

    private void close() throws Exception {
        camel.stop();
        hc5.close();
    }

    static String stringArg(String[] args, String name, String defaultValue) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return defaultValue;
    }

    static String fmt(String format, Object... values) {
        return String.format(Locale.ROOT, format, values);
    }
}
