package dev.camelspark.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/**
 * The one table {@code benchmarks/run.sh} ends with: every figure as a ratio to its baseline, with both absolute
 * values, the target where the issues set one, and the machine it ran on. Each harness appends its rows to a
 * tab-separated file ({@code --summary FILE}); {@code main} prints them, with the JMH pairs, as one Markdown table.
 * <pre>java -cp benchmarks.jar dev.camelspark.benchmarks.Summary summary.tsv [jmh.json]</pre>
 */
public final class Summary {

    static final String[] HEADER = {"figure", "baseline", "baseline value", "ours", "ratio ours/baseline",
        "target", "met"};

    private final List<String[]> rows = new ArrayList<>();

    public static void main(String[] args) throws IOException {
        Summary summary = new Summary();
        for (String arg : args) {
            Path file = Path.of(arg);
            if (!Files.exists(file)) {
                continue;
            }
            if (arg.endsWith(".json")) {
                summary.rows.addAll(RatioTable.rows(file));
            } else {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        summary.rows.add(line.split("\t", -1));
                    }
                }
            }
        }
        System.out.println("Machine: " + machine() + "\n");
        System.out.println(summary.markdown());
    }

    void row(String figure, String baseline, String baselineValue, String ours, String ratio, String target,
             String met) {
        rows.add(new String[] {figure, baseline, baselineValue, ours, ratio, target, met});
    }

    String markdown() {
        Ratios.Table table = new Ratios.Table(HEADER);
        rows.forEach(table::row);
        return table.toString();
    }

    /** Appends the rows to a tab-separated file that {@link #main} reads. */
    void append(Path file) throws IOException {
        StringBuilder out = new StringBuilder();
        rows.forEach(r -> out.append(String.join("\t", r)).append('\n'));
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, out, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    // --- the concurrency pairs ---

    void emulator(int concurrency, List<ConcurrencyHarness.Run> runs) {
        double[] rps = values(runs, ConcurrencyHarness.Run::perSecond);
        double[] share = values(runs, ConcurrencyHarness.Run::emulatorCpuShare);
        double[] clientUs = values(runs, ConcurrencyHarness.Run::cpuMicrosPerCall);
        double[] serverUs = new double[runs.size()];
        for (int i = 0; i < serverUs.length; i++) {
            serverUs[i] = share[i] * 1e6 / rps[i];
        }
        row("emulator alone: dynaspark:text, raw HttpClient 5, concurrency " + concurrency + ", requests/s",
                "-", "-", Ratios.spread(rps, "%.0f"), "-", "not the bottleneck",
                "emulator " + Ratios.spread(serverUs, "%.0f") + " µs CPU/request, client "
                + Ratios.spread(clientUs, "%.0f") + " µs");
    }

    void pair(String operation, int concurrency, Map<String, List<ConcurrencyHarness.Run>> runs) {
        List<ConcurrencyHarness.Run> jdk = runs.get(ConcurrencyHarness.RAW_JDK);
        List<ConcurrencyHarness.Run> hc5 = runs.get(ConcurrencyHarness.RAW_HC5);
        boolean jdkFaster = median(values(jdk, ConcurrencyHarness.Run::perSecond))
                            > median(values(hc5, ConcurrencyHarness.Run::perSecond));
        List<ConcurrencyHarness.Run> raw = jdkFaster ? jdk : hc5;
        String rawName = jdkFaster ? ConcurrencyHarness.RAW_JDK : ConcurrencyHarness.RAW_HC5;
        List<ConcurrencyHarness.Run> http = runs.get(ConcurrencyHarness.CAMEL_HTTP);
        List<ConcurrencyHarness.Run> ours = runs.get(ConcurrencyHarness.OURS);
        boolean top = concurrency >= 64;
        String at = operation + ", concurrency " + concurrency + ", ";
        compare(at + "requests/s", rawName, raw, ours, ConcurrencyHarness.Run::perSecond, "%.0f",
                top ? 0.95 : Double.NaN, true);
        compare(at + "requests/s", ConcurrencyHarness.CAMEL_HTTP, http, ours, ConcurrencyHarness.Run::perSecond,
                "%.0f", top ? 1.2 : Double.NaN, true);
        compare(at + "p50 (ms)", rawName, raw, ours, ConcurrencyHarness.Run::p50Millis, "%.2f", Double.NaN, false);
        compare(at + "p99 (ms)", rawName, raw, ours, ConcurrencyHarness.Run::p99Millis, "%.2f",
                top ? 1.1 : Double.NaN, false);
        compare(at + "p99 (ms)", ConcurrencyHarness.CAMEL_HTTP, http, ours, ConcurrencyHarness.Run::p99Millis,
                "%.2f", Double.NaN, false);
        compare(at + "client CPU per request (µs)", rawName, raw, ours, ConcurrencyHarness.Run::cpuMicrosPerCall,
                "%.0f", Double.NaN, false);
    }

    private void compare(String figure, String baselineName, List<ConcurrencyHarness.Run> baseline,
                         List<ConcurrencyHarness.Run> ours, ToDoubleFunction<ConcurrencyHarness.Run> metric,
                         String format, double target, boolean atLeast) {
        double[] b = values(baseline, metric);
        double[] o = values(ours, metric);
        double[] ratios = Ratios.pairwise(o, b);
        double ratio = median(ratios);
        String targetText = Double.isNaN(target) ? "" : (atLeast ? "≥ " : "≤ ") + target;
        String met = Double.isNaN(target) ? "" : (atLeast ? ratio >= target : ratio <= target) ? "yes" : "no";
        row(figure, baselineName, Ratios.spread(b, format), Ratios.spread(o, format), Ratios.spread(ratios, "%.2f"),
                targetText, met);
    }

    /** Each round: {p50 first delta (ms), p50 whole answer (ms), answers}. */
    void stream(Map<String, List<double[]>> runs) {
        List<double[]> raw = runs.get(ConcurrencyHarness.RAW_JDK);
        List<double[]> ours = runs.get(ConcurrencyHarness.OURS);
        double[] rawFirst = raw.stream().mapToDouble(r -> r[0]).toArray();
        double[] oursFirst = ours.stream().mapToDouble(r -> r[0]).toArray();
        double[] diff = new double[rawFirst.length];
        for (int i = 0; i < diff.length; i++) {
            diff[i] = oursFirst[i] - rawFirst[i];
        }
        double[] firstRatio = Ratios.pairwise(oursFirst, rawFirst);
        row("sparkstream:chat streamed, concurrency 1, time to first delta p50 (ms)", ConcurrencyHarness.RAW_JDK,
                Ratios.spread(rawFirst, "%.2f"), Ratios.spread(oursFirst, "%.2f"), Ratios.spread(firstRatio, "%.2f"),
                "≤ raw + 0.5 ms", (median(diff) <= 0.5 ? "yes" : "no") + " (" + ConcurrencyHarness.fmt("%+.2f", median(diff))
                + " ms)");
        double[] rawWhole = raw.stream().mapToDouble(r -> r[1]).toArray();
        double[] oursWhole = ours.stream().mapToDouble(r -> r[1]).toArray();
        row("sparkstream:chat streamed, concurrency 1, whole answer p50 (ms)", ConcurrencyHarness.RAW_JDK,
                Ratios.spread(rawWhole, "%.2f"), Ratios.spread(oursWhole, "%.2f"),
                Ratios.spread(Ratios.pairwise(oursWhole, rawWhole), "%.2f"), "", "");
    }

    static double[] values(List<ConcurrencyHarness.Run> runs, ToDoubleFunction<ConcurrencyHarness.Run> metric) {
        return runs.stream().mapToDouble(metric).toArray();
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The cores, the CPU, the JDK, the OS and how busy the machine was (its load averages) right now. */
    static String machine() {
        String cpu = "";
        String load = "";
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            cpu = lines.filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> ", " + l.substring(l.indexOf(':') + 1).trim()).orElse("");
            String[] avg = Files.readString(Path.of("/proc/loadavg")).split(" ");
            load = ", load average " + avg[0] + " " + avg[1] + " " + avg[2] + " (1, 5, 15 min)";
        } catch (IOException | RuntimeException notLinux) {
            // the figures stand without them
        }
        return Runtime.getRuntime().availableProcessors() + " cores" + cpu + ", JDK " + System.getProperty("java.version")
               + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch") + load;
    }
}
