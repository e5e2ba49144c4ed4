package dev.camelspark.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.camelspark.emulator.Provider;

/**
 * The emulator in a JVM of its own ({@link EmulatorServer}), started from the benchmark's own class path.
 * <p>
 * Why not in-process: JMH's {@code -prof gc} counts the bytes allocated by every thread of the JVM, and a thread count
 * is only the benchmark's own when no server shares the JVM. Out of process, what is measured is the client alone,
 * ours and the baseline's; the server still shares the machine's cores, equally for both.
 */
public final class EmulatorProcess implements AutoCloseable {

    private final Process process;
    private final String url;
    private final HttpClient control = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private EmulatorProcess(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    public static EmulatorProcess start() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-Xmx512m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), EmulatorServer.class.getName()))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            String url = awaitReady(process, out);
            // keep draining its output, so it never blocks on a full pipe
            Thread drain = new Thread(() -> {
                try {
                    while (out.readLine() != null) {
                        // discarded
                    }
                } catch (IOException ignored) {
                    // the process ended
                }
            }, "emulator-output");
            drain.setDaemon(true);
            drain.start();
            return new EmulatorProcess(process, url);
        } catch (IOException | RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /** Reads its output up to the READY line; a process that dies first ends the output, and so the wait. */
    private static String awaitReady(Process process, BufferedReader out) throws IOException {
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith(EmulatorServer.READY)) {
                return line.substring(EmulatorServer.READY.length()).trim();
            }
        }
        throw new IOException("the emulator process ended before it was ready (exit "
                + (process.isAlive() ? "unknown" : process.exitValue()) + ")");
    }

    /** {@code http://localhost:PORT}. */
    public String url() {
        return url;
    }

    /** What a component's {@code baseUrl} is set to. */
    public String baseUrl(Provider provider) {
        return url + provider.basePath();
    }

    /** The CPU time the emulator's JVM has used so far, in seconds ({@code NaN} where the OS does not say). */
    public double cpuSeconds() {
        return process.toHandle().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    /** Changes a provider's settings through the control API, e.g. {@code {"videoFileSize": 67108864}}. */
    public void settings(Provider provider, String json) {
        put("/_emulator/settings/" + provider.id(), json);
    }

    /** Changes the global settings, e.g. {@code {"latencyMillis": 200}}. */
    public void settings(String json) {
        put("/_emulator/settings", json);
    }

    private void put(String path, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json))
                .build();
        try {
            HttpResponse<String> response = control.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the emulator refused " + json + ": " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach the emulator's control API", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Closes its standard input, which stops it; forcibly if it has not stopped within ten seconds. */
    @Override
    public void close() throws InterruptedException {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // already gone
        }
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
