package dev.camelspark.benchmarks;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelspark.emulator.Provider;
import org.apache.camel.builder.RouteBuilder;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What one call that is not streamed costs: a Camel route {@code to("dynaspark:text")} against a pooled Apache
 * HttpClient 5 (what ours is built on) sending the same GET to the same emulator and reading the answer's
 * {@code response} field with Jackson. The emulator answers at once, so what is left is the client's cost per call:
 * the route, the component, the retry layer and limiter, the request and response objects.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
public class PlainCallBenchmark extends EmulatorBenchmark {

    static final String PROMPT = "What is Apache Camel?";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WARM_UP_SECONDS = 5;

    private CloseableHttpClient raw;
    private String url;

    @Setup
    public void setUp() throws Exception {
        startDynaSpark(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:plain").to("dynaspark:text");
                    }
                });
        // the same pool as ours (100 connections), so that concurrent runs (-t 64) compare clients, not pool sizes
        raw = HttpClients.custom().disableContentCompression().disableAutomaticRetries()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(100).setMaxConnPerRoute(100).build())
                .build();
        url = emulator.baseUrl(Provider.DYNASPARK) + "/generate_response?user_input="
              + URLEncoder.encode(PROMPT, StandardCharsets.UTF_8);
        String ours = callOurs();
        if (ours == null || ours.length() < 20 || !ours.equals(callBaseline())) {
            throw new IllegalStateException("ours and the baseline do not read the same answer: " + ours);
        }
        warmUpServer(WARM_UP_SECONDS, this::callOurs, this::callBaseline);
    }

    @Benchmark
    public String callBaseline() throws IOException {
        return raw.execute(new HttpGet(url), response -> {
            if (response.getCode() != 200) {
                throw new IOException("the emulator answered " + response.getCode());
            }
            JsonNode body = JSON.readTree(EntityUtils.toByteArray(response.getEntity()));
            return body.get("response").asText();
        });
    }

    @Benchmark
    public String callOurs() {
        return template.requestBody("direct:plain", PROMPT, String.class);
    }

    @TearDown
    public void closeRaw() throws IOException {
        if (raw != null) {
            raw.close();
        }
    }
}
