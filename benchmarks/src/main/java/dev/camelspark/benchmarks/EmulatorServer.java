package dev.camelspark.benchmarks;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;

import dev.camelspark.emulator.Provider;
import dev.camelspark.emulator.SparkEmulator;
import dev.camelspark.emulator.sparkdream.SparkDreamSettings;
import dev.camelspark.emulator.sparkstream.Plan;

/**
 * The emulator as the benchmarks' child process (see {@link EmulatorProcess}): no pacing, no rate limits, balances
 * that never run out, a tiny request log. Prints {@code READY <url>} once listening, and stops when its standard input
 * closes, so it never outlives the benchmark that started it, even one that was killed.
 */
public final class EmulatorServer {

    static final String READY = "READY ";

    private EmulatorServer() {
    }

    public static void main(String[] args) throws IOException {
        SparkEmulator emulator = SparkEmulator.builder()
                .tokenDelay(Duration.ZERO)
                // the log is for tests; here it would only cost the server memory and time
                .settings(s -> s.maxLoggedRequests(16).maxLoggedBodyBytes(0))
                .dynaspark(s -> s.requestsPerHour(Integer.MAX_VALUE))
                .sparkstream(s -> s.plan("starter", new Plan(Integer.MAX_VALUE, Integer.MAX_VALUE)))
                .configure(Provider.SPARKDREAM, s -> ((SparkDreamSettings) s)
                        .defaultBalance(new BigDecimal("1000000000")).durations(Duration.ZERO, Duration.ZERO))
                .neospark(s -> s.defaultBalance(1_000_000_000L).taskTimes(Duration.ZERO, Duration.ZERO))
                .build().start();
        System.out.println(READY + emulator.url());
        System.out.flush();
        try {
            while (System.in.read() >= 0) {
                // nothing to read: the parent only closes the pipe (or dies, which closes it too)
            }
        } finally {
            emulator.close();
        }
    }
}
