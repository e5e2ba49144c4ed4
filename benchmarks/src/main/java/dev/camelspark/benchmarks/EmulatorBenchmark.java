package dev.camelspark.benchmarks;

import java.net.http.HttpClient;
import java.util.function.Consumer;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What the benchmarks over HTTP share: the emulator in a JVM of its own, a Camel context for our side, and a bare
 * {@link HttpClient} (HTTP/1.1, as our client speaks) for the baseline's.
 */
@State(Scope.Benchmark)
public abstract class EmulatorBenchmark {

    protected EmulatorProcess emulator;
    protected CamelContext camel;
    protected ProducerTemplate template;
    protected HttpClient http;

    /** Starts the emulator, then a Camel context that {@code configure} sets up and {@code routes} fills. */
    protected void start(Consumer<CamelContext> configure, RouteBuilder routes) throws Exception {
        emulator = EmulatorProcess.start();
        camel = new DefaultCamelContext();
        configure.accept(camel);
        camel.addRoutes(routes);
        camel.start();
        template = camel.createProducerTemplate();
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @TearDown
    public void stop() throws Exception {
        if (camel != null) {
            camel.stop();
        }
        if (emulator != null) {
            emulator.close();
        }
    }
}
