package dev.camelspark.benchmarks;

import java.net.http.HttpClient;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import dev.camelspark.dynaspark.DynaSparkComponent;
import dev.camelspark.emulator.Provider;

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

    /** {@link #start} with the dynaspark component pointed at the emulator. */
    protected void startDynaSpark(RouteBuilder routes) throws Exception {
        start(camel -> camel.getComponent("dynaspark", DynaSparkComponent.class).getConfiguration()
                .setBaseUrl(emulator.baseUrl(Provider.DYNASPARK)), routes);
    }

    /**
     * Runs every side in turn for {@code seconds}: the emulator's JVM is as fresh as this one, and neither benchmark
     * of a pair may measure a server still compiling its code.
     */
    protected static void warmUpServer(int seconds, Callable<?>... sides) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < until) {
            for (Callable<?> side : sides) {
                side.call();
            }
        }
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
