package dev.camelspark.emulator;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the emulator on its own: {@code java -jar spark-emulator-VERSION-standalone.jar --port 8089}. Prints each
 * provider's base URL, then one line per request (keys redacted), and stops cleanly on Ctrl-C.
 */
public final class Main {

    static final String USAGE = String.join("\n",
            "Usage: java -jar spark-emulator-standalone.jar [options]",
            "  --port N                       port to listen on (default 8089, 0 = any free port)",
            "  --host ADDRESS                 address to bind (default localhost; 0.0.0.0 for all interfaces)",
            "  --token-delay-ms N             pause between streamed tokens (default 15)",
            "  --latency-ms N                 added before every API answer (default 0)",
            "  --deny-key KEY                 answer 401 for this key on every API (repeatable; default invalid-key)",
            "  --dynaspark-requests-per-hour N   DynaSpark rate limit per key (default 100)",
            "  --sparkgpt-requests-per-day N     SparkGPT daily limit per key (default 1000)",
            "  --sparkstream-plan NAME        SparkAI Stream plan of every key: starter (default) or pro",
            "  --minimal-tasks                Spark Dream and NeoSpark task objects carry only what the contract",
            "                                 promises (id, status, result URLs, error)",
            "  --quiet                        do not print one line per request",
            "  --help                         this text");

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        // the standalone jar ships no SLF4J binding: keep SLF4J's "no providers" notice off the console
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        int exit = run(args, System.out, System.err);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    /**
     * Starts, then runs until Ctrl-C; returns the exit status (0, 1 when the emulator cannot start, 2 for bad
     * arguments), having explained any failure on {@code err} in words rather than a stack trace.
     */
    static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        SparkEmulator emulator;
        try {
            emulator = start(args, out);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (EmulatorPortInUseException e) {
            err.println(e.getMessage() + ": stop it, or pick another port with --port N (--port 0 picks a free one)");
            return 1;
        }
        if (emulator == null) {
            return 0;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("Stopping the spark emulator");
            emulator.close();
            stopped.countDown();
        }, "spark-emulator-shutdown"));
        stopped.await();
        return 0;
    }

    /** Parses the arguments and starts an emulator, or prints the usage and returns null for {@code --help}. */
    static SparkEmulator start(String[] args, PrintStream out) {
        SparkEmulator.Builder builder = SparkEmulator.builder().port(8089);
        boolean quiet = false;
        List<String> deniedKeys = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--help":
                case "-h":
                    out.println(USAGE);
                    return null;
                case "--port":
                    builder.port(intValue(arg, value(args, ++i, arg)));
                    break;
                case "--host":
                    builder.host(value(args, ++i, arg));
                    break;
                case "--token-delay-ms":
                    builder.tokenDelay(Duration.ofMillis(intValue(arg, value(args, ++i, arg))));
                    break;
                case "--latency-ms":
                    builder.latency(Duration.ofMillis(intValue(arg, value(args, ++i, arg))));
                    break;
                case "--deny-key":
                    deniedKeys.add(value(args, ++i, arg));
                    break;
                case "--dynaspark-requests-per-hour":
                    int perHour = intValue(arg, value(args, ++i, arg));
                    builder.dynaspark(s -> s.requestsPerHour(perHour));
                    break;
                case "--sparkgpt-requests-per-day":
                    int perDay = intValue(arg, value(args, ++i, arg));
                    builder.sparkgpt(s -> s.requestsPerDay(perDay));
                    break;
                case "--sparkstream-plan":
                    String plan = value(args, ++i, arg);
                    builder.sparkstream(s -> s.defaultPlan(plan));
                    break;
                case "--minimal-tasks":
                    builder.sparkdream(s -> s.minimalTasks(true));
                    builder.neospark(s -> s.minimalTasks(true));
                    break;
                case "--quiet":
                    quiet = true;
                    break;
                default:
                    throw new IllegalArgumentException("Unknown option " + arg);
            }
        }
        if (!deniedKeys.isEmpty()) {
            builder.everyProvider(s -> s.deniedKeys(deniedKeys));
        }
        SparkEmulator emulator = builder.build().start();
        out.println("Spark emulator listening on " + emulator.url());
        for (Provider p : Provider.values()) {
            out.printf("  %-12s %s%s%n", p.id(), emulator.baseUrl(p),
                    emulator.providers().contains(p) ? "" : "   (not emulated yet)");
        }
        out.println("  control      " + emulator.url() + "/_emulator");
        out.println("Press Ctrl-C to stop.");
        if (!quiet) {
            emulator.requests().onCompleted(r -> out.println(r));
        }
        return emulator;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException("Option " + option + " needs a value");
        }
        return args[i];
    }

    private static int intValue(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Option " + option + " needs a number, got '" + value + "'");
        }
    }
}
