package dev.camelspark.routes;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.camelspark.emulator.Provider;
import dev.camelspark.emulator.SparkEmulator;

/**
 * The batch application as a separate JVM, started the way a user starts it (its main class, its
 * application.properties) but pointed at an emulator that lives in the test's JVM, so the emulator (its request log,
 * its tasks) outlives the application when a test kills it with SIGKILL and starts it again.
 */
final class BatchProcess implements AutoCloseable {

    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final CountDownLatch started = new CountDownLatch(1);

    private BatchProcess(Process process) {
        this.process = process;
        Thread pump = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    output.add(line);
                    if (line.contains("ready: watching")) {
                        started.countDown();
                    }
                }
            } catch (IOException e) {
                // the process was killed: its output ends here
            }
        }, "batch-process-output");
        pump.setDaemon(true);
        pump.start();
    }

    /**
     * Keys for the emulator, in the environment as a user would export them: the application gives the emulator's key
     * only to the emulator it starts itself.
     */
    static final Map<String, String> EMULATOR_KEYS = Map.of("SPARKGPT_API_KEY", "emulator-key",
            "SPARKSTREAM_API_KEY", "emulator-key", "SPARKDREAM_API_KEY", "emulator-key",
            "NEOSPARK_API_KEY", "np_emulator_key");

    /** Starts the application on {@code dir}, against {@code emulator}, and waits until its routes run. */
    static BatchProcess start(Path dir, SparkEmulator emulator, Map<String, String> properties) throws Exception {
        return start(dir, emulator, properties, EMULATOR_KEYS);
    }

    /** The same, with these environment variables (the API keys) added to the child's. */
    static BatchProcess start(Path dir, SparkEmulator emulator, Map<String, String> properties,
                              Map<String, String> environment) throws Exception {
        return launch(command(dir, emulator, properties), environment);
    }

    /**
     * The same, on a terminal: util-linux's {@code script} runs it on a pseudo-terminal, as a person's shell would
     * (its output, the terminal's, still comes to this test).
     */
    static BatchProcess startOnTerminal(Path dir, SparkEmulator emulator, Map<String, String> properties) throws Exception {
        String shellCommand = String.join(" ", command(dir, emulator, properties).stream()
                .map(a -> "'" + a.replace("'", "'\\''") + "'").toList());
        Map<String, String> environment = new java.util.HashMap<>(EMULATOR_KEYS);
        environment.put("COLUMNS", "120");
        return launch(List.of("script", "--quiet", "--flush", "--return", "--command", shellCommand, "/dev/null"),
                environment);
    }

    private static List<String> command(Path dir, SparkEmulator emulator, Map<String, String> properties)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-Dspark.batch.dir=" + dir,
                // the tests move files in whole; 0 would make Camel compare two looks 1 s apart, file after file
                "-Dspark.batch.read-lock-min-age=1",
                "-Dspark.batch.progress-period=1000",
                // other builds on the machine may hold the default port
                "-Dspark.batch.http.port=0",
                "-Dspark.emulator.enabled=false"));
        for (Provider provider : Provider.values()) {
            command.add("-Dspark.emulator." + provider.id() + ".url=" + emulator.baseUrl(provider));
        }
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-cp");
        command.add(runtimeClasspath());
        command.add(BatchApplication.class.getName());
        return command;
    }

    private static BatchProcess launch(List<String> command, Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        BatchProcess batch = new BatchProcess(process);
        // a process that has exited (a start-up failure) is reported at once, not after the whole wait
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!batch.started.await(1, TimeUnit.SECONDS) && process.isAlive() && System.nanoTime() < deadline) {
            // keep waiting for the ready line
        }
        if (batch.started.getCount() > 0) {
            batch.kill();
            throw new IllegalStateException("the application did not start:\n" + String.join("\n", batch.output));
        }
        return batch;
    }

    /** The application's own classes and its runtime dependencies, as the build wrote them; no test jars. */
    private static String runtimeClasspath() throws IOException {
        Path target = Path.of("target");
        String dependencies = Files.readString(target.resolve("runtime-classpath.txt")).trim();
        return target.resolve("classes").toAbsolutePath() + File.pathSeparator + dependencies;
    }

    /** SIGKILL: no shutdown hook, no cleanup, as when the machine loses power. */
    void kill() throws InterruptedException {
        // the application itself, when started through script(1)
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, as Ctrl-C: Camel's graceful shutdown runs; waits until the process has ended. */
    void stop() throws InterruptedException {
        // through its handle: Process.destroy() also closes the pipes, and what the shutdown logs would be lost
        process.toHandle().destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the application did not stop within 60 s:\n" + String.join("\n", output));
        }
    }

    List<String> output() {
        return List.copyOf(output);
    }

    boolean logged(String text) {
        return output.stream().anyMatch(l -> l.contains(text));
    }

    @Override
    public void close() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }

    static Duration patience() {
        return Duration.ofSeconds(60);
    }
}
