package dev.camelspark.benchmarks;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The arithmetic and layout of the ratio tables. */
final class Ratios {

    private Ratios() {
    }

    /**
     * {@code ours / baseline} with its error, from two JMH scores and their errors (JMH gives the half-width of a
     * 99.9% confidence interval): relative errors added in quadrature, as for any quotient of independent measures.
     */
    static String ratio(double ours, double oursError, double baseline, double baselineError) {
        double ratio = ours / baseline;
        if (Double.isNaN(oursError) || Double.isNaN(baselineError)) {
            return format(ratio) + " ± ?";
        }
        double relative = Math.hypot(oursError / ours, baselineError / baseline);
        return withError(ratio, ratio * relative);
    }

    /** A score with JMH's error, e.g. {@code 412 ± 20}. */
    static String score(double score, double error) {
        return Double.isNaN(error) ? format(score) + " ± ?" : withError(score, error);
    }

    /** The value to three significant digits, its error to as many decimals. */
    private static String withError(double value, double error) {
        String shown = format(value);
        int dot = shown.indexOf('.');
        int decimals = dot < 0 ? 0 : shown.length() - dot - 1;
        return shown + " ± " + String.format(Locale.ROOT, decimals == 0 ? "%,.0f" : "%." + decimals + "f", error);
    }

    /** Three significant digits (all the digits of a whole number above 1000), never an exponent. */
    static String format(double value) {
        double abs = Math.abs(value);
        if (abs >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (abs >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (abs >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        if (abs >= 1) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        if (abs == 0 || Double.isNaN(value) || Double.isInfinite(value)) {
            return String.valueOf(value);
        }
        // small ratios and errors keep three significant digits: 0.00213, not 0.002
        return new BigDecimal(value).round(new MathContext(3)).toPlainString();
    }

    /** {@code ours[i] / baseline[i]}: each round's ratio. */
    static double[] pairwise(double[] ours, double[] baseline) {
        double[] out = new double[ours.length];
        for (int i = 0; i < ours.length; i++) {
            out[i] = ours[i] / baseline[i];
        }
        return out;
    }

    /** {@code median (min..max)}. */
    static String spread(double[] values, String format) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return String.format(Locale.ROOT, format + " (" + format + ".." + format + ")", median, sorted[0],
                sorted[n - 1]);
    }

    /** A plain-text table with aligned columns, printed as Markdown so it can be pasted into the README. */
    static final class Table {
        private final List<String[]> rows = new ArrayList<>();

        Table(String... header) {
            rows.add(header);
        }

        void row(String... cells) {
            rows.add(cells);
        }

        @Override
        public String toString() {
            int columns = rows.get(0).length;
            int[] width = new int[columns];
            for (String[] row : rows) {
                for (int c = 0; c < columns; c++) {
                    width[c] = Math.max(width[c], row[c].length());
                }
            }
            StringBuilder out = new StringBuilder();
            for (int r = 0; r < rows.size(); r++) {
                line(out, rows.get(r), width);
                if (r == 0) {
                    String[] rule = new String[columns];
                    for (int c = 0; c < columns; c++) {
                        rule[c] = "-".repeat(width[c]);
                    }
                    line(out, rule, width);
                }
            }
            return out.toString();
        }

        private static void line(StringBuilder out, String[] cells, int[] width) {
            out.append('|');
            for (int c = 0; c < cells.length; c++) {
                out.append(' ').append(cells[c]).append(" ".repeat(width[c] - cells[c].length())).append(" |");
            }
            out.append('\n');
        }
    }
}
