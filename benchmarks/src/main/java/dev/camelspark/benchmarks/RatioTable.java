package dev.camelspark.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a JMH result file ({@code -rf json}) and prints, for every pair of benchmarks named {@code <measure>Baseline}
 * and {@code <measure>Ours} in the same class with the same parameters, the ratio ours/baseline of the time per
 * operation and, when JMH ran with {@code -prof gc}, of the bytes allocated per operation.
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.camelspark.benchmarks.RatioTable results.json</pre>
 */
public final class RatioTable {

    private static final String GC_ALLOC = "gc.alloc.rate.norm";

    private RatioTable() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: RatioTable <jmh-result.json>");
            System.exit(2);
        }
        System.out.println(of(Path.of(args[0])));
    }

    static String of(Path jmhJson) throws IOException {
        Ratios.Table table = new Ratios.Table("benchmark", "metric", "baseline", "ours", "ratio ours/baseline");
        for (String[] row : pairs(jmhJson)) {
            table.row(row);
        }
        return table.toString();
    }

    /** The same pairs as rows of {@link Summary}'s table (figure, baseline, its value, ours, ratio, target, met). */
    static List<String[]> rows(Path jmhJson) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String[] pair : pairs(jmhJson)) {
            boolean sseAlloc = pair[0].startsWith("SseParsing") && pair[1].startsWith("allocated");
            double ratio = Double.parseDouble(pair[4].split(" ")[0].replace(",", ""));
            rows.add(new String[] {pair[0] + " (JMH), " + pair[1], "plain (see benchmarks/README.md)", pair[2],
                pair[3], pair[4], sseAlloc ? "≤ 1" : "", sseAlloc ? (ratio <= 1.0 ? "yes" : "no") : ""});
        }
        return rows;
    }

    /** {name, metric, baseline, ours, ratio} per pair and metric. */
    private static List<String[]> pairs(Path jmhJson) throws IOException {
        Map<String, Map<String, JsonNode>> pairs = new TreeMap<>();
        for (JsonNode result : new ObjectMapper().readTree(jmhJson.toFile())) {
            String benchmark = result.get("benchmark").asText();
            String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            String side = method.endsWith("Baseline") ? "baseline" : method.endsWith("Ours") ? "ours" : null;
            if (side == null) {
                continue;
            }
            String measure = method.substring(0, method.length() - (side.equals("ours") ? 4 : 8));
            String className = benchmark.substring(0, benchmark.lastIndexOf('.'));
            String key = className.substring(className.lastIndexOf('.') + 1).replace("Benchmark", "") + "."
                         + measure + params(result);
            pairs.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(side, result);
        }
        List<String[]> table = new ArrayList<>();
        pairs.forEach((name, pair) -> {
            JsonNode baseline = pair.get("baseline");
            JsonNode ours = pair.get("ours");
            if (baseline == null || ours == null) {
                return;
            }
            JsonNode bTime = baseline.get("primaryMetric");
            JsonNode oTime = ours.get("primaryMetric");
            row(table, name, "time (" + bTime.get("scoreUnit").asText() + ")", bTime, oTime, 1);
            JsonNode bAlloc = baseline.path("secondaryMetrics").get(GC_ALLOC);
            JsonNode oAlloc = ours.path("secondaryMetrics").get(GC_ALLOC);
            if (bAlloc != null && oAlloc != null) {
                double scale = bAlloc.get("score").asDouble() >= 1 << 20 ? 1 << 20
                        : bAlloc.get("score").asDouble() >= 1 << 10 ? 1 << 10 : 1;
                String unit = scale == 1 << 20 ? "MiB/op" : scale == 1 << 10 ? "KiB/op" : "B/op";
                row(table, name, "allocated (" + unit + ")", bAlloc, oAlloc, scale);
            }
        });
        return table;
    }

    private static void row(List<String[]> table, String name, String metric, JsonNode baseline, JsonNode ours,
                            double scale) {
        double b = baseline.get("score").asDouble();
        double be = error(baseline);
        double o = ours.get("score").asDouble();
        double oe = error(ours);
        table.add(new String[] {name, metric, Ratios.score(b / scale, be / scale),
            Ratios.score(o / scale, oe / scale), Ratios.ratio(o, oe, b, be)});
    }

    /** JMH writes "NaN" (a string) when it could not compute the error, e.g. from a single iteration. */
    private static double error(JsonNode metric) {
        JsonNode error = metric.get("scoreError");
        return error == null || !error.isNumber() ? Double.NaN : error.asDouble();
    }

    private static String params(JsonNode result) {
        JsonNode params = result.get("params");
        if (params == null || params.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(" (");
        params.fields().forEachRemaining(p -> out.append(out.length() > 2 ? ", " : "").append(p.getKey()).append('=')
                .append(p.getValue().asText()));
        return out.append(')').toString();
    }
}
